package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against an account, through the built jar: the built-in sandbox (--sandbox), and a sandbox
 * started here and reached like any IAM endpoint (--endpoint-url, credentials from the environment).
 */
class LiveCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzTESTSECRET42";

    @TempDir
    Path home;

    private JarRun run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("WORKER_ROLE_WIZARD_HOME", home.resolve("app-data").toString());
        return JarRun.with(all, List.of(), args);
    }

    private JarRun sandbox(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--sandbox");
        return run(Map.of(), all.toArray(String[]::new));
    }

    @Test
    void checkOnTheSandboxGivesTheContractsExitCodes() throws Exception {
        assertThat(sandbox("check", "--appliance", Sandbox.APPLIANCE, "--role", "VeeamWorkerReady")
                        .exit())
                .isZero();
        assertThat(sandbox("check", "--appliance", Sandbox.APPLIANCE, "--role", "WorkerFailingAll")
                        .exit())
                .isEqualTo(1);
        JarRun all = sandbox("check", "--appliance", Sandbox.APPLIANCE, "--all-roles", "--format", "json");
        JsonNode report = JSON.readTree(all.out());
        assertThat(report.get("roles")).hasSize(7);
        assertThat(all.err()).isEmpty();
    }

    @Test
    void fixWithYesMakesTheRolePassOnTheSandbox() throws Exception {
        JarRun fix = sandbox("fix", "--appliance", Sandbox.APPLIANCE, "--role", "WorkerFailingAll", "--yes");
        assertThat(fix.exit()).as(fix.err()).isZero();
        assertThat(fix.out().lines().filter(l -> l.startsWith("Applied: "))).hasSize(4);
        assertThat(fix.out()).contains("1 meets all five requirements");
    }

    @Test
    void fixWithoutATerminalOrYesRefusesAndChangesNothing() throws Exception {
        JarRun fix = sandbox("fix", "--appliance", Sandbox.APPLIANCE, "--role", "WorkerFailingAll");
        assertThat(fix.exit()).isEqualTo(2);
        assertThat(fix.err().strip()).contains("no terminal to confirm").doesNotContain("\n");
        assertThat(fix.out()).doesNotContain("Applied:");
    }

    @Test
    void createRoleOnTheSandboxMakesAPassingRole() throws Exception {
        JarRun create = sandbox(
                "create-role",
                "--appliance",
                Sandbox.APPLIANCE,
                "--role",
                "NewWorker",
                "--path",
                "/veeam/",
                "--tag",
                "team=backup",
                "--yes");
        assertThat(create.exit()).as(create.out() + create.err()).isZero();
        assertThat(create.out()).contains("Applied: Create role NewWorker");
    }

    @Test
    void theSdksOwnEndpointSettingsAreHonoured() throws Exception {
        try (Sandbox account = Sandbox.start().addAccessKey("AKIAENDPOINTTEST0001", "x")) {
            JarRun run = run(
                    Map.of(
                            "AWS_ACCESS_KEY_ID",
                            "AKIAENDPOINTTEST0001",
                            "AWS_SECRET_ACCESS_KEY",
                            "x",
                            "AWS_REGION",
                            "us-east-1",
                            "AWS_ENDPOINT_URL_IAM",
                            account.endpoint().toString(),
                            "AWS_ENDPOINT_URL_STS",
                            account.endpoint().toString()),
                    "check",
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--role",
                    "VeeamWorkerReady");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(account.calls()).isGreaterThan(3);
        }
    }

    @Test
    void aFullRunLeavesTheSecretKeyNowhere() throws Exception {
        try (Sandbox account = Sandbox.start().addAccessKey("AKIATESTSECRETSCAN01", SECRET)) {
            Map<String, String> env = Map.of(
                    "AWS_ACCESS_KEY_ID",
                    "AKIATESTSECRETSCAN01",
                    "AWS_SECRET_ACCESS_KEY",
                    SECRET,
                    "AWS_SESSION_TOKEN",
                    "session-token-" + SECRET,
                    "AWS_REGION",
                    "eu-west-1");
            String endpoint = account.endpoint().toString();
            List<JarRun> runs = new ArrayList<>();
            runs.add(run(env, "check", "--endpoint-url", endpoint, "--appliance", Sandbox.APPLIANCE, "--all-roles"));
            runs.add(run(
                    env,
                    "fix",
                    "--endpoint-url",
                    endpoint,
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--role",
                    "WorkerFailingAll",
                    "--yes"));
            Path export = home.resolve("export").resolve("worker-role.sh");
            Files.createDirectories(export.getParent());
            runs.add(run(
                    env,
                    "export",
                    "--endpoint-url",
                    endpoint,
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--role",
                    "WorkerWithoutEc2Trust",
                    "--format",
                    "cli",
                    "--output",
                    export.toString()));
            runs.add(run(env, "undo", "--endpoint-url", endpoint, "--yes"));
            runs.add(run(env, "undo", "--list"));
            assertThat(runs.get(1).exit()).as(runs.get(1).err()).isZero();
            assertThat(runs.get(3).exit()).as(runs.get(3).err()).isZero();
            assertThat(runs.get(3).out()).contains("Applied: ");
            assertThat(runs.get(4).out()).contains("UpdateAssumeRolePolicy").contains("undo");
            Path journal = home.resolve("app-data").resolve("journal.json");
            assertThat(journal).exists();
            assertThat(export).exists();
            for (JarRun run : runs) {
                assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain("TESTSECRET");
            }
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                            .as(file.toString())
                            .doesNotContain("TESTSECRET");
                }
            }
        }
    }
}
