package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.aws.TestCa;
import com.workerrolewizard.aws.TestProxy;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.signin.FakeIdentityCenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a corporate network, through the jar: Identity Center over HTTPS with a certificate from a private CA
 * (refused in one sentence without the bundle, accepted with AWS_CA_BUNDLE or the profile's ca_bundle, by the login
 * and by the SDK clients that follow), and an HTTPS proxy that wants a user name and password (407 without them, a
 * tunnel with them, the password never printed).
 */
class CorporateNetworkIT {
    private static final String PROXY_PASSWORD = "pr0xy-SCAN-ME";

    @TempDir
    Path home;

    private TestCa ca;
    private Sandbox sandbox;
    private FakeIdentityCenter identityCenter;

    @BeforeEach
    void start() throws Exception {
        ca = TestCa.shared();
        sandbox = Sandbox.start().addAccessKey(FakeIdentityCenter.ACCESS_KEY, FakeIdentityCenter.SECRET_KEY);
        identityCenter = new FakeIdentityCenter(ca.serverContext());
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile corp]
                sso_session = corp
                sso_account_id = %1$s
                sso_role_name = Admin

                [profile corp-bundle]
                sso_session = corp
                sso_account_id = %1$s
                sso_role_name = Admin
                ca_bundle = %2$s

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """.formatted(Sandbox.ACCOUNT, ca.caPem()));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        identityCenter.close();
    }

    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", identityCenter.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSO", identityCenter.endpoint().toString());
        env.put("WORKER_ROLE_WIZARD_HOME", home.resolve("app-data").toString());
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private JarRun run(Map<String, String> env, List<String> jvm, String... args) throws Exception {
        List<String> options = new java.util.ArrayList<>(List.of("-Duser.home=" + home));
        options.addAll(jvm);
        JarRun run = JarProcess.run(env, options, args);
        assertThat(run.out() + run.err()).doesNotContain(PROXY_PASSWORD).doesNotContain("\tat ");
        return run;
    }

    private JarRun login(Map<String, String> env, String profile) throws Exception {
        return run(env, List.of(), "login", "--profile", profile, "--use-device-code");
    }

    private JarRun check(Map<String, String> env, String profile) throws Exception {
        return run(
                env,
                List.of(),
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
    void aPrivateCaIsRefusedInOneSentenceThatNamesTheSetting() throws Exception {
        JarRun refused = login(env(), "corp");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err().lines().toList()).as(refused.err()).hasSize(1);
        assertThat(refused.err().strip())
                .isEqualTo("worker-role-wizard login: The IAM Identity Center login failed: "
                        + "the HTTPS certificate of 127.0.0.1 is issued by \"" + TestCa.NAME
                        + "\", a certificate authority this machine does not trust: "
                        + "if your network inspects HTTPS or uses a private certificate authority, set AWS_CA_BUNDLE (or "
                        + "ca_bundle in the profile) to a PEM file holding that authority's certificate.");
        assertThat(refused.err()).doesNotContain("PKIX").doesNotContain("sun.").doesNotContain("Exception");
    }

    @Test
    void theCaBundleFromTheEnvironmentServesTheLoginAndEveryCallAfter() throws Exception {
        Map<String, String> env = env("AWS_CA_BUNDLE", ca.caPem().toString());
        JarRun login = login(env, "corp");
        assertThat(login.exit()).as(login.err()).isZero();
        JarRun check = check(env, "corp");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("[PASS]");
        JarRun withoutBundle = check(env(), "corp");
        assertThat(withoutBundle.exit())
                .as("the portal's certificate is checked too")
                .isEqualTo(2);
        assertThat(withoutBundle.err()).contains("AWS_CA_BUNDLE");
    }

    @Test
    void theProfilesCaBundleServesTheLoginAndEveryCallAfter() throws Exception {
        JarRun login = login(env(), "corp-bundle");
        assertThat(login.exit()).as(login.err()).isZero();
        JarRun check = check(env(), "corp-bundle");
        assertThat(check.exit()).as(check.err()).isZero();
    }

    @Test
    void anAuthenticatingProxyGets407WithoutCredentialsAndTunnelsWithThem() throws Exception {
        try (TestProxy proxy = new TestProxy("ann", PROXY_PASSWORD)) {
            String bundle = ca.caPem().toString();
            JarRun without =
                    login(env("AWS_CA_BUNDLE", bundle, "HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()), "corp");
            assertThat(without.exit()).isEqualTo(2);
            assertThat(without.err().strip())
                    .isEqualTo("worker-role-wizard login: The IAM Identity Center login failed: "
                            + "the proxy http://127.0.0.1:" + proxy.port()
                            + " asks for a user name and password (HTTP 407): give them in "
                            + "HTTPS_PROXY as http://USER:PASSWORD@HOST:PORT, or in the https.proxyUser and https.proxyPassword "
                            + "properties.");
            assertThat(proxy.answers).isNotEmpty().containsOnly("407");

            JarRun wrong = login(
                    env("AWS_CA_BUNDLE", bundle, "HTTPS_PROXY", "http://ann:wrong@127.0.0.1:" + proxy.port()), "corp");
            assertThat(wrong.exit()).isEqualTo(2);
            assertThat(wrong.err())
                    .contains("refused the user name and password it was given (HTTP 407): check them "
                            + "in HTTPS_PROXY.")
                    .doesNotContain("wrong@");

            proxy.answers.clear();
            Map<String, String> env = env(
                    "AWS_CA_BUNDLE",
                    bundle,
                    "HTTPS_PROXY",
                    "http://ann:" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port());
            JarRun with = login(env, "corp");
            assertThat(with.exit()).as(with.err()).isZero();
            assertThat(proxy.answers).contains("200");
            JarRun check = check(env, "corp");
            assertThat(check.exit()).as(check.err()).isZero();
        }
    }

    @Test
    void theJvmsProxyPropertiesWithCredentialsWorkToo() throws Exception {
        try (TestProxy proxy = new TestProxy("ann", PROXY_PASSWORD)) {
            JarRun login = run(
                    env("AWS_CA_BUNDLE", ca.caPem().toString()),
                    List.of(
                            "-Dhttps.proxyHost=127.0.0.1",
                            "-Dhttps.proxyPort=" + proxy.port(),
                            "-Dhttps.proxyUser=ann",
                            "-Dhttps.proxyPassword=" + PROXY_PASSWORD,
                            "-Dhttp.nonProxyHosts="),
                    "login",
                    "--profile",
                    "corp",
                    "--use-device-code");
            assertThat(login.exit()).as(login.err()).isZero();
            assertThat(proxy.answers).contains("200");
        }
    }
}
