package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.signin.FakeIdentityCenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home folder is {@code $HOME} first, as the AWS CLI and SDK find it, then Java's {@code user.home}: the
 * Identity Center token cache and the journal land there. Without a usable home (Java reports {@code "?"} for a
 * user without a passwd entry) the command stops with one sentence and writes nothing, least of all a folder
 * named {@code ?}.
 */
class HomeFolderIT {
    @TempDir
    Path temp;

    private Path home;
    private Path javaHome;
    private Path work;
    private Path config;
    private Sandbox sandbox;
    private FakeIdentityCenter identityCenter;

    @BeforeEach
    void start() throws Exception {
        home = Files.createDirectories(temp.resolve("home"));
        javaHome = Files.createDirectories(temp.resolve("java-home"));
        work = Files.createDirectories(temp.resolve("work"));
        sandbox = Sandbox.start()
                .addAccessKey("AKIAHOMEFOLDERTEST01", "home-folder-test-secret")
                .addAccessKey(FakeIdentityCenter.ACCESS_KEY, FakeIdentityCenter.SECRET_KEY);
        identityCenter = new FakeIdentityCenter();
        config = Files.writeString(temp.resolve("aws-config"), """
                [profile corp]
                sso_session = corp
                sso_account_id = %s
                sso_role_name = Admin

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """.formatted(Sandbox.ACCOUNT));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        identityCenter.close();
    }

    /** Runs the jar in {@code work} with HOME as given (null: unset) and Java's user.home as given. */
    private JarRun run(String homeVariable, String userHome, String... args) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", homeVariable);
        env.put("XDG_DATA_HOME", null);
        env.put("WORKER_ROLE_WIZARD_HOME", null);
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_ACCESS_KEY_ID", "AKIAHOMEFOLDERTEST01");
        env.put("AWS_SECRET_ACCESS_KEY", "home-folder-test-secret");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL_SSO_OIDC", identityCenter.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_SSO", identityCenter.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_STS", sandbox.endpoint().toString());
        List<String> command = new java.util.ArrayList<>(JarRun.java());
        command.addAll(List.of("-Duser.home=" + userHome, "-jar", JarRun.jar()));
        command.addAll(List.of(args));
        return JarRun.command(work, env, command);
    }

    private JarRun fix(String homeVariable, String userHome) throws Exception {
        return run(
                homeVariable,
                userHome,
                "fix",
                "--endpoint-url",
                sandbox.endpoint().toString(),
                "--appliance",
                Sandbox.APPLIANCE,
                "--role",
                "WorkerFailingAll",
                "--yes");
    }

    private static List<Path> filesUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> !p.equals(folder)).toList();
        }
    }

    @Test
    void loginWritesTheTokenCacheUnderHome() throws Exception {
        JarRun login = run(home.toString(), javaHome.toString(), "login", "--profile", "corp", "--use-device-code");
        assertThat(login.exit()).as(login.err()).isZero();
        String sha1 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest("corp".getBytes()));
        assertThat(home.resolve(".aws/sso/cache/" + sha1 + ".json")).exists();
        assertThat(filesUnder(javaHome)).as("nothing under Java's user.home").isEmpty();
        JarRun check = run(
                home.toString(),
                javaHome.toString(),
                "check",
                "--profile",
                "corp",
                "--endpoint-url",
                sandbox.endpoint().toString(),
                "--appliance",
                Sandbox.APPLIANCE,
                "--role",
                "VeeamWorkerReady");
        assertThat(check.exit())
                .as("the login serves the profile; " + check.err())
                .isZero();
    }

    @Test
    void theJournalLandsUnderHome() throws Exception {
        JarRun fix = fix(home.toString(), javaHome.toString());
        assertThat(fix.exit()).as(fix.err()).isZero();
        assertThat(home.resolve(".local/share/worker-role-wizard/journal.json")).exists();
        assertThat(filesUnder(javaHome)).as("nothing under Java's user.home").isEmpty();
        assertThat(filesUnder(work)).as("nothing in the working folder").isEmpty();
    }

    @Test
    void noUsableHomeIsOneSentenceAndNoFolderNamedQuestionMark() throws Exception {
        run(null, "?", "login", "--profile", "corp", "--use-device-code")
                .isBadUsage("No home folder is known for this user (HOME is not set and Java reports \"?\")");
        fix(null, "?").isBadUsage("WORKER_ROLE_WIZARD_HOME");
        assertThat(filesUnder(work))
                .as("no folder named ? in the working folder")
                .isEmpty();
        JarRun stillFailing = run(
                home.toString(),
                javaHome.toString(),
                "check",
                "--endpoint-url",
                sandbox.endpoint().toString(),
                "--appliance",
                Sandbox.APPLIANCE,
                "--role",
                "WorkerFailingAll");
        assertThat(stillFailing.exit())
                .as("the refused fix changed nothing in the account; " + stillFailing.err())
                .isEqualTo(1);
    }
}
