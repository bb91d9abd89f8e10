package com.workerrolewizard.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Issue 12, finding 8: what Identity Center answers is not trusted. A local Identity Center answers with a plain-http
 * page, terminal escapes in the user code, missing fields and absurd numbers; each ends in one sentence, nothing
 * raw reaches the person, nothing is saved, and no wait outlives the login's deadline.
 */
class HostileIdentityCenterTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path folder;

    private FakeIdentityCenter identityCenter;
    private final List<String> shown = new CopyOnWriteArrayList<>();

    private final SignInPrompts prompts = new SignInPrompts() {
        @Override
        public String mfaCode(String profile, String serial, String retry) {
            throw new AssertionError("no MFA here");
        }

        @Override
        public void showDeviceCode(String profile, String userCode, String uri, String complete) {
            shown.add(userCode + " " + uri + " " + complete);
        }

        @Override
        public void openAuthorizationPage(String profile, String url) {
            shown.add(url);
        }
    };

    @BeforeEach
    void start() throws Exception {
        identityCenter = new FakeIdentityCenter();
    }

    @AfterEach
    void stop() {
        identityCenter.close();
    }

    private SsoTokenCache.Token deviceLogin(Duration wait) throws Exception {
        Path config = Files.writeString(folder.resolve("config"), """
                [profile legacy]
                sso_start_url = https://legacy.awsapps.com/start
                sso_region = us-east-1
                sso_account_id = 111122223333
                sso_role_name = ReadOnly
                """);
        ProfileFile file = ProfileFile.builder()
                .content(config)
                .type(ProfileFile.Type.CONFIGURATION)
                .build();
        return new SsoLogin(
                        new SsoTokenCache(folder.resolve("sso-cache")),
                        Optional.of(identityCenter.endpoint()),
                        Optional.of(identityCenter.endpoint()),
                        prompts,
                        wait)
                .login("legacy", file, () -> false);
    }

    private void assertRefusedInOneSentence(Throwable error, String says) throws Exception {
        assertThat(error).isInstanceOf(SignInException.class);
        assertThat(error.getMessage())
                .contains(says)
                .doesNotContain(ESC)
                .doesNotContain("\n")
                .startsWith("IAM Identity Center answered")
                .endsWith(".");
        assertThat(shown).as("nothing was shown").isEmpty();
        try (var files = Files.list(Files.createDirectories(folder.resolve("sso-cache")))) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.endsWith(".lock"));
        }
    }

    @Test
    void aVerificationPageThatIsNotHttpsIsRefused() throws Exception {
        identityCenter.deviceAnswer = answer -> answer.put("verificationUri", "http://phish.example/device");
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> deviceLogin(Duration.ofMinutes(1)));
        assertRefusedInOneSentence(
                error, "StartDeviceAuthorization with a verificationUri that is not an https address");
    }

    @Test
    void aPlainHttpPageOnThisMachineIsAcceptedForTests() throws Exception {
        identityCenter.deviceAnswer = answer -> answer.put("verificationUri", "http://127.0.0.1:9/device")
                .put("verificationUriComplete", "http://localhost:9/device?code=ABCD-EFGH");
        deviceLogin(Duration.ofMinutes(1));
        assertThat(shown)
                .containsExactly("ABCD-EFGH http://127.0.0.1:9/device http://localhost:9/device?code=ABCD-EFGH");
    }

    @Test
    void terminalEscapesInTheUserCodeNeverReachTheScreen() throws Exception {
        identityCenter.deviceAnswer = answer -> answer.put("userCode", ESC + "[2J" + ESC + "[31mPWNED");
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> deviceLogin(Duration.ofMinutes(1)));
        assertRefusedInOneSentence(error, "with a userCode that is not a short printable code");
        assertThat(error.getMessage()).doesNotContain("PWNED");
    }

    @Test
    void escapesInTheCompletePageAreRefusedToo() throws Exception {
        identityCenter.deviceAnswer = answer -> answer.put(
                "verificationUriComplete",
                "https://device.sso.example/" + ESC + "]8;;https://evil.example" + ESC + "\\");
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> deviceLogin(Duration.ofMinutes(1)));
        assertRefusedInOneSentence(error, "verificationUriComplete");
    }

    @Test
    void aMissingExpiresInIsOneSentenceNotANullPointer() throws Exception {
        identityCenter.deviceAnswer = answer -> answer.remove("expiresIn");
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> deviceLogin(Duration.ofMinutes(1)));
        assertRefusedInOneSentence(error, "StartDeviceAuthorization without expiresIn");
    }

    @Test
    void aTokenWithoutExpiresInIsRefusedAndNotSaved() throws Exception {
        identityCenter.pendingPolls.set(0);
        identityCenter.tokenAnswer = answer -> answer.remove("expiresIn");
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> deviceLogin(Duration.ofMinutes(1)));
        assertThat(error)
                .isInstanceOf(SignInException.class)
                .hasMessageStartingWith("IAM Identity Center answered CreateToken without expiresIn");
        try (var files = Files.list(folder.resolve("sso-cache"))) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.endsWith(".lock"));
        }
    }

    @Test
    void aRegistrationWithoutItsExpiryIsRefused() throws Exception {
        identityCenter.registerAnswer = answer -> answer.remove("clientSecretExpiresAt");
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> deviceLogin(Duration.ofMinutes(1)));
        assertRefusedInOneSentence(error, "RegisterClient without clientSecretExpiresAt");
    }

    @Test
    @Timeout(120)
    void aHugeIntervalNeverWaitsPastTheCodesExpiry() throws Exception {
        // Polls a day apart, a code valid for 2 seconds: the login ends when the code does, not a day later.
        identityCenter.pendingPolls.set(1_000);
        identityCenter.deviceAnswer = answer -> answer.put("interval", 86_400).put("expiresIn", 2);
        assertThatThrownBy(() -> deviceLogin(Duration.ofMinutes(10)))
                .isInstanceOf(SignInException.class)
                .hasMessage("The IAM Identity Center login was not confirmed in time: run login again.");
        assertThat(identityCenter.tokenRequests)
                .as("one poll, then the deadline")
                .hasSize(1);
    }

    @Test
    @Timeout(120)
    void aHugeExpiryIsBoundedByTheLoginsOwnDeadline() throws Exception {
        identityCenter.pendingPolls.set(1_000);
        identityCenter.deviceAnswer = answer -> answer.put("interval", 1).put("expiresIn", 1_000_000_000);
        assertThatThrownBy(() -> deviceLogin(Duration.ofSeconds(2)))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("not confirmed in time");
    }
}
