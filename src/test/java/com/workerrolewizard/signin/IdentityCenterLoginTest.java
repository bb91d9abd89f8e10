package com.workerrolewizard.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.core.signin.SsoTokenStatus;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * IAM Identity Center login as {@code aws sso login} does it, against a local Identity Center, with the test as the
 * browser: the authorization code flow with PKCE (what it sends, what it writes, field by field), the registration
 * reused and replaced, refusals, cancel, refresh, one login of a session at a time, an unreadable cache repaired.
 */
class IdentityCenterLoginTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START_URL = "https://corp.awsapps.com/start";

    @TempDir
    Path folder;

    private FakeIdentityCenter identityCenter;
    private final List<String> pages = new CopyOnWriteArrayList<>();
    private final List<TestBrowser.Visit> visits = new CopyOnWriteArrayList<>();
    private final List<String> deviceCodes = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> unopened = new LinkedBlockingQueue<>();
    private final CountDownLatch otherLoginSeen = new CountDownLatch(1);
    private volatile boolean browserFollows = true;

    /** Prompts of a person who follows the sign-in page in the browser right away (unless told not to). */
    private final SignInPrompts prompts = new SignInPrompts() {
        @Override
        public String mfaCode(String profile, String serial, String retry) {
            throw new AssertionError("no MFA here");
        }

        @Override
        public void showDeviceCode(String profile, String userCode, String uri, String complete) {
            deviceCodes.add(userCode + " " + uri);
        }

        @Override
        public void openAuthorizationPage(String profile, String url) {
            pages.add(url);
            if (!browserFollows) {
                unopened.add(url);
                return;
            }
            browse(url);
        }

        @Override
        public void waitingForOtherLogin(String profile) {
            otherLoginSeen.countDown();
        }
    };

    private final List<CompletableFuture<Void>> browsing = new CopyOnWriteArrayList<>();

    /** The pages the test browser saw, once it has read each one (it reads on after the login has its answer). */
    private List<TestBrowser.Visit> visited() {
        browsing.forEach(CompletableFuture::join);
        return visits;
    }

    private void browse(String url) {
        browsing.add(CompletableFuture.runAsync(() -> {
            try {
                visits.add(TestBrowser.follow(url));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    @BeforeEach
    void start() throws Exception {
        identityCenter = new FakeIdentityCenter();
    }

    @AfterEach
    void stop() {
        identityCenter.close();
    }

    private static final String CONFIG = """
            [profile corp]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Admin
            region = eu-west-1

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1

            [profile scoped]
            sso_session = scoped
            sso_account_id = 111122223333
            sso_role_name = Admin

            [sso-session scoped]
            sso_start_url = https://scoped.awsapps.com/start
            sso_region = eu-central-1
            sso_registration_scopes = sso:account:access, codewhisperer:completions

            [profile legacy]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 111122223333
            sso_role_name = ReadOnly
            """;

    private ProfileFile config() throws Exception {
        Path file = Files.writeString(folder.resolve("config"), CONFIG);
        return ProfileFile.builder()
                .content(file)
                .type(ProfileFile.Type.CONFIGURATION)
                .build();
    }

    private SsoTokenCache cache() {
        return new SsoTokenCache(folder.resolve("sso-cache"));
    }

    private SsoLogin sso(Duration wait) {
        return new SsoLogin(
                cache(), Optional.of(identityCenter.endpoint()), Optional.of(identityCenter.endpoint()), prompts, wait);
    }

    private SsoLogin sso() {
        return sso(Duration.ofMinutes(1));
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The registration file's name, from the key written out by hand as Python's json.dumps(..., sort_keys=True) prints it. */
    private Path registrationFile(String region, String scopes, String session, String startUrl) throws Exception {
        String key = "{\"region\": \"" + region + "\", \"scopes\": " + scopes + ", \"session_name\": "
                + (session == null ? "null" : "\"" + session + "\"") + ", \"startUrl\": \"" + startUrl
                + "\", \"tool\": \"botocore\"}";
        return folder.resolve("sso-cache").resolve(sha1(key) + ".json");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @Test
    void theBrowserLoginSendsWhatTheAwsCliSendsAndWritesBothFilesInItsFormat() throws Exception {
        SsoTokenCache.Token token = sso().login("corp", config(), () -> false);

        assertThat(pages).hasSize(1);
        String url = pages.get(0);
        assertThat(url).startsWith(identityCenter.endpoint() + "/authorize?response_type=code&client_id=");
        Map<String, String> query = query(url);
        assertThat(query.keySet())
                .containsExactly(
                        "response_type",
                        "client_id",
                        "redirect_uri",
                        "state",
                        "code_challenge_method",
                        "scopes",
                        "code_challenge");
        assertThat(query.get("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+/oauth/callback");
        assertThat(query.get("state")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(query.get("code_challenge_method")).isEqualTo("S256");
        assertThat(query.get("scopes")).isEqualTo("sso:account:access");
        assertThat(url).contains("&scopes=sso%3Aaccount%3Aaccess&").doesNotContain("+");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");

        JsonNode register = identityCenter.registrations.get(0);
        assertThat(register.get("clientType").asText()).isEqualTo("public");
        assertThat(register.get("grantTypes").toString()).isEqualTo("[\"authorization_code\",\"refresh_token\"]");
        assertThat(register.get("redirectUris").toString()).isEqualTo("[\"http://127.0.0.1/oauth/callback\"]");
        assertThat(register.get("issuerUrl").asText()).isEqualTo(START_URL);
        assertThat(register.get("scopes").toString()).isEqualTo("[\"sso:account:access\"]");

        JsonNode create = identityCenter.tokenRequests.get(0);
        assertThat(create.get("grantType").asText()).isEqualTo("authorization_code");
        assertThat(create.get("redirectUri").asText()).isEqualTo(query.get("redirect_uri"));
        assertThat(create.get("clientId").asText()).isEqualTo(query.get("client_id"));
        assertThat(create.get("code").asText()).startsWith("code-");
        String verifier = create.get("codeVerifier").asText();
        assertThat(verifier).matches("[A-Za-z0-9._~-]{64}");
        assertThat(FakeIdentityCenter.challenge(verifier)).isEqualTo(query.get("code_challenge"));

        assertThat(visited()).hasSize(1);
        assertThat(visits.get(0).landedAt().getPath()).isEqualTo("/oauth/callback");
        assertThat(visits.get(0).page()).contains("You may close this page");

        Path tokenFile = folder.resolve("sso-cache").resolve(sha1("corp") + ".json");
        String tokenText = Files.readString(tokenFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                .isEqualTo("rw-------");
        JsonNode tokenJson = JSON.readTree(tokenText);
        assertThat(tokenJson.fieldNames())
                .toIterable()
                .containsExactly(
                        "startUrl",
                        "region",
                        "accessToken",
                        "expiresAt",
                        "clientId",
                        "clientSecret",
                        "registrationExpiresAt",
                        "refreshToken");
        assertThat(tokenJson.get("startUrl").asText()).isEqualTo(START_URL);
        assertThat(tokenJson.get("region").asText()).isEqualTo("us-east-1");
        assertThat(tokenJson.get("accessToken").asText())
                .isEqualTo(identityCenter.lastAccessToken)
                .isEqualTo(token.accessToken());
        assertThat(tokenJson.get("expiresAt").asText()).matches(TIME);
        assertThat(tokenJson.get("registrationExpiresAt").asText()).matches(TIME);
        assertThat(tokenJson.get("clientId").asText()).isEqualTo(query.get("client_id"));
        assertThat(tokenJson.get("refreshToken").asText()).startsWith("refresh-token-");
        // Written as Python's json.dumps writes it: one line, ", " and ": " between items.
        assertThat(tokenText)
                .startsWith("{\"startUrl\": \"" + START_URL + "\", \"region\": \"us-east-1\", \"accessToken\": ")
                .doesNotContain("\n");

        Path registration = registrationFile("us-east-1", "null", "corp", START_URL);
        assertThat(registration).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(registration)))
                .isEqualTo("rw-------");
        JsonNode registrationJson = JSON.readTree(registration.toFile());
        assertThat(registrationJson.fieldNames())
                .toIterable()
                .containsExactly("clientId", "clientSecret", "expiresAt", "scopes", "grantTypes");
        assertThat(registrationJson.get("clientId").asText()).isEqualTo(query.get("client_id"));
        assertThat(registrationJson.get("clientSecret").asText())
                .isEqualTo(tokenJson.get("clientSecret").asText());
        assertThat(registrationJson.get("expiresAt").asText())
                .matches(TIME)
                .isEqualTo(tokenJson.get("registrationExpiresAt").asText());
        assertThat(Files.readString(registration))
                .contains("\"scopes\": [\"sso:account:access\"], "
                        + "\"grantTypes\": [\"authorization_code\", \"refresh_token\"]}");
        try (var files = Files.list(folder.resolve("sso-cache"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrder(
                            tokenFile.getFileName().toString(),
                            registration.getFileName().toString());
        }
    }

    @Test
    void theRegistrationIsReusedUntilItNearsItsExpiryAndConfiguredScopesNameItsFile() throws Exception {
        ProfileFile file = config();
        sso().login("scoped", file, () -> false);
        sso().login("scoped", file, () -> false);
        assertThat(identityCenter.clientCount())
                .as("the second login reuses the registration")
                .isEqualTo(1);
        assertThat(query(pages.get(1)).get("scopes")).isEqualTo("sso:account:access codewhisperer:completions");
        assertThat(registrationFile(
                        "eu-central-1",
                        "[\"sso:account:access\", \"codewhisperer:completions\"]",
                        "scoped",
                        "https://scoped.awsapps.com/start"))
                .exists();

        // A registration with 10 minutes left is within the AWS CLI's 15-minute window: a new one is made.
        identityCenter.registrationSeconds = 600;
        sso().login("corp", file, () -> false);
        sso().login("corp", file, () -> false);
        assertThat(identityCenter.clientCount()).isEqualTo(3);
        JsonNode saved = JSON.readTree(
                registrationFile("us-east-1", "null", "corp", START_URL).toFile());
        List<JsonNode> requests = identityCenter.tokenRequests;
        assertThat(saved.get("clientId").asText())
                .isEqualTo(requests.get(3).get("clientId").asText())
                .isNotEqualTo(requests.get(2).get("clientId").asText());
    }

    @Test
    void anExpiredRegistrationInTheCacheIsReplacedNotUsed() throws Exception {
        ProfileFile file = config();
        Path registration = registrationFile("us-east-1", "null", "corp", START_URL);
        Files.createDirectories(registration.getParent());
        Files.writeString(
                registration,
                "{\"clientId\": \"client-gone\", \"clientSecret\": \"old-secret\", "
                        + "\"expiresAt\": \"2020-01-01T00:00:00Z\", \"scopes\": [\"sso:account:access\"], "
                        + "\"grantTypes\": [\"authorization_code\", \"refresh_token\"]}");
        sso().login("corp", file, () -> false);
        assertThat(identityCenter.clientCount()).isEqualTo(1);
        assertThat(query(pages.get(0)).get("client_id")).isNotEqualTo("client-gone");
        assertThat(JSON.readTree(registration.toFile()).get("expiresAt").asText())
                .isNotEqualTo("2020-01-01T00:00:00Z");
    }

    @Test
    void aDeviceRegistrationIsReplacedWhenTheBrowserNeedsOneAndTheOtherWayRound() throws Exception {
        ProfileFile file = config();
        sso().login("corp", file, () -> false, true);
        assertThat(deviceCodes).containsExactly("ABCD-EFGH https://device.sso.example/");
        Path registration = registrationFile("us-east-1", "null", "corp", START_URL);
        JsonNode device = JSON.readTree(registration.toFile());
        assertThat(device.fieldNames()).toIterable().containsExactly("clientId", "clientSecret", "expiresAt");
        assertThat(identityCenter.registrations.get(0).has("grantTypes")).isFalse();
        assertThat(identityCenter.registrations.get(0).has("scopes"))
                .as("no scopes configured: none sent, as the CLI")
                .isFalse();

        sso().login("corp", file, () -> false);
        assertThat(identityCenter.clientCount()).isEqualTo(2);
        assertThat(JSON.readTree(registration.toFile()).get("grantTypes").toString())
                .isEqualTo("[\"authorization_code\",\"refresh_token\"]");

        sso().login("corp", file, () -> false, true);
        assertThat(identityCenter.clientCount())
                .as("a device login does not use a browser registration")
                .isEqualTo(3);
    }

    @Test
    void aLegacyProfileUsesTheDeviceCodeAndCachesUnderItsStartUrl() throws Exception {
        sso().login("legacy", config(), () -> false);
        assertThat(pages).isEmpty();
        assertThat(deviceCodes).hasSize(1);
        assertThat(folder.resolve("sso-cache").resolve(sha1("https://legacy.awsapps.com/start") + ".json"))
                .exists();
        assertThat(registrationFile("us-east-1", "null", null, "https://legacy.awsapps.com/start"))
                .exists();
    }

    private void assertNothingSaved() throws Exception {
        Path cache = folder.resolve("sso-cache");
        if (Files.isDirectory(cache)) {
            try (var files = Files.list(cache)) {
                assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".lock"));
            }
        }
    }

    @Test
    void aForeignStateIsRefusedAndNothingIsSaved() throws Exception {
        identityCenter.authorize = FakeIdentityCenter.Authorize.FOREIGN_STATE;
        assertThatThrownBy(() -> sso().login("corp", config(), () -> false))
                .isInstanceOf(SignInException.class)
                .hasMessage("The browser came back with a sign-in that this login did not start (its state does not "
                        + "match): nothing was saved; run login again.");
        assertThat(visited())
                .singleElement()
                .satisfies(v -> assertThat(v.page()).contains("does not belong"));
        assertThat(identityCenter.tokenRequests).as("no code was exchanged").isEmpty();
        assertNothingSaved();
    }

    @Test
    void anErrorCallbackIsRefusedAndNothingIsSaved() throws Exception {
        identityCenter.authorize = FakeIdentityCenter.Authorize.DENY;
        assertThatThrownBy(() -> sso().login("corp", config(), () -> false))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("refused the sign-in in the browser (access_denied)");
        assertThat(visited())
                .singleElement()
                .satisfies(v -> assertThat(v.page()).contains("You may close this page"));
        assertNothingSaved();
    }

    @Test
    void aCancelledLoginStopsWaitingForTheBrowserAndSavesNothing() throws Exception {
        browserFollows = false;
        AtomicBoolean cancel = new AtomicBoolean();
        CompletableFuture<Void> login =
                CompletableFuture.runAsync(() -> sso().login("corp", uncheckedConfig(), cancel::get));
        assertThat(unopened.poll(60, TimeUnit.SECONDS)).as("the page was given").isNotNull();
        cancel.set(true);
        assertThatThrownBy(login::join)
                .hasCauseInstanceOf(SignInException.class)
                .hasMessageContaining("cancelled");
        assertNothingSaved();
    }

    @Test
    void aBrowserThatNeverComesBackEndsTheLoginAtItsDeadline() throws Exception {
        browserFollows = false;
        assertThatThrownBy(() -> sso(Duration.ofSeconds(1)).login("corp", config(), () -> false))
                .isInstanceOf(SignInException.class)
                .hasMessage("The sign-in in the browser was not finished within 1 "
                        + "seconds: nothing was saved; run login again.");
        assertNothingSaved();
    }

    private ProfileFile uncheckedConfig() {
        try {
            return config();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenWithUnder15MinutesLeftIsRefreshedAndTheProfileSignsIn() throws Exception {
        ProfileFile file = config();
        SsoTokenCache.Token first = sso().login("corp", file, () -> false);
        SsoTokenCache.Token nearlyExpired = new SsoTokenCache.Token(
                first.startUrl(),
                first.region(),
                first.accessToken(),
                Instant.now().plusSeconds(300),
                first.clientId(),
                first.clientSecret(),
                first.registrationExpiresAt(),
                first.refreshToken());
        cache().write("corp", nearlyExpired);
        var credentials = new CredentialsResolver(file, "us-east-1", Optional.empty(), prompts, sso()).resolve("corp");
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo(FakeIdentityCenter.ACCESS_KEY);
        JsonNode refresh = identityCenter.tokenRequests.get(identityCenter.tokenRequests.size() - 1);
        assertThat(refresh.get("grantType").asText()).isEqualTo("refresh_token");
        assertThat(refresh.get("refreshToken").asText()).isEqualTo(first.refreshToken());
        SsoTokenCache.Token refreshed = cache().read("corp").orElseThrow();
        assertThat(refreshed.accessToken())
                .isEqualTo(identityCenter.lastAccessToken)
                .isNotEqualTo(first.accessToken());
        assertThat(refreshed.expiresWithin(Duration.ofMinutes(15))).isFalse();
        assertThat(pages).as("no second browser login").hasSize(1);
    }

    @Test
    void anExpiredTokenWhoseRegistrationExpiredNeedsALogin() throws Exception {
        cache().write(
                        "corp",
                        new SsoTokenCache.Token(
                                START_URL,
                                "us-east-1",
                                "access-token-old",
                                Instant.now().minusSeconds(60),
                                "client-1",
                                "secret",
                                Instant.now().minusSeconds(10),
                                "refresh-token-1"));
        assertThatThrownBy(() -> new CredentialsResolver(config(), "us-east-1", Optional.empty(), prompts, sso())
                        .resolve("corp")
                        .resolveCredentials())
                .isInstanceOf(SignInException.class)
                .hasMessage("Profile corp needs an IAM Identity Center login (the session has expired): run "
                        + "'worker-role-wizard login --profile corp' (or 'aws sso login').");
        assertThat(identityCenter.tokenRequests)
                .as("no refresh with an expired registration")
                .isEmpty();
    }

    @Test
    void anUnreadableCacheFileIsNamedAndALoginReplacesOnlyThatSessionsFiles() throws Exception {
        ProfileFile file = config();
        sso().login("scoped", file, () -> false);
        Path other = folder.resolve("sso-cache").resolve(sha1("scoped") + ".json");
        byte[] otherBefore = Files.readAllBytes(other);
        Path broken = folder.resolve("sso-cache").resolve(sha1("corp") + ".json");
        Files.writeString(broken, "{\"accessToken\": \"x\", \"expiresAt\": ");

        assertThatThrownBy(() -> new CredentialsResolver(file, "us-east-1", Optional.empty(), prompts, sso())
                        .resolve("corp")
                        .resolveCredentials())
                .isInstanceOf(SignInException.class)
                .hasMessage("The IAM Identity Center token cache file " + broken + " cannot be read (it is not valid "
                        + "JSON): run 'worker-role-wizard login --profile corp' to replace it (or 'aws sso login').");
        ProfileInfo listed = new ProfileCatalog(file, Map.of(), Optional.of(cache()))
                .profile("corp")
                .orElseThrow();
        assertThat(listed.token()).isEqualTo(SsoTokenStatus.UNREADABLE);
        assertThat(listed.problem()).contains(broken.toString()).contains("login --profile corp");
        assertThat(listed.usable()).as("a login repairs it").isTrue();

        sso().login("corp", file, () -> false);
        assertThat(cache().read("corp").orElseThrow().valid()).isTrue();
        assertThat(Files.readAllBytes(other))
                .as("another session's token is untouched")
                .isEqualTo(otherBefore);
        assertThat(new ProfileCatalog(file, Map.of(), Optional.of(cache()))
                        .profile("corp")
                        .orElseThrow()
                        .token())
                .isEqualTo(SsoTokenStatus.VALID);
    }

    @Test
    void theTokenStateOfEachIdentityCenterProfileIsListed() throws Exception {
        ProfileFile file = config();
        ProfileCatalog catalog = new ProfileCatalog(file, Map.of(), Optional.of(cache()));
        assertThat(catalog.profile("corp").orElseThrow().token()).isEqualTo(SsoTokenStatus.MISSING);
        cache().write(
                        "corp",
                        new SsoTokenCache.Token(
                                START_URL,
                                "us-east-1",
                                "a",
                                Instant.now().minusSeconds(5),
                                "c",
                                "s",
                                Instant.now().plusSeconds(86400),
                                "r"));
        assertThat(catalog.profile("corp").orElseThrow().token()).isEqualTo(SsoTokenStatus.REFRESHABLE);
        cache().write(
                        "corp",
                        new SsoTokenCache.Token(
                                START_URL, "us-east-1", "a", Instant.now().minusSeconds(5), null, null, null, null));
        assertThat(catalog.profile("corp").orElseThrow().token()).isEqualTo(SsoTokenStatus.EXPIRED);
        cache().write(
                        "corp",
                        new SsoTokenCache.Token(
                                START_URL, "us-east-1", "a", Instant.now().plusSeconds(600), null, null, null, null));
        assertThat(catalog.profile("corp").orElseThrow().token()).isEqualTo(SsoTokenStatus.VALID);
        assertThat(catalog.profile("corp").orElseThrow().token().id()).isEqualTo("valid");
    }

    @Test
    void aSecondLoginOfTheSameSessionWaitsForTheFirstAndTakesItsToken() throws Exception {
        browserFollows = false;
        ProfileFile file = config();
        CompletableFuture<SsoTokenCache.Token> first =
                CompletableFuture.supplyAsync(() -> sso().login("corp", file, () -> false));
        String page = unopened.poll(60, TimeUnit.SECONDS);
        assertThat(page).isNotNull();
        CompletableFuture<SsoTokenCache.Token> second =
                CompletableFuture.supplyAsync(() -> sso().login("corp", file, () -> false));
        assertThat(otherLoginSeen.await(60, TimeUnit.SECONDS))
                .as("the second login says it waits")
                .isTrue();
        browse(page);
        SsoTokenCache.Token made = first.get(60, TimeUnit.SECONDS);
        assertThat(second.get(60, TimeUnit.SECONDS).accessToken()).isEqualTo(made.accessToken());
        assertThat(pages).as("one browser tab, not two").hasSize(1);
        assertThat(identityCenter.tokenRequests).hasSize(1);
    }

    @Test
    void theFlowFollowsTheProfileAsTheAwsCliDoes() throws Exception {
        ProfileFile file = config();
        assertThat(SsoSettings.of("corp", file).browserLogin()).isTrue();
        assertThat(SsoSettings.of("legacy", file).browserLogin()).isFalse();
        assertThat(SsoSettings.of("scoped", file).configuredScopes())
                .containsExactly("sso:account:access", "codewhisperer:completions");
        assertThat(SsoSettings.of("corp", file).configuredScopes()).isNull();
        List<String> names = new ArrayList<>();
        for (String profile : List.of("corp", "legacy")) {
            names.add(SsoSettings.of(profile, file).cacheKey());
        }
        assertThat(names).containsExactly("corp", "https://legacy.awsapps.com/start");
    }
}
