package com.workerrolewizard.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach an account: the credentials, the region (for STS and the partition), and an endpoint that
 * replaces IAM's and STS's (the sandbox, an emulator, a VPC endpoint). Empty parts fall back to the SDK's
 * own settings: {@code AWS_REGION}, the profile's region, {@code AWS_ENDPOINT_URL_IAM}, a profile's {@code endpoint_url}.
 */
public record ConnectionSettings(
        AwsCredentialsProvider credentials,
        Optional<String> region,
        Optional<URI> endpoint,
        Optional<String> profile,
        Duration callTimeout,
        Duration attemptTimeout) {

    /**
     * IAM answers in well under a second; 10 s per attempt and 30 s per call (retries included) leave room. The hidden
     * system property {@code worker.role.wizard.attemptTimeoutMillis} shortens the attempt for tests of timeouts.
     */
    public ConnectionSettings(
            AwsCredentialsProvider credentials,
            Optional<String> region,
            Optional<URI> endpoint,
            Optional<String> profile) {
        this(
                credentials,
                region,
                endpoint,
                profile,
                Duration.ofSeconds(30),
                Duration.ofMillis(Math.max(100, Long.getLong("worker.role.wizard.attemptTimeoutMillis", 10_000))));
    }
}
