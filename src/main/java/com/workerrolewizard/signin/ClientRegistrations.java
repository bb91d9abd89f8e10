package com.workerrolewizard.signin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * The OIDC client a login signs in with, as the AWS CLI keeps it: one registration per session (in the shared
 * cache), reused until it is within 15 minutes of expiring. A browser login needs one made for the authorization
 * code grant; a device login one without grant types; the other kind is replaced, as the AWS CLI does.
 */
final class ClientRegistrations {
    static final List<String> BROWSER_GRANTS = List.of("authorization_code", "refresh_token");
    private final SsoTokenCache cache;

    ClientRegistrations(SsoTokenCache cache) {
        this.cache = cache;
    }

    /** A cached registration for the browser flow, or a new one (saved by the caller once the login has worked). */
    Reuse forBrowser(SsoSettings settings, SsoOidcClient oidc) {
        Optional<SsoTokenCache.Registration> cached =
                cache.readRegistration(settings).filter(r -> !r.expiring() && r.forAuthorizationCode());
        if (cached.isPresent()) {
            return new Reuse(cached.get(), false);
        }
        List<String> scopes = settings.browserScopes();
        RegisterClientResponse response = oidc.registerClient(r -> r.clientName(clientName(settings))
                .clientType("public")
                .grantTypes(BROWSER_GRANTS)
                .redirectUris(LoopbackRedirect.REGISTERED_URI)
                .issuerUrl(settings.startUrl())
                .scopes(scopes));
        return new Reuse(registration(response, scopes, BROWSER_GRANTS), true);
    }

    /** A cached registration for the device flow, or a new one. */
    Reuse forDevice(SsoSettings settings, SsoOidcClient oidc) {
        Optional<SsoTokenCache.Registration> cached =
                cache.readRegistration(settings).filter(r -> !r.expiring() && !r.forAuthorizationCode());
        if (cached.isPresent()) {
            return new Reuse(cached.get(), false);
        }
        List<String> scopes = settings.configuredScopes() == null
                        || settings.configuredScopes().isEmpty()
                ? null
                : settings.configuredScopes();
        RegisterClientResponse response = oidc.registerClient(r -> {
            r.clientName(clientName(settings)).clientType("public");
            if (scopes != null) {
                r.scopes(scopes);
            }
        });
        return new Reuse(registration(response, scopes, null), true);
    }

    void save(SsoSettings settings, Reuse reuse) {
        if (reuse.fresh()) {
            cache.writeRegistration(settings, reuse.registration());
        }
    }

    private static SsoTokenCache.Registration registration(
            RegisterClientResponse response, List<String> scopes, List<String> grants) {
        String operation = "RegisterClient";
        return new SsoTokenCache.Registration(
                IdentityCenterAnswers.required(response.clientId(), "clientId", operation),
                IdentityCenterAnswers.required(response.clientSecret(), "clientSecret", operation),
                IdentityCenterAnswers.epoch(
                        response.clientSecretExpiresAt(), "clientSecretExpiresAt", operation, false),
                scopes,
                grants);
    }

    private static String clientName(SsoSettings settings) {
        return "worker-role-wizard-"
                + (settings.sessionName() != null
                        ? settings.sessionName()
                        : String.valueOf(Instant.now().getEpochSecond()));
    }

    /** A registration, and whether it was just made (and so is to be saved). */
    record Reuse(SsoTokenCache.Registration registration, boolean fresh) {}
}
