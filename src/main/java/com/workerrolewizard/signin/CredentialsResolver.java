package com.workerrolewizard.signin;

import com.workerrolewizard.aws.HttpClients;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Credentials for a profile, the way the AWS CLI reads the same files: assume-role chains of any length
 * (source_profile or credential_source), with an MFA code asked through {@link SignInPrompts} (the SDK does not
 * ask), IAM Identity Center through the token cache {@link SsoLogin} writes, and the SDK's own providers for
 * keys, session keys, credential_process and web identity. The STS calls of a chain use the same endpoint
 * and region as everything else, so {@code --endpoint-url} reaches them too.
 */
public final class CredentialsResolver {
    private static final int MFA_TRIES = 3;
    private final ProfileFile file;
    private final String region;
    private final Optional<URI> endpoint;
    private final SignInPrompts prompts;
    private final SsoLogin sso;

    public CredentialsResolver(
            ProfileFile file, String region, Optional<URI> endpoint, SignInPrompts prompts, SsoLogin sso) {
        this.file = file;
        this.region = region;
        this.endpoint = endpoint;
        this.prompts = prompts;
        this.sso = sso;
    }

    public AwsCredentialsProvider resolve(String name) {
        ProfileInfo info = new ProfileCatalog(file, System.getenv())
                .profile(name)
                .orElseThrow(() -> new SignInException(
                        "Profile " + name + " is not in " + where() + ": check its name with the profiles command."));
        if (!info.usable()) {
            throw new SignInException("Profile " + name + " cannot work: "
                    + Character.toLowerCase(info.problem().charAt(0))
                    + info.problem().substring(1));
        }
        // Every STS call of the chain trusts the named profile's ca_bundle, as the AWS CLI reads it from that profile.
        return resolve(name, new LinkedHashSet<>(), HttpClients.caBundleOf(file, name));
    }

    private AwsCredentialsProvider resolve(String name, Set<String> chain, Optional<String> caBundle) {
        Profile profile = file.profile(name).orElseThrow();
        chain.add(name);
        return switch (ProfileCatalog.kind(profile)) {
            case ASSUME_ROLE -> assumeRole(name, profile, chain, caBundle);
            case SSO -> sso.credentials(name, file);
            case WEB_IDENTITY -> new WebIdentityRole(name, profile, caBundle);
            default ->
                ProfileCredentialsProvider.builder()
                        .profileFile(file)
                        .profileName(name)
                        .build();
        };
    }

    private AwsCredentialsProvider assumeRole(
            String name, Profile profile, Set<String> chain, Optional<String> caBundle) {
        AwsCredentialsProvider source;
        Optional<String> credentialSource = profile.property("credential_source");
        String sourceProfile = profile.property("source_profile").orElse(null);
        if (credentialSource.isPresent()) {
            source = switch (credentialSource.get()) {
                case "Environment" -> EnvironmentVariableCredentialsProvider.create();
                case "Ec2InstanceMetadata" -> InstanceProfileCredentialsProvider.create();
                default -> ContainerCredentialsProvider.builder().build();
            };
        } else if (name.equals(sourceProfile)) {
            source = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    profile.property("aws_access_key_id").orElseThrow(),
                    profile.property("aws_secret_access_key").orElseThrow()));
        } else {
            source = resolve(sourceProfile, chain, caBundle);
        }
        return new AssumedRole(name, profile, source, caBundle);
    }

    /** Assumes the role once and keeps the session until it is about to expire (an MFA code is asked again then). */
    private final class AssumedRole implements AwsCredentialsProvider {
        private final String name;
        private final Profile profile;
        private final AwsCredentialsProvider source;
        private final Optional<String> caBundle;
        private AwsSessionCredentials session;
        private Instant expiration = Instant.EPOCH;

        AssumedRole(String name, Profile profile, AwsCredentialsProvider source, Optional<String> caBundle) {
            this.name = name;
            this.profile = profile;
            this.source = source;
            this.caBundle = caBundle;
        }

        @Override
        public synchronized AwsCredentials resolveCredentials() {
            if (session == null || Instant.now().isAfter(expiration.minusSeconds(300))) {
                Credentials credentials = call();
                session = AwsSessionCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
                expiration = credentials.expiration();
            }
            return session;
        }

        private Credentials call() {
            StsClientBuilder builder = StsClient.builder()
                    .httpClient(HttpClients.create(java.time.Duration.ofSeconds(10), caBundle))
                    .region(Region.of(region))
                    .credentialsProvider(source);
            endpoint.ifPresent(builder::endpointOverride);
            try (StsClient sts = builder.build()) {
                AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                        .roleArn(profile.property("role_arn").orElseThrow())
                        .roleSessionName(profile.property("role_session_name")
                                .orElse("worker-role-wizard-" + Instant.now().getEpochSecond()));
                profile.property("external_id").ifPresent(request::externalId);
                profile.property("duration_seconds").map(Integer::valueOf).ifPresent(request::durationSeconds);
                Optional<String> serial = profile.property("mfa_serial");
                String retry = null;
                for (int attempt = 1; ; attempt++) {
                    serial.ifPresent(request::serialNumber);
                    if (serial.isPresent()) {
                        request.tokenCode(prompts.mfaCode(name, serial.get(), retry));
                    }
                    try {
                        return sts.assumeRole(request.build()).credentials();
                    } catch (AwsServiceException e) {
                        boolean wrongCode = serial.isPresent()
                                && String.valueOf(e.getMessage()).contains("MultiFactorAuthentication");
                        if (wrongCode && attempt < MFA_TRIES) {
                            retry = "That MFA code was not accepted: wait for the next code and type it.";
                            continue;
                        }
                        throw new SignInException("Profile " + name + " cannot assume "
                                + profile.property("role_arn").orElse("")
                                + ": "
                                + (wrongCode ? "the MFA code was not accepted " + MFA_TRIES + " times." : message(e)));
                    } catch (SdkException e) {
                        throw new SignInException("Profile " + name + " cannot assume "
                                + profile.property("role_arn").orElse("") + ": " + message(e));
                    }
                }
            }
        }
    }

    /**
     * A web identity profile: the token file is read at every refresh (it rotates) and exchanged with
     * {@code AssumeRoleWithWebIdentity} through the same STS endpoint as everything else.
     */
    private final class WebIdentityRole implements AwsCredentialsProvider {
        private final String name;
        private final Profile profile;
        private final Optional<String> caBundle;
        private AwsSessionCredentials session;
        private Instant expiration = Instant.EPOCH;

        WebIdentityRole(String name, Profile profile, Optional<String> caBundle) {
            this.name = name;
            this.profile = profile;
            this.caBundle = caBundle;
        }

        @Override
        public synchronized AwsCredentials resolveCredentials() {
            if (session == null || Instant.now().isAfter(expiration.minusSeconds(300))) {
                String token;
                try {
                    token = java.nio.file.Files.readString(java.nio.file.Path.of(
                                    profile.property("web_identity_token_file").orElseThrow()))
                            .strip();
                } catch (java.io.IOException e) {
                    throw new SignInException(
                            "Profile " + name + " cannot read its web_identity_token_file: " + e.getMessage());
                }
                StsClientBuilder builder = StsClient.builder()
                        .httpClient(HttpClients.create(java.time.Duration.ofSeconds(10), caBundle))
                        .region(Region.of(region))
                        .credentialsProvider(
                                software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create());
                endpoint.ifPresent(builder::endpointOverride);
                try (StsClient sts = builder.build()) {
                    Credentials credentials = sts.assumeRoleWithWebIdentity(r -> r.roleArn(
                                            profile.property("role_arn").orElseThrow())
                                    .roleSessionName(profile.property("role_session_name")
                                            .orElse("worker-role-wizard-"
                                                    + Instant.now().getEpochSecond()))
                                    .webIdentityToken(token))
                            .credentials();
                    session = AwsSessionCredentials.create(
                            credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
                    expiration = credentials.expiration();
                } catch (SdkException e) {
                    throw new SignInException("Profile " + name + " cannot assume "
                            + profile.property("role_arn").orElse("") + " with its web identity: " + message(e));
                }
            }
            return session;
        }
    }

    private static String message(SdkException e) {
        return SsoLogin.explain(e);
    }

    private static String where() {
        return "the AWS config and credentials files";
    }
}
