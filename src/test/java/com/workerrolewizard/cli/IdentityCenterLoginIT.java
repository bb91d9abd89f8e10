package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.signin.FakeIdentityCenter;
import com.workerrolewizard.signin.TestBrowser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login} through the jar as an admin uses it, against a local Identity Center, with the test as the browser:
 * it reads the sign-in address the program prints alone on its line and follows it; the program's page comes back.
 * Refusals, a login that waits for another, an unreadable cache repaired, the AWS CLI v2 sharing the cache both ways.
 */
class IdentityCenterLoginIT {
    private static final String START_URL = "https://corp.awsapps.com/start";

    @TempDir
    Path home;

    private Sandbox sandbox;
    private FakeIdentityCenter identityCenter;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start().addAccessKey(FakeIdentityCenter.ACCESS_KEY, FakeIdentityCenter.SECRET_KEY);
        identityCenter = new FakeIdentityCenter();
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile corp]
                sso_session = corp
                sso_account_id = %1$s
                sso_role_name = Admin

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access

                [profile other]
                sso_session = other
                sso_account_id = %1$s
                sso_role_name = Admin

                [sso-session other]
                sso_start_url = https://other.awsapps.com/start
                sso_region = us-east-1
                """.formatted(Sandbox.ACCOUNT));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        identityCenter.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", identityCenter.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSO", identityCenter.endpoint().toString());
        env.put("WORKER_ROLE_WIZARD_HOME", home.resolve("app-data").toString());
        return env;
    }

    private List<String> jvm(String... more) {
        return Stream.concat(Stream.of("-Duser.home=" + home), Stream.of(more)).toList();
    }

    private JarProcess start(String... args) throws Exception {
        return JarProcess.start(env(), jvm(), args);
    }

    private JarRun run(String... args) throws Exception {
        return JarProcess.run(env(), jvm(), args);
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Path tokenFile(String session) throws Exception {
        return home.resolve(".aws/sso/cache/" + sha1(session) + ".json");
    }

    /** Logs in as the admin does: reads the address the program prints, opens it "in the browser", waits for the end. */
    private JarRun browserLogin(String profile) throws Exception {
        try (JarProcess login = start("login", "--profile", profile)) {
            String url = login.awaitErrLine(line -> line.startsWith("http"));
            TestBrowser.Visit visit = TestBrowser.follow(url);
            assertThat(visit.page()).contains("You may close this page");
            return login.finish();
        }
    }

    private JarRun check(String profile) throws Exception {
        return run(
                "check",
                "--profile",
                profile,
                "--endpoint-url",
                sandbox.endpoint().toString(),
                "--appliance",
                Sandbox.APPLIANCE,
                "--role",
                "VeeamWorkerReady");
    }

    private Map<String, JsonNode> profiles() throws Exception {
        JarRun run = run("profiles", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, JsonNode> byName = new HashMap<>();
        new ObjectMapper()
                .readTree(run.out())
                .forEach(p -> byName.put(p.get("name").asText(), p));
        return byName;
    }

    @Test
    void anSsoSessionProfileSignsInThroughTheBrowserWithNoCodeToType() throws Exception {
        assertThat(profiles().get("corp").get("token").asText()).isEqualTo("missing");
        String url;
        JarRun login;
        try (JarProcess process = start("login", "--profile", "corp")) {
            url = process.awaitErrLine(line -> line.startsWith("http"));
            assertThat(url)
                    .as("the address alone on its line")
                    .startsWith(identityCenter.endpoint() + "/authorize?")
                    .doesNotContain(" ");
            TestBrowser.Visit visit = TestBrowser.follow(url);
            assertThat(visit.landedAt().toString())
                    .startsWith("http://127.0.0.1:")
                    .contains("/oauth/callback?code=");
            assertThat(visit.page()).contains("You may close this page");
            login = process.finish();
        }
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).startsWith("Logged in for profile corp; the session is valid until ");
        assertThat(login.err()).contains("--use-device-code").doesNotContain("ABCD-EFGH");

        JsonNode token = new ObjectMapper().readTree(tokenFile("corp").toFile());
        assertThat(token.fieldNames())
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
        assertThat(identityCenter.issued(token.get("accessToken").asText())).isTrue();
        String key = "{\"region\": \"us-east-1\", \"scopes\": [\"sso:account:access\"], \"session_name\": \"corp\", "
                + "\"startUrl\": \"" + START_URL + "\", \"tool\": \"botocore\"}";
        JsonNode registration = new ObjectMapper()
                .readTree(home.resolve(".aws/sso/cache/" + sha1(key) + ".json").toFile());
        assertThat(registration.get("clientId").asText())
                .isEqualTo(token.get("clientId").asText());
        assertThat(registration.get("grantTypes").toString()).isEqualTo("[\"authorization_code\",\"refresh_token\"]");

        assertThat(profiles().get("corp").get("token").asText()).isEqualTo("valid");
        JarRun text = run("profiles");
        assertThat(text.out()
                        .lines()
                        .filter(l -> l.startsWith("corp "))
                        .findFirst()
                        .orElseThrow())
                .contains(" valid ");
        JarRun check = check("corp");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("[PASS]");
    }

    @Test
    void theDeviceCodeIsThereOnRequest() throws Exception {
        JarRun login = run("login", "--profile", "corp", "--use-device-code");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.err()).contains("confirm the code ABCD-EFGH").doesNotContain("/authorize");
    }

    @Test
    void aSignInThisLoginDidNotStartAndARefusalEndItInOneLine() throws Exception {
        identityCenter.authorize = FakeIdentityCenter.Authorize.FOREIGN_STATE;
        JarRun foreign = browserLogin("corp");
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(lastLine(foreign))
                .isEqualTo("worker-role-wizard login: The browser came back with a sign-in that "
                        + "this login did not start (its state does not match): nothing was saved; run login again.");
        identityCenter.authorize = FakeIdentityCenter.Authorize.DENY;
        JarRun denied = browserLogin("corp");
        assertThat(denied.exit()).isEqualTo(2);
        assertThat(lastLine(denied))
                .isEqualTo("worker-role-wizard login: IAM Identity Center refused the sign-in "
                        + "in the browser (access_denied): nothing was saved; run login again.");
        assertThat(tokenFile("corp")).doesNotExist();
    }

    @Test
    void aBrowserThatNeverComesBackEndsTheLoginAtItsDeadline() throws Exception {
        JarRun run =
                JarProcess.run(env(), jvm("-Dworker.role.wizard.loginWaitSeconds=2"), "login", "--profile", "corp");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(lastLine(run))
                .isEqualTo("worker-role-wizard login: The sign-in in the browser was not finished "
                        + "within 2 seconds: nothing was saved; run login again.");
    }

    private static String lastLine(JarRun run) {
        List<String> lines = run.err().lines().toList();
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        return lines.get(lines.size() - 1);
    }

    @Test
    void aSecondLoginOfTheSameSessionWaitsForTheFirstInsteadOfOpeningAnotherTab() throws Exception {
        try (JarProcess first = start("login", "--profile", "corp")) {
            String url = first.awaitErrLine(line -> line.startsWith("http"));
            try (JarProcess second = start("login", "--profile", "corp")) {
                second.awaitErrLine(line -> line.startsWith("Another IAM Identity Center login of the same session"));
                TestBrowser.follow(url);
                JarRun one = first.finish();
                JarRun two = second.finish();
                assertThat(one.exit()).as(one.err()).isZero();
                assertThat(two.exit()).as(two.err()).isZero();
                assertThat(two.err())
                        .as("the second login sent nobody to a browser")
                        .doesNotContain("/authorize");
            }
        }
        assertThat(identityCenter.tokenRequests).hasSize(1);
    }

    @Test
    void anUnreadableCacheFileIsNamedAndLoginReplacesOnlyThatSessionsFiles() throws Exception {
        assertThat(run("login", "--profile", "other", "--use-device-code").exit())
                .isZero();
        byte[] other = Files.readAllBytes(tokenFile("other"));
        Files.writeString(tokenFile("corp"), "{\"accessToken\": ");

        JarRun check = check("corp");
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err().strip())
                .isEqualTo("worker-role-wizard check: The IAM Identity "
                        + "Center token cache file " + tokenFile("corp")
                        + " cannot be read (it is not valid JSON): run "
                        + "'worker-role-wizard login --profile corp' to replace it (or 'aws sso login').");
        JsonNode listed = profiles().get("corp");
        assertThat(listed.get("token").asText()).isEqualTo("missing");
        assertThat(listed.get("problem").asText())
                .contains(tokenFile("corp").toString())
                .contains("login --profile corp");

        JarRun repaired = browserLogin("corp");
        assertThat(repaired.exit()).as(repaired.err()).isZero();
        assertThat(profiles().get("corp").get("token").asText()).isEqualTo("valid");
        assertThat(Files.readAllBytes(tokenFile("other")))
                .as("another session's token is untouched")
                .isEqualTo(other);
        assertThat(check("corp").exit()).isZero();
    }

    /**
     * The first AWS CLI 2.13 or later on the PATH, or a visible skip: v1 does not read the SSO cache, and before 2.13
     * the AWS CLI ignores AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL_SSO, so it cannot be sent to the local Identity
     * Center and sandbox (Debian 12's awscli is 2.9).
     */
    private static Path awsCliV2() throws Exception {
        List<String> seen = new java.util.ArrayList<>();
        for (String folder : (System.getenv("PATH") + File.pathSeparator + "/usr/bin").split(File.pathSeparator)) {
            Path aws = Path.of(folder, "aws");
            if (!Files.isExecutable(aws)) {
                continue;
            }
            String version = version(aws);
            if (atLeast(version, 2, 13)) {
                return aws;
            }
            seen.add(version);
        }
        System.err.println("SKIPPED: no AWS CLI 2.13 or later on the PATH ("
                + (seen.isEmpty() ? "no aws" : String.join("; ", seen))
                + "); the cache format is checked field by field by IdentityCenterLoginTest instead.");
        Assumptions.assumeTrue(false, "no AWS CLI v2");
        return null;
    }

    /** Whether "aws-cli/2.22.1 Python/..." is at least major.minor. */
    static boolean atLeast(String version, int major, int minor) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("aws-cli/(\\d+)\\.(\\d+)").matcher(version);
        return m.find()
                && (Integer.parseInt(m.group(1)) > major
                        || (Integer.parseInt(m.group(1)) == major && Integer.parseInt(m.group(2)) >= minor));
    }

    static String version(Path aws) throws Exception {
        Process process = new ProcessBuilder(aws.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String version = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor(60, TimeUnit.SECONDS);
        return version;
    }

    private ProcessBuilder aws(Path aws, String... args) {
        List<String> command =
                Stream.concat(Stream.of(aws.toString()), Stream.of(args)).toList();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("AWS_") || name.toLowerCase().endsWith("_proxy"));
        builder.environment().putAll(env());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AWS_ENDPOINT_URL_STS", sandbox.endpoint().toString());
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        return builder;
    }

    @Test
    void theAwsCliV2UsesOurTokenAndWeUseItsLogin() throws Exception {
        Path aws = awsCliV2();
        assertThat(browserLogin("corp").exit()).isZero();
        Process caller = aws(aws, "sts", "get-caller-identity", "--profile", "corp", "--output", "json")
                .start();
        String output = new String(caller.getInputStream().readAllBytes());
        assertThat(caller.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(caller.exitValue()).as(output).isZero();
        assertThat(output).contains("\"Account\": \"" + Sandbox.ACCOUNT + "\"");

        // And the other way round: the AWS CLI logs in (the test is its browser too), this program signs in with it.
        // The authorization code flow is the AWS CLI's default from 2.22 on.
        if (!atLeast(version(aws), 2, 22)) {
            System.err.println("SKIPPED (half): " + version(aws) + " logs in with a device code only; the login in the "
                    + "other direction needs 2.22 or later.");
            return;
        }
        Files.delete(tokenFile("corp"));
        Process login =
                aws(aws, "sso", "login", "--profile", "corp", "--no-browser").start();
        java.io.BufferedReader lines =
                new java.io.BufferedReader(new java.io.InputStreamReader(login.getInputStream()));
        String line;
        while ((line = lines.readLine()) != null && !line.startsWith("http")) {
            // The AWS CLI's own words before its address.
        }
        assertThat(line).as("the AWS CLI printed its sign-in address").isNotNull();
        TestBrowser.follow(line);
        lines.transferTo(java.io.Writer.nullWriter());
        assertThat(login.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(login.exitValue()).isZero();
        assertThat(identityCenter.clientCount())
                .as("the AWS CLI reused our registration")
                .isEqualTo(1);
        assertThat(check("corp").exit()).isZero();
    }
}
