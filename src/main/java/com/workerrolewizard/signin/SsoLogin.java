package com.workerrolewizard.signin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import com.workerrolewizard.aws.HttpClients;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.SsoClientBuilder;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClientBuilder;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * IAM Identity Center sign-in: the OIDC device authorization flow (register a client, start the device
 * authorization, show the user code and page, poll for the token within its expiry, cancellable), a refresh with
 * the refresh token when the cache has one, and role credentials from the portal. The SDK cannot log in by itself.
 */
public final class SsoLogin {
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private final SsoTokenCache cache;
    private final Optional<URI> oidcEndpoint;
    private final Optional<URI> portalEndpoint;
    private final SignInPrompts prompts;

    public SsoLogin(SsoTokenCache cache, Optional<URI> oidcEndpoint, Optional<URI> portalEndpoint, SignInPrompts prompts) {
        this.cache = cache;
        this.oidcEndpoint = oidcEndpoint;
        this.portalEndpoint = portalEndpoint;
        this.prompts = prompts;
    }

    /** The settings of an Identity Center profile, from its sso-session section or its own legacy keys. */
    record Settings(String cacheKey, String startUrl, String region, String accountId, String roleName, List<String> scopes) {
        static Settings of(String name, Profile profile, ProfileFile file) {
            Optional<String> session = profile.property("sso_session");
            Optional<Profile> section = session.flatMap(s -> file.getSection("sso-session", s));
            String startUrl = section.flatMap(s -> s.property("sso_start_url")).or(() -> profile.property("sso_start_url"))
                    .orElseThrow(() -> new SignInException("Profile " + name + " has no sso_start_url."));
            String region = section.flatMap(s -> s.property("sso_region")).or(() -> profile.property("sso_region"))
                    .orElseThrow(() -> new SignInException("Profile " + name + " has no sso_region."));
            List<String> scopes = section.flatMap(s -> s.property("sso_registration_scopes"))
                    .map(s -> List.of(s.split("\\s*,\\s*"))).orElse(List.of("sso:account:access"));
            return new Settings(session.orElse(startUrl), startUrl, region, profile.property("sso_account_id").orElse(null),
                    profile.property("sso_role_name").orElse(null), scopes);
        }
    }

    /** Role credentials for the profile from a valid (or refreshed) cached token; asks for a login when there is none. */
    AwsCredentialsProvider credentials(String name, Profile profile, ProfileFile file) {
        Settings settings = Settings.of(name, profile, file);
        return new AwsCredentialsProvider() {
            private AwsSessionCredentials session;
            private Instant expiration = Instant.EPOCH;

            @Override
            public synchronized AwsCredentials resolveCredentials() {
                if (session == null || Instant.now().isAfter(expiration.minusSeconds(300))) {
                    SsoTokenCache.Token token = token(name, settings);
                    RoleCredentials role = roleCredentials(settings, token.accessToken());
                    session = AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken());
                    expiration = Instant.ofEpochMilli(role.expiration());
                }
                return session;
            }
        };
    }

    /** Whether the profile can sign in without a new login: a valid cached token, or one that can be refreshed. */
    public boolean signedIn(String name, ProfileFile file) {
        Profile profile = file.profile(name).orElseThrow(() -> new SignInException("Profile " + name + " does not exist."));
        try {
            token(name, Settings.of(name, profile, file));
            return true;
        } catch (SignInException e) {
            return false;
        }
    }

    /** A usable token: the cached one, a refreshed one, or a sign-in error saying to log in. */
    SsoTokenCache.Token token(String name, Settings settings) {
        Optional<SsoTokenCache.Token> cached = cache.read(settings.cacheKey());
        if (cached.isPresent() && cached.get().valid()) {
            return cached.get();
        }
        if (cached.isPresent() && cached.get().refreshable()) {
            Optional<SsoTokenCache.Token> refreshed = refresh(settings, cached.get());
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
        }
        throw new SignInException("Profile " + name + " needs an IAM Identity Center login ("
                + (cached.isPresent() ? "the session has expired" : "there is no session yet")
                + "): run 'worker-role-wizard login --profile " + name + "' (or 'aws sso login').");
    }

    private Optional<SsoTokenCache.Token> refresh(Settings settings, SsoTokenCache.Token old) {
        try (SsoOidcClient oidc = oidc(settings.region())) {
            CreateTokenResponse response = oidc.createToken(r -> r.clientId(old.clientId()).clientSecret(old.clientSecret())
                    .grantType("refresh_token").refreshToken(old.refreshToken()));
            SsoTokenCache.Token token = new SsoTokenCache.Token(settings.startUrl(), settings.region(), response.accessToken(),
                    Instant.now().plusSeconds(response.expiresIn()), old.clientId(), old.clientSecret(),
                    old.registrationExpiresAt(), Optional.ofNullable(response.refreshToken()).orElse(old.refreshToken()));
            cache.write(settings.cacheKey(), token);
            return Optional.of(token);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    /**
     * Logs in with the device authorization flow and writes the token to the AWS CLI's cache.
     *
     * @param cancelled polled between attempts; true stops the login and writes nothing
     */
    public SsoTokenCache.Token login(String name, ProfileFile file, BooleanSupplier cancelled) {
        Profile profile = file.profile(name).orElseThrow(() -> new SignInException("Profile " + name + " does not exist."));
        Settings settings = Settings.of(name, profile, file);
        try (SsoOidcClient oidc = oidc(settings.region())) {
            RegisterClientResponse client = oidc.registerClient(r -> r.clientName("worker-role-wizard").clientType("public")
                    .scopes(settings.scopes()));
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).startUrl(settings.startUrl()));
            prompts.showDeviceCode(name, device.userCode(), device.verificationUri(), device.verificationUriComplete());
            Instant deadline = Instant.now().plusSeconds(device.expiresIn());
            long interval = Math.max(1, device.interval() == null ? 5 : device.interval());
            while (Instant.now().isBefore(deadline)) {
                if (cancelled.getAsBoolean()) {
                    throw new SignInException("The IAM Identity Center login was cancelled; nothing was saved.");
                }
                try {
                    CreateTokenResponse response = oidc.createToken(r -> r.clientId(client.clientId())
                            .clientSecret(client.clientSecret()).grantType(DEVICE_GRANT).deviceCode(device.deviceCode()));
                    SsoTokenCache.Token token = new SsoTokenCache.Token(settings.startUrl(), settings.region(),
                            response.accessToken(), Instant.now().plusSeconds(response.expiresIn()), client.clientId(),
                            client.clientSecret(), Instant.ofEpochSecond(client.clientSecretExpiresAt()), response.refreshToken());
                    cache.write(settings.cacheKey(), token);
                    return token;
                } catch (AuthorizationPendingException e) {
                    pause(Duration.ofSeconds(interval), cancelled);
                } catch (SlowDownException e) {
                    interval += 5;
                    pause(Duration.ofSeconds(interval), cancelled);
                }
            }
            throw new SignInException("The IAM Identity Center login was not confirmed in time: run login again.");
        } catch (SdkException e) {
            throw new SignInException("The IAM Identity Center login failed: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private RoleCredentials roleCredentials(Settings settings, String accessToken) {
        if (settings.accountId() == null || settings.roleName() == null) {
            throw new SignInException("The profile needs sso_account_id and sso_role_name.");
        }
        SsoClientBuilder builder = SsoClient.builder().httpClient(HttpClients.create(java.time.Duration.ofSeconds(10)))
                .region(Region.of(settings.region())).credentialsProvider(AnonymousCredentialsProvider.create());
        portalEndpoint.ifPresent(builder::endpointOverride);
        try (SsoClient portal = builder.build()) {
            return portal.getRoleCredentials(r -> r.accessToken(accessToken).accountId(settings.accountId())
                    .roleName(settings.roleName())).roleCredentials();
        } catch (SdkException e) {
            throw new SignInException("IAM Identity Center refused role " + settings.roleName() + " in account "
                    + settings.accountId() + ": " + e.getMessage().lines().findFirst().orElse("") + ".");
        }
    }

    private SsoOidcClient oidc(String region) {
        SsoOidcClientBuilder builder = SsoOidcClient.builder().httpClient(HttpClients.create(java.time.Duration.ofSeconds(10)))
                .region(Region.of(region)).credentialsProvider(AnonymousCredentialsProvider.create());
        oidcEndpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static void pause(Duration duration, BooleanSupplier cancelled) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end && !cancelled.getAsBoolean()) {
            try {
                Thread.sleep(Math.min(200, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SignInException("The IAM Identity Center login was interrupted; nothing was saved.");
            }
        }
    }
}
