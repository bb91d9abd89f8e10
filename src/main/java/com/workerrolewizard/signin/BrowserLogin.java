package com.workerrolewizard.signin;

import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.endpoints.SsoOidcEndpointParams;
import software.amazon.awssdk.services.ssooidc.endpoints.SsoOidcEndpointProvider;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

/**
 * The OAuth 2.0 authorization code flow with PKCE, as {@code aws sso login} runs it for an sso-session: the browser
 * opens Identity Center's {@code /authorize} page, comes back to {@link LoopbackRedirect} with a code, and the code
 * with the PKCE verifier buys the token. No code to type.
 */
final class BrowserLogin {
    private final ClientRegistrations registrations;
    private final Optional<URI> oidcEndpoint;
    private final SignInPrompts prompts;
    private final Duration wait;

    BrowserLogin(ClientRegistrations registrations, Optional<URI> oidcEndpoint, SignInPrompts prompts, Duration wait) {
        this.registrations = registrations;
        this.oidcEndpoint = oidcEndpoint;
        this.prompts = prompts;
        this.wait = wait;
    }

    SsoTokenCache.Token run(SsoSettings settings, SsoOidcClient oidc, BooleanSupplier cancelled) {
        ClientRegistrations.Reuse reuse = registrations.forBrowser(settings, oidc);
        SsoTokenCache.Registration client = reuse.registration();
        Pkce pkce = Pkce.create();
        String state = UUID.randomUUID().toString();
        CreateTokenResponse response;
        String redirectUri;
        try (LoopbackRedirect redirect = LoopbackRedirect.start(state)) {
            redirectUri = redirect.redirectUri();
            prompts.openAuthorizationPage(
                    settings.profile(),
                    authorizeUrl(settings, client.clientId(), redirectUri, state, pkce.challenge()));
            String code = redirect.awaitCode(wait, cancelled);
            try {
                response = oidc.createToken(r -> r.grantType("authorization_code")
                        .clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .redirectUri(redirectUri)
                        .codeVerifier(pkce.verifier())
                        .code(code));
            } catch (ExpiredTokenException | InvalidGrantException e) {
                throw new SignInException("IAM Identity Center no longer accepts the code the browser brought back (it "
                        + "expired or was used): nothing was saved; run login again.");
            }
        }
        String operation = "CreateToken";
        Duration life =
                IdentityCenterAnswers.seconds(response.expiresIn(), "expiresIn", operation, Duration.ofDays(366));
        SsoTokenCache.Token token = new SsoTokenCache.Token(
                settings.startUrl(),
                settings.region(),
                IdentityCenterAnswers.required(response.accessToken(), "accessToken", operation),
                Instant.now().plus(life),
                client.clientId(),
                client.clientSecret(),
                client.expiresAt(),
                response.refreshToken());
        registrations.save(settings, reuse);
        return token;
    }

    /**
     * Identity Center's authorize page with the AWS CLI's parameters, in its order: scopes space-separated, values
     * percent-encoded (only {@code -_.~} kept), the challenge last.
     */
    String authorizeUrl(SsoSettings settings, String clientId, String redirectUri, String state, String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("code_challenge_method", "S256");
        query.put("scopes", String.join(" ", settings.browserScopes()));
        query.put("code_challenge", challenge);
        return base(settings.region()) + "/authorize?"
                + query.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /** The OIDC endpoint's scheme and authority: the override, or the SDK's own endpoint for the region. */
    private String base(String region) {
        URI endpoint = oidcEndpoint.orElseGet(() -> SsoOidcEndpointProvider.defaultProvider()
                .resolveEndpoint(SsoOidcEndpointParams.builder()
                        .region(Region.of(region))
                        .build())
                .join()
                .url());
        return endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
