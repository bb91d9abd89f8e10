package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.core.policy.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * One SigV4-signed POST with a JSON body and a JSON answer, on the SDK's signer and HTTP client: for the services
 * whose SDK modules this build cannot have (IAM Access Analyzer, Organizations).
 */
final class SignedJsonCall {
    private static final int MAX_ANSWER = 8 * 1024 * 1024;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String service;
    private final String region;
    private final URI endpoint;

    SignedJsonCall(
            SdkHttpClient http, AwsCredentialsProvider credentials, String service, String region, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.service = service;
        this.region = region;
        this.endpoint = endpoint;
    }

    URI endpoint() {
        return endpoint;
    }

    /** An answer other than 2xx: its HTTP status and the service's error type ({@code AccessDeniedException}). */
    static final class Refused extends IOException {
        final int status;
        final String type;

        Refused(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    /**
     * @param path    the path after the endpoint's own ({@code /policy/validation}, {@code /})
     * @param query   raw query parameters, already encoded
     * @param headers extra headers ({@code X-Amz-Target})
     */
    JsonNode post(String path, Map<String, String> query, Map<String, String> headers, String contentType, String body)
            throws IOException {
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol(endpoint.getScheme())
                .host(endpoint.getHost())
                .encodedPath(base + path)
                .putHeader("Content-Type", contentType)
                .putHeader("Accept", "application/json");
        if (endpoint.getPort() > 0) {
            request.port(endpoint.getPort());
        }
        query.forEach(request::putRawQueryParameter);
        headers.forEach(request::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(credentials.resolveCredentials())
                        .request(request.build())
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                        .request(signed.request())
                        .contentStreamProvider(signed.payload().orElse(null))
                        .build())
                .call();
        int status = response.httpResponse().statusCode();
        byte[] bytes;
        try (InputStream in = response.responseBody().map(b -> (InputStream) b).orElse(InputStream.nullInputStream())) {
            bytes = in.readNBytes(MAX_ANSWER);
        }
        if (status / 100 != 2) {
            String type = errorType(response.httpResponse().firstMatchingHeader("x-amzn-ErrorType"), bytes);
            throw new Refused(status, type, "HTTP " + status + (type.isEmpty() ? "" : " (" + type + ")"));
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new Refused(status, "", "an answer that is not JSON (HTTP " + status + ")");
        }
    }

    private static String errorType(Optional<String> header, byte[] body) {
        return header.map(t -> t.replaceAll(":.*$", "")).orElseGet(() -> {
            try {
                String type = Json.MAPPER.readTree(body).path("__type").asText("");
                return type.replaceAll("^.*#", "");
            } catch (IOException e) {
                return "";
            }
        });
    }
}
