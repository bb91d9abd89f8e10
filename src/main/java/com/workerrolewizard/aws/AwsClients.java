package com.workerrolewizard.aws;

import com.workerrolewizard.core.validation.PolicyValidator;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * One IAM and one STS client per credentials source, sharing one HTTP client, with call timeouts and the
 * SDK's adaptive retries: throttling and 5xx are retried with back-off, and throttling also slows the client's
 * pace, so a check of a thousand roles slows down under throttling instead of failing. The policy simulator has
 * its own IAM client that retries throttling only: a simulator that answers 5xx (an emulator) fails at once.
 * Close it when the source changes.
 */
public final class AwsClients implements AutoCloseable {
    private final SdkHttpClient http;
    private final IamClient iam;
    private final IamClient simulatorIam;
    private final StsClient sts;
    private final AccessAnalyzer accessAnalyzer;
    private final Organizations organizations;
    private final ConnectionSettings settings;

    public AwsClients(ConnectionSettings settings) {
        this.http =
                HttpClients.create(settings.attemptTimeout(), settings.profile().flatMap(HttpClients::caBundleOf));
        ClientOverrideConfiguration timeouts = ClientOverrideConfiguration.builder()
                .apiCallTimeout(settings.callTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .retryStrategy(RetryMode.ADAPTIVE_V2)
                .build();
        ClientOverrideConfiguration throttlingOnly = timeouts.toBuilder()
                .retryStrategy(DefaultRetryStrategy.adaptiveStrategyBuilder()
                        .useClientDefaults(false)
                        .retryOnException(AwsClients::throttled)
                        .treatAsThrottling(AwsClients::throttled)
                        .maxAttempts(8)
                        .build())
                .build();
        Region stsRegion = Region.of(settings.region().orElse("us-east-1"));
        IamClientBuilder iamBuilder = IamClient.builder()
                .httpClient(http)
                .credentialsProvider(settings.credentials())
                .overrideConfiguration(timeouts)
                .region(globalRegion(stsRegion));
        StsClientBuilder stsBuilder = StsClient.builder()
                .httpClient(http)
                .credentialsProvider(settings.credentials())
                .overrideConfiguration(timeouts)
                .region(stsRegion);
        settings.endpoint().ifPresent(endpoint -> {
            iamBuilder.endpointOverride(endpoint);
            stsBuilder.endpointOverride(endpoint);
        });
        this.iam = iamBuilder.build();
        this.simulatorIam = iamBuilder.overrideConfiguration(throttlingOnly).build();
        this.sts = stsBuilder.build();
        this.accessAnalyzer = new AccessAnalyzer(http, settings.credentials(), stsRegion.id(), settings.endpoint());
        this.organizations = new Organizations(http, settings.credentials(), settings.endpoint());
        this.settings = settings;
    }

    private static boolean throttled(Throwable e) {
        return e instanceof SdkServiceException service && service.isThrottlingException();
    }

    /** IAM is global per partition: its client's region is the partition's global one. */
    static Region globalRegion(Region region) {
        String id = region.id();
        if (id.startsWith("cn-")) {
            return Region.AWS_CN_GLOBAL;
        }
        if (id.startsWith("us-gov-")) {
            return Region.AWS_US_GOV_GLOBAL;
        }
        return Region.AWS_GLOBAL;
    }

    public IamClient iam() {
        return iam;
    }

    /** IAM for SimulatePrincipalPolicy: retries throttling only. */
    public IamClient simulatorIam() {
        return simulatorIam;
    }

    public StsClient sts() {
        return sts;
    }

    /** AWS Organizations: the accounts of the organization. */
    public Organizations organizations() {
        return organizations;
    }

    /** How these clients reach the account (for sessions entered from this one). */
    public ConnectionSettings settings() {
        return settings;
    }

    /** IAM Access Analyzer's policy validation, in the region of the sign-in. */
    public PolicyValidator policyValidator() {
        return accessAnalyzer;
    }

    @Override
    public void close() {
        iam.close();
        simulatorIam.close();
        sts.close();
        http.close();
    }
}
