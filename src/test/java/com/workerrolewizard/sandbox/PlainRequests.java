package com.workerrolewizard.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Query-protocol POSTs to the sandbox from a plain java.net.http client, as any local process could send them:
 * unsigned, or signed with the SDK's own SigV4 signer (so the sandbox's check is held against AWS's signing code).
 */
final class PlainRequests {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI endpoint;

    PlainRequests(URI endpoint) {
        this.endpoint = endpoint;
    }

    HttpResponse<String> unsigned(String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    HttpResponse<String> signed(String form, AwsCredentialsIdentity keys) throws IOException, InterruptedException {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        return signed(body, body, keys, Clock.systemUTC());
    }

    /** Signs {@code signedBody} at the clock's time, then sends {@code sentBody}: a tampered body when they differ. */
    HttpResponse<String> signed(byte[] signedBody, byte[] sentBody, AwsCredentialsIdentity keys, Clock clock)
            throws IOException, InterruptedException {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(keys)
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(signedBody))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint);
        // java.net.http sets Host itself, to the same 127.0.0.1:PORT the signer signed.
        signed.request()
                .forEachHeader((name, values) -> values.forEach(v -> {
                    if (!name.equalsIgnoreCase("Host")) {
                        builder.header(name, v);
                    }
                }));
        return send(builder, sentBody);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String form) throws IOException, InterruptedException {
        return client.send(
                request.timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request, byte[] body) throws IOException, InterruptedException {
        return client.send(
                request.timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
