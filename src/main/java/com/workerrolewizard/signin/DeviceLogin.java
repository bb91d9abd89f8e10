package com.workerrolewizard.signin;

import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * The device authorization flow (for legacy profiles, and {@code --use-device-code}): a code to confirm on a page,
 * then polling for the token. Every number Identity Center sends is bounded by the login's deadline.
 */
final class DeviceLogin {
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private final ClientRegistrations registrations;
    private final SignInPrompts prompts;
    private final Duration wait;

    DeviceLogin(ClientRegistrations registrations, SignInPrompts prompts, Duration wait) {
        this.registrations = registrations;
        this.prompts = prompts;
        this.wait = wait;
    }

    SsoTokenCache.Token run(SsoSettings settings, SsoOidcClient oidc, BooleanSupplier cancelled) {
        ClientRegistrations.Reuse reuse = registrations.forDevice(settings, oidc);
        SsoTokenCache.Registration client = reuse.registration();
        StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .startUrl(settings.startUrl()));
        String operation = "StartDeviceAuthorization";
        String deviceCode = IdentityCenterAnswers.required(device.deviceCode(), "deviceCode", operation);
        String userCode = IdentityCenterAnswers.userCode(device.userCode(), operation);
        String page = IdentityCenterAnswers.page(device.verificationUri(), "verificationUri", operation);
        String pageWithCode = device.verificationUriComplete() == null
                ? null
                : IdentityCenterAnswers.page(device.verificationUriComplete(), "verificationUriComplete", operation);
        Instant deadline =
                Instant.now().plus(IdentityCenterAnswers.seconds(device.expiresIn(), "expiresIn", operation, wait));
        Duration interval = device.interval() == null
                ? Duration.ofSeconds(5)
                : IdentityCenterAnswers.seconds(device.interval(), "interval", operation, wait);
        prompts.showDeviceCode(settings.profile(), userCode, page, pageWithCode);
        while (Instant.now().isBefore(deadline)) {
            if (cancelled.getAsBoolean()) {
                throw new SignInException("The IAM Identity Center login was cancelled; nothing was saved.");
            }
            try {
                CreateTokenResponse response = oidc.createToken(r -> r.clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .grantType(GRANT)
                        .deviceCode(deviceCode));
                Duration life = IdentityCenterAnswers.seconds(
                        response.expiresIn(), "expiresIn", "CreateToken", Duration.ofDays(366));
                SsoTokenCache.Token token = new SsoTokenCache.Token(
                        settings.startUrl(),
                        settings.region(),
                        IdentityCenterAnswers.required(response.accessToken(), "accessToken", "CreateToken"),
                        Instant.now().plus(life),
                        client.clientId(),
                        client.clientSecret(),
                        client.expiresAt(),
                        response.refreshToken());
                registrations.save(settings, reuse);
                return token;
            } catch (AuthorizationPendingException e) {
                pause(interval, deadline, cancelled);
            } catch (SlowDownException e) {
                interval = interval.plusSeconds(5);
                pause(interval, deadline, cancelled);
            } catch (ExpiredTokenException e) {
                break;
            }
        }
        throw new SignInException("The IAM Identity Center login was not confirmed in time: run login again.");
    }

    /** Sleeps for the interval, never past the deadline, looking at Cancel every 200 ms. */
    private static void pause(Duration interval, Instant deadline, BooleanSupplier cancelled) {
        Instant end = Instant.now().plus(interval);
        if (end.isAfter(deadline)) {
            end = deadline;
        }
        while (Instant.now().isBefore(end) && !cancelled.getAsBoolean()) {
            try {
                Thread.sleep(Math.max(
                        1, Math.min(200, Duration.between(Instant.now(), end).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SignInException("The IAM Identity Center login was interrupted; nothing was saved.");
            }
        }
    }
}
