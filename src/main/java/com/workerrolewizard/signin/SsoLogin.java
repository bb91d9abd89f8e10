package com.workerrolewizard.signin;

import com.workerrolewizard.aws.HttpClients;
import com.workerrolewizard.aws.NetworkProblems;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.SsoClientBuilder;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClientBuilder;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

/**
 * IAM Identity Center sign-in as the AWS CLI v2 does it: {@code login} through the browser (authorization code with
 * PKCE) for sso-session profiles, or with a device code (legacy profiles, or on request); the token and the client
 * registration in the AWS CLI's cache, one login of a session at a time; a refresh with the refresh token when under
 * 15 minutes remain; and role credentials from the portal. The SDK cannot log in by itself.
 */
public final class SsoLogin {
    /** The AWS CLI refreshes a token, and replaces a registration, with less than this left. */
    static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);
    /** How long a login waits for the browser (the AWS CLI's 10 minutes); the property shortens it for tests. */
    static final String WAIT_PROPERTY = "worker.role.wizard.loginWaitSeconds";

    private final SsoTokenCache cache;
    private final Optional<URI> oidcEndpoint;
    private final Optional<URI> portalEndpoint;
    private final SignInPrompts prompts;
    private final Duration wait;

    public SsoLogin(
            SsoTokenCache cache, Optional<URI> oidcEndpoint, Optional<URI> portalEndpoint, SignInPrompts prompts) {
        this(cache, oidcEndpoint, portalEndpoint, prompts, configuredWait());
    }

    public SsoLogin(
            SsoTokenCache cache,
            Optional<URI> oidcEndpoint,
            Optional<URI> portalEndpoint,
            SignInPrompts prompts,
            Duration wait) {
        this.cache = cache;
        this.oidcEndpoint = oidcEndpoint;
        this.portalEndpoint = portalEndpoint;
        this.prompts = prompts;
        this.wait = wait;
    }

    private static Duration configuredWait() {
        try {
            long seconds = Long.parseLong(System.getProperty(WAIT_PROPERTY, "600"));
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
        } catch (NumberFormatException e) {
            return Duration.ofMinutes(10);
        }
    }

    /** Role credentials for the profile from a valid (or refreshed) cached token; asks for a login when there is none. */
    AwsCredentialsProvider credentials(String name, ProfileFile file) {
        SsoSettings settings = SsoSettings.of(name, file);
        return new AwsCredentialsProvider() {
            private AwsSessionCredentials session;
            private Instant expiration = Instant.EPOCH;

            @Override
            public synchronized AwsCredentials resolveCredentials() {
                if (session == null || Instant.now().isAfter(expiration.minusSeconds(300))) {
                    SsoTokenCache.Token token = token(name, settings);
                    RoleCredentials role = roleCredentials(settings, token.accessToken());
                    session = AwsSessionCredentials.create(
                            role.accessKeyId(), role.secretAccessKey(), role.sessionToken());
                    expiration =
                            IdentityCenterAnswers.epoch(role.expiration(), "expiration", "GetRoleCredentials", true);
                }
                return session;
            }
        };
    }

    /** Whether the profile can sign in without a new login: a valid cached token, or one that can be refreshed. */
    public boolean signedIn(String name, ProfileFile file) {
        try {
            token(name, SsoSettings.of(name, file));
            return true;
        } catch (SignInException e) {
            return false;
        }
    }

    /** A usable token: the cached one, refreshed when under 15 minutes remain, or a sign-in error saying to log in. */
    SsoTokenCache.Token token(String name, SsoSettings settings) {
        Optional<SsoTokenCache.Token> cached = readToken(name, settings);
        if (cached.isPresent() && !cached.get().expiresWithin(REFRESH_WINDOW)) {
            return cached.get();
        }
        if (cached.isPresent() && cached.get().refreshable()) {
            Optional<SsoTokenCache.Token> refreshed = refreshUnderLock(name, settings);
            if (refreshed.isPresent()) {
                return refreshed.get();
            }
        }
        if (cached.isPresent() && cached.get().valid()) {
            return cached.get();
        }
        throw new SignInException("Profile " + name + " needs an IAM Identity Center login ("
                + (cached.isPresent() ? "the session has expired" : "there is no session yet")
                + "): run 'worker-role-wizard login --profile " + name + "' (or 'aws sso login').");
    }

    private Optional<SsoTokenCache.Token> readToken(String name, SsoSettings settings) {
        try {
            return cache.read(settings.cacheKey());
        } catch (SsoTokenCache.UnreadableFile e) {
            throw new SignInException(e.sentence(name));
        }
    }

    /** Refreshes under the session's lock; another process may have refreshed (or logged in) meanwhile. */
    private Optional<SsoTokenCache.Token> refreshUnderLock(String name, SsoSettings settings) {
        try (SessionLock lock = cache.lock(settings.cacheKey(), () -> false, () -> {}, Duration.ofSeconds(30))) {
            Optional<SsoTokenCache.Token> current = readToken(name, settings);
            if (current.isPresent() && !current.get().expiresWithin(REFRESH_WINDOW)) {
                return current;
            }
            return current.filter(SsoTokenCache.Token::refreshable).flatMap(old -> refresh(settings, old));
        } catch (SignInException e) {
            return Optional.empty();
        }
    }

    private Optional<SsoTokenCache.Token> refresh(SsoSettings settings, SsoTokenCache.Token old) {
        try (SsoOidcClient oidc = oidc(settings)) {
            CreateTokenResponse response = oidc.createToken(r -> r.clientId(old.clientId())
                    .clientSecret(old.clientSecret())
                    .grantType("refresh_token")
                    .refreshToken(old.refreshToken()));
            Duration life = IdentityCenterAnswers.seconds(
                    response.expiresIn(), "expiresIn", "CreateToken", Duration.ofDays(366));
            SsoTokenCache.Token token = new SsoTokenCache.Token(
                    settings.startUrl(),
                    settings.region(),
                    IdentityCenterAnswers.required(response.accessToken(), "accessToken", "CreateToken"),
                    Instant.now().plus(life),
                    old.clientId(),
                    old.clientSecret(),
                    old.registrationExpiresAt(),
                    Optional.ofNullable(response.refreshToken()).orElse(old.refreshToken()));
            cache.write(settings.cacheKey(), token);
            return Optional.of(token);
        } catch (SdkException | SignInException e) {
            return Optional.empty();
        }
    }

    /** Logs in the way the AWS CLI does for this profile: the browser for an sso-session, else a device code. */
    public SsoTokenCache.Token login(String name, ProfileFile file, BooleanSupplier cancelled) {
        return login(name, file, cancelled, false);
    }

    /**
     * Logs in and writes the token (and a new registration) to the AWS CLI's cache, replacing only this session's
     * files (a file that could not be read is repaired so). While another login of the session runs, this one
     * waits, then takes the token that login made.
     *
     * @param cancelled polled while waiting; true stops the login and writes nothing
     */
    public SsoTokenCache.Token login(String name, ProfileFile file, BooleanSupplier cancelled, boolean useDeviceCode) {
        SsoSettings settings = SsoSettings.of(name, file);
        try (SessionLock lock = cache.lock(
                settings.cacheKey(), cancelled, () -> prompts.waitingForOtherLogin(name), wait.plusMinutes(1))) {
            if (lock.waited()) {
                Optional<SsoTokenCache.Token> made = quietly(settings);
                if (made.isPresent() && !made.get().expiresWithin(REFRESH_WINDOW)) {
                    return made.get();
                }
            }
            ClientRegistrations registrations = new ClientRegistrations(cache);
            SsoTokenCache.Token token;
            try (SsoOidcClient oidc = oidc(settings)) {
                token = settings.browserLogin() && !useDeviceCode
                        ? new BrowserLogin(registrations, oidcEndpoint, prompts, wait).run(settings, oidc, cancelled)
                        : new DeviceLogin(registrations, prompts, wait).run(settings, oidc, cancelled);
            } catch (SdkException e) {
                throw new SignInException("The IAM Identity Center login failed: " + explain(e));
            }
            cache.write(settings.cacheKey(), token);
            return token;
        }
    }

    private Optional<SsoTokenCache.Token> quietly(SsoSettings settings) {
        try {
            return cache.read(settings.cacheKey());
        } catch (SsoTokenCache.UnreadableFile e) {
            return Optional.empty();
        }
    }

    private RoleCredentials roleCredentials(SsoSettings settings, String accessToken) {
        if (settings.accountId() == null || settings.roleName() == null) {
            throw new SignInException("The profile needs sso_account_id and sso_role_name.");
        }
        SsoClientBuilder builder = SsoClient.builder()
                .httpClient(HttpClients.create(Duration.ofSeconds(10), settings.caBundle()))
                .region(Region.of(settings.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create());
        portalEndpoint.ifPresent(builder::endpointOverride);
        RoleCredentials role;
        try (SsoClient portal = builder.build()) {
            role = portal.getRoleCredentials(r -> r.accessToken(accessToken)
                            .accountId(settings.accountId())
                            .roleName(settings.roleName()))
                    .roleCredentials();
        } catch (SdkException e) {
            throw new SignInException("IAM Identity Center refused role " + settings.roleName() + " in account "
                    + settings.accountId() + ": " + explain(e));
        }
        String operation = "GetRoleCredentials";
        if (role == null) {
            throw IdentityCenterAnswers.missing("roleCredentials", operation);
        }
        IdentityCenterAnswers.required(role.accessKeyId(), "accessKeyId", operation);
        IdentityCenterAnswers.required(role.secretAccessKey(), "secretAccessKey", operation);
        IdentityCenterAnswers.required(role.sessionToken(), "sessionToken", operation);
        return role;
    }

    private SsoOidcClient oidc(SsoSettings settings) {
        SsoOidcClientBuilder builder = SsoOidcClient.builder()
                .httpClient(HttpClients.create(Duration.ofSeconds(10), settings.caBundle()))
                .region(Region.of(settings.region()))
                .credentialsProvider(AnonymousCredentialsProvider.create());
        oidcEndpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A failed call in words: the network's problem when there is one, else the service's first line. */
    static String explain(SdkException e) {
        return NetworkProblems.explain(e).orElseGet(() -> {
            String message = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                            && service.awsErrorDetails() != null
                            && service.awsErrorDetails().errorMessage() != null
                    ? service.awsErrorDetails().errorMessage()
                    : String.valueOf(e.getMessage());
            String line = com.workerrolewizard.aws.Printable.of(
                            message.lines().findFirst().orElse(message))
                    .strip();
            return line.endsWith(".") ? line : line + ".";
        });
    }
}
