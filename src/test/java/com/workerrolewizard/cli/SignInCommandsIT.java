package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.signin.FakeIdentityCenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every profile kind signs in through the jar, with profile files written for the AWS CLI, against the sandbox
 * (IAM and STS) and a local IAM Identity Center; nothing secret comes out.
 */
class SignInCommandsIT {
    private static final String BASE_SECRET = "base-secret-SCAN-ME-0001";
    private static final String PROCESS_SECRET = "process-secret-SCAN-ME-0002";

    @TempDir
    Path home;

    private Sandbox sandbox;
    private FakeIdentityCenter identityCenter;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start()
                .addAccessKey("AKIABASEEXAMPLE00001", BASE_SECRET)
                .addAccessKey("AKIAPROCESSEXAMPLE01", PROCESS_SECRET)
                .addAccessKey(FakeIdentityCenter.ACCESS_KEY, FakeIdentityCenter.SECRET_KEY);
        sandbox.addRole(
                "Hop1",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + Sandbox.ACCOUNT + ":root\"}}]}");
        identityCenter = new FakeIdentityCenter();
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Path process = Files.writeString(
                home.resolve("creds.sh"),
                "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": "
                        + "\"AKIAPROCESSEXAMPLE01\", \"SecretAccessKey\": \"" + PROCESS_SECRET + "\"}'\n");
        process.toFile().setExecutable(true);
        Path webToken = Files.writeString(home.resolve("web-token"), "eyJ.web.identity.token");
        Files.writeString(
                aws.resolve("credentials"),
                "[keys]\naws_access_key_id = AKIABASEEXAMPLE00001\n" + "aws_secret_access_key = " + BASE_SECRET + "\n");
        Files.writeString(aws.resolve("config"), """
                [profile keys]
                region = eu-west-1

                [profile hop1]
                role_arn = arn:aws:iam::%1$s:role/Hop1
                source_profile = keys

                [profile hop2]
                role_arn = arn:aws:iam::%1$s:role/Hop1
                source_profile = hop1
                mfa_serial = arn:aws:iam::%1$s:mfa/admin

                [profile proc]
                credential_process = %2$s

                [profile web]
                role_arn = arn:aws:iam::%1$s:role/Hop1
                web_identity_token_file = %3$s
                region = us-east-1

                [profile corp]
                sso_session = corp
                sso_account_id = %1$s
                sso_role_name = Admin

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1

                [profile broken]
                role_arn = arn:aws:iam::%1$s:role/Hop1
                source_profile = nowhere
                """.formatted(Sandbox.ACCOUNT, process, webToken));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        identityCenter.close();
    }

    private JarRun run(String... args) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", identityCenter.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSO", identityCenter.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_STS", sandbox.endpoint().toString());
        env.put("WORKER_ROLE_WIZARD_HOME", home.resolve("app-data").toString());
        return JarRun.with(env, List.of("-Duser.home=" + home), args);
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

    @Test
    void profilesListsEveryKindAndTheBrokenOneWithItsReason() throws Exception {
        JarRun run = run("profiles", "--format", "json");
        assertThat(run.exit()).isZero();
        Map<String, JsonNode> byName = new HashMap<>();
        new ObjectMapper()
                .readTree(run.out())
                .forEach(p -> byName.put(p.get("name").asText(), p));
        assertThat(byName.get("keys").get("kind").asText()).isEqualTo("keys");
        assertThat(byName.get("keys").get("region").asText()).isEqualTo("eu-west-1");
        assertThat(byName.get("hop2").get("mfa").asBoolean()).isTrue();
        assertThat(byName.get("proc").get("kind").asText()).isEqualTo("process");
        assertThat(byName.get("web").get("kind").asText()).isEqualTo("web-identity");
        assertThat(byName.get("corp").get("kind").asText()).isEqualTo("sso");
        assertThat(byName.get("broken").get("problem").asText()).contains("nowhere");
        assertThat(byName.get("keys").get("problem").isNull()).isTrue();
        assertThat(byName.get("keys").fieldNames())
                .toIterable()
                .containsExactly("name", "kind", "mfa", "region", "problem", "token");
        assertThat(byName.get("keys").get("token").isNull()).isTrue();
        assertThat(byName.get("corp").get("token").asText()).isEqualTo("missing");
    }

    @Test
    void keysAChainAProcessAndAWebIdentitySignIn() throws Exception {
        for (String profile : List.of("keys", "hop1", "proc", "web")) {
            JarRun run = check(profile);
            assertThat(run.exit()).as(profile + ": " + run.err()).isZero();
            assertThat(run.out()).contains("[PASS]");
        }
    }

    @Test
    void identityCenterLogsInOnceWithADeviceCodeAndTheProfileSignsIn() throws Exception {
        JarRun login = run("login", "--profile", "corp", "--use-device-code");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.err()).contains("ABCD-EFGH").contains("https://device.sso.example/");
        String sha1 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest("corp".getBytes()));
        assertThat(home.resolve(".aws/sso/cache/" + sha1 + ".json")).exists();
        JarRun check = check("corp");
        assertThat(check.exit()).as(check.err()).isZero();
    }

    @Test
    void withoutALoginIdentityCenterSaysWhatToRun() throws Exception {
        JarRun run = check("corp");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("login --profile corp").doesNotContain("\tat ");
    }

    @Test
    void anMfaProfileWithoutATerminalAndABrokenProfileAreOneClearLine() throws Exception {
        JarRun mfa = check("hop2");
        assertThat(mfa.exit()).isEqualTo(2);
        assertThat(mfa.err().strip()).contains("needs an MFA code").doesNotContain("\n");
        JarRun broken = check("broken");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err().strip())
                .contains("source_profile nowhere does not exist")
                .doesNotContain("\n");
    }

    @Test
    void anMfaCodeIsAskedOnTheTerminalAndAWrongOneGetsAnotherTry() throws Exception {
        Path script = Path.of("/usr/bin/script");
        if (!Files.isExecutable(script)) {
            System.err.println("SKIPPED: /usr/bin/script (util-linux) is not here to give the command a terminal.");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no /usr/bin/script");
        }
        sandbox.requireMfaCode("123456");
        List<String> jvm = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-jar",
                System.getProperty("wizard.jar", "target/worker-role-wizard.jar"),
                "check",
                "--profile",
                "hop2",
                "--endpoint-url",
                sandbox.endpoint().toString(),
                "--appliance",
                Sandbox.APPLIANCE,
                "--role",
                "VeeamWorkerReady"));
        String command = String.join(
                " ",
                jvm.stream()
                        .map(com.workerrolewizard.core.plan.ShellQuote::posix)
                        .toList());
        ProcessBuilder builder =
                new ProcessBuilder(script.toString(), "-qec", command, "/dev/null").redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        builder.environment()
                .put(
                        "AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve(".aws/credentials").toString());
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        // A wrong code first, then the right one: the terminal keeps both lines until the program reads them.
        process.getOutputStream().write("000000\n123456\n".getBytes());
        process.getOutputStream().flush();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(output)
                .contains("MFA code for arn:aws:iam::" + Sandbox.ACCOUNT + ":mfa/admin")
                .contains("not accepted")
                .contains("1 meets all five requirements");
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void noSecretAppearsInAnyOutput() throws Exception {
        List<JarRun> runs = new ArrayList<>();
        runs.add(run("profiles"));
        runs.add(run("profiles", "--format", "json"));
        for (String profile : List.of("keys", "hop1", "proc", "broken", "hop2")) {
            runs.add(check(profile));
        }
        runs.add(run("login", "--profile", "corp", "--use-device-code"));
        runs.add(check("corp"));
        for (JarRun run : runs) {
            assertThat(run.out() + run.err())
                    .doesNotContain("SCAN-ME")
                    .doesNotContain("identity-center-secret")
                    .doesNotContain("client-secret-456")
                    .doesNotContain("access-token-");
        }
    }
}
