package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.validation.Finding;
import com.workerrolewizard.core.validation.PolicyValidator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * IAM Access Analyzer's {@code ValidatePolicy} ({@code POST /policy/validation}, REST with JSON, SigV4 for the
 * service {@code access-analyzer}). The SDK's own module for it is not available to this build, so the call is made
 * here on the SDK's signer and HTTP client. Regional: the region of the sign-in; the endpoint override (the sandbox,
 * {@code --endpoint-url}, {@code AWS_ENDPOINT_URL_ACCESSANALYZER}) replaces it as for IAM and STS.
 */
final class AccessAnalyzer implements PolicyValidator {
    private static final String SERVICE = "access-analyzer";
    private static final int MAX_PAGES = 20;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;

    AccessAnalyzer(SdkHttpClient http, AwsCredentialsProvider credentials, String region, Optional<URI> override) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = override.or(AccessAnalyzer::fromEnvironment).orElseGet(() -> standard(region));
    }

    private static Optional<URI> fromEnvironment() {
        for (String name : List.of("AWS_ENDPOINT_URL_ACCESSANALYZER", "AWS_ENDPOINT_URL")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(URI.create(value.strip()));
            }
        }
        return Optional.empty();
    }

    private static URI standard(String region) {
        return URI.create(
                "https://access-analyzer." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : ""));
    }

    @Override
    public Known<List<Finding>> validate(String document, PolicyKind kind) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("policyDocument", document);
        body.put("policyType", kind == PolicyKind.TRUST ? "RESOURCE_POLICY" : "IDENTITY_POLICY");
        if (kind == PolicyKind.TRUST) {
            body.put("validatePolicyResourceType", "AWS::IAM::AssumeRolePolicyDocument");
        }
        List<Finding> findings = new ArrayList<>();
        String next = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                JsonNode answer = call(body.toString(), next);
                for (JsonNode finding : answer.path("findings")) {
                    findings.add(new Finding(
                            finding.path("findingType").asText("WARNING"),
                            finding.path("issueCode").asText(""),
                            finding.path("findingDetails").asText(""),
                            finding.path("learnMoreLink").asText("")));
                }
                next = answer.path("nextToken").asText(null);
                if (next == null || next.isEmpty()) {
                    return Known.of(findings);
                }
            }
            return Known.of(findings);
        } catch (Refused e) {
            return Known.unknown(e.getMessage());
        } catch (IOException | SdkException | IllegalArgumentException e) {
            return Known.unknown("IAM Access Analyzer could not be reached at " + endpoint.getHost() + " ("
                    + NetworkProblems.explain(e).orElse(String.valueOf(e.getMessage())) + ")");
        }
    }

    private JsonNode call(String body, String nextToken) throws IOException {
        String path = stripSlash(endpoint.getRawPath()) + "/policy/validation";
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol(endpoint.getScheme())
                .host(endpoint.getHost())
                .encodedPath(path)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
        if (endpoint.getPort() > 0) {
            request.port(endpoint.getPort());
        }
        if (nextToken != null) {
            request.putRawQueryParameter("nextToken", URLEncoder.encode(nextToken, StandardCharsets.UTF_8));
        }
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(credentials.resolveCredentials())
                        .request(request.build())
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                        .request(signed.request())
                        .contentStreamProvider(signed.payload().orElse(null))
                        .build())
                .call();
        int status = response.httpResponse().statusCode();
        byte[] bytes;
        try (InputStream in = response.responseBody().map(b -> (InputStream) b).orElse(InputStream.nullInputStream())) {
            bytes = in.readNBytes(4 * 1024 * 1024);
        }
        if (status / 100 != 2) {
            throw Refused.of(status, response.httpResponse().firstMatchingHeader("x-amzn-ErrorType"), bytes);
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new Refused("IAM Access Analyzer's answer was not JSON (HTTP " + status + ")");
        }
    }

    private static String stripSlash(String path) {
        return path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** An answer other than the findings, in words: a refusal names the permission to ask for. */
    private static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }

        static Refused of(int status, Optional<String> errorType, byte[] body) {
            String type = errorType.map(t -> t.replaceAll(":.*$", "")).orElseGet(() -> {
                try {
                    return Json.MAPPER.readTree(body).path("__type").asText("");
                } catch (IOException e) {
                    return "";
                }
            });
            if (type.contains("ClientToken")
                    || type.contains("Signature")
                    || type.contains("UnrecognizedClient")
                    || type.contains("ExpiredToken")) {
                return new Refused(
                        "AWS refused the credentials for IAM Access Analyzer (HTTP " + status + ", " + type + ")");
            }
            if (type.contains("AccessDenied") || (status == 403 && type.isEmpty())) {
                return new Refused("the operator may not call access-analyzer:ValidatePolicy: ask for that "
                        + "permission, or pass --no-validate");
            }
            if (status == 404) {
                return new Refused("the endpoint does not offer IAM Access Analyzer (HTTP 404)");
            }
            return new Refused(
                    "IAM Access Analyzer answered HTTP " + status + (type.isEmpty() ? "" : " (" + type + ")"));
        }
    }
}
