package com.workerrolewizard.cli;

import static com.workerrolewizard.cli.JarRun.APPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fix} and {@code create-role} end to end through the built jar, against the offline fixture: a dry run
 * prints the plan (diff lines and the equivalent AWS CLI commands) and changes nothing; {@code --yes} on an
 * offline file is refused with one line and exit code 2.
 */
class FixCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EC2 = "ec2.amazonaws.com";

    @TempDir
    Path temp;

    private Path fixture;
    private byte[] fixtureBytes;

    /** A copy of the fixture in a folder of its own, so "nothing written" covers the file and its folder. */
    @BeforeEach
    void copyFixture() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("account"));
        fixture = Files.copy(JarRun.fixture(), folder.resolve("authorization-details.json"));
        fixtureBytes = Files.readAllBytes(fixture);
    }

    private void assertNothingWritten() throws IOException {
        assertThat(Files.readAllBytes(fixture))
                .as("the fixture is byte-identical")
                .isEqualTo(fixtureBytes);
        try (Stream<Path> files = Files.list(fixture.getParent())) {
            assertThat(files.toList()).containsExactly(fixture);
        }
    }

    private JarRun fix(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(
                List.of("fix", "--appliance", APPLIANCE, "--authorization-details", fixture.toString()));
        args.addAll(List.of(more));
        return JarRun.of(args.toArray(String[]::new));
    }

    private JarRun createRole(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(
                List.of("create-role", "--appliance", APPLIANCE, "--authorization-details", fixture.toString()));
        args.addAll(List.of(more));
        return JarRun.of(args.toArray(String[]::new));
    }

    private static List<String> lines(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void aDryRunPrintsThePlanWithDiffLinesAndCliCommandsAndChangesNothing() throws Exception {
        JarRun run = fix("--role", "FailsAll", "--dry-run").isSuccess();
        String out = run.out();
        assertThat(out).startsWith("Plan for role FailsAll (arn:aws:iam::444455556666:role/FailsAll)\n");
        assertThat(lines(out, "  [FAIL]")).hasSize(4);
        assertThat(out)
                .contains(
                        "Step 1. UpdateAssumeRolePolicy",
                        "Step 2. PutRolePolicy",
                        "Step 3. CreateInstanceProfile",
                        "Step 4. AddRoleToInstanceProfile");
        List<String> added = lines(out, "    +");
        assertThat(added)
                .anyMatch(l -> l.contains("\"AWS\": \"" + APPLIANCE + "\""))
                .anyMatch(l -> l.contains("\"Service\": \"" + EC2 + "\""));
        assertThat(lines(out, "    -")).as("no existing line is removed").isEmpty();
        assertThat(out).contains("\"Service\": \"lambda.amazonaws.com\"");
        List<String> commands = lines(out, "    aws iam ");
        assertThat(commands).hasSize(4);
        assertThat(commands.get(0))
                .startsWith("    aws iam update-assume-role-policy --role-name FailsAll --policy-document '");
        assertThat(commands.get(1))
                .startsWith("    aws iam put-role-policy --role-name FailsAll --policy-name VeeamWorkerPermissions");
        assertThat(commands.get(2))
                .isEqualTo("    aws iam create-instance-profile --instance-profile-name FailsAll --path /");
        assertThat(commands.get(3))
                .isEqualTo(
                        "    aws iam add-role-to-instance-profile --instance-profile-name FailsAll --role-name FailsAll");
        assertThat(out).contains("Dry run: nothing was written");
        assertNothingWritten();
    }

    @Test
    void theTrustPolicyOfTheCliCommandIsTheRolesWithThePagesStatementsAppended() throws Exception {
        String command = lines(
                        fix("--role", "FailsAll", "--dry-run").isSuccess().out(),
                        "    aws iam update-assume-role-policy")
                .get(0);
        String document = command.substring(command.indexOf('\'') + 1, command.lastIndexOf('\''));
        JsonNode trust = JSON.readTree(document);
        ArrayNode statements = (ArrayNode) trust.get("Statement");
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0).get("Principal").get("Service").asText()).isEqualTo("lambda.amazonaws.com");
        assertThat(statements.get(1).toString())
                .isEqualTo("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"" + APPLIANCE
                        + "\"}}");
        assertThat(statements.get(2).toString())
                .isEqualTo("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"" + EC2
                        + "\"}}");
    }

    @Test
    void thePrintedCommandsRunInBashWithTheirDocumentsIntact() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "SKIPPED: no bash here");
        String out = fix("--role", "FailsAll", "--dry-run", "--permissions", "managed")
                .isSuccess()
                .out();
        List<String> commands =
                lines(out, "    aws ").stream().map(String::strip).toList();
        assertThat(commands).hasSize(5);
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path state = Files.createDirectories(temp.resolve("state"));
        try (InputStream in = FixCommandIT.class.getResourceAsStream("/scripts/fake-aws")) {
            Path aws = bin.resolve("aws");
            Files.write(aws, in.readAllBytes());
            Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createFile(state.resolve("role-FailsAll"));
        Path script = Files.writeString(temp.resolve("plan.sh"), "set -e\n" + String.join("\n", commands) + "\n");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("FAKE_AWS_STATE", state.toString());
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        List<List<String>> calls = Files.readAllLines(state.resolve("calls.tsv")).stream()
                .map(l -> Arrays.asList(l.split("\t", -1)))
                .toList();
        assertThat(calls.stream().map(c -> c.get(1)))
                .containsExactly(
                        "update-assume-role-policy",
                        "create-policy",
                        "attach-role-policy",
                        "create-instance-profile",
                        "add-role-to-instance-profile");
        List<String> update = calls.get(0);
        JsonNode trust = JSON.readTree(update.get(update.indexOf("--policy-document") + 1));
        assertThat(trust.get("Statement")).hasSize(3);
        List<String> create = calls.get(1);
        JsonNode permissions = JSON.readTree(create.get(create.indexOf("--policy-document") + 1));
        assertThat(permissions.get("Statement").get(0).get("Action")).hasSize(33);
        List<String> attach = calls.get(2);
        assertThat(attach.get(attach.indexOf("--policy-arn") + 1))
                .isEqualTo("arn:aws:iam::444455556666:policy/VeeamWorkerPermissions");
    }

    @Test
    void aRoleThatPassesGetsAnEmptyPlan() throws Exception {
        JarRun run = fix("--role", "GoodWorker", "--dry-run").isSuccess();
        assertThat(run.out())
                .contains("Nothing to change")
                .doesNotContain("aws iam ")
                .doesNotContain("Step 1.");
        assertNothingWritten();
    }

    @Test
    void aDenyInTheTrustPolicyIsReportedNotRemoved() throws Exception {
        JarRun run = fix("--role", "DenyTrust", "--dry-run").isSuccess();
        assertThat(run.out())
                .contains("Cannot be fixed by this plan:")
                .contains("BlockVeeam")
                .doesNotContain("update-assume-role-policy");
        assertNothingWritten();
    }

    @Test
    void managedPermissionsAreACreatedPolicyAndAnAttachment() throws Exception {
        JarRun run = fix("--role", "NoPermissions", "--dry-run", "--permissions", "managed")
                .isSuccess();
        assertThat(lines(run.out(), "    aws iam ")).hasSize(2);
        assertThat(run.out())
                .contains("    aws iam create-policy --policy-name VeeamWorkerPermissions")
                .contains("    aws iam attach-role-policy --role-name NoPermissions --policy-arn "
                        + "arn:aws:iam::444455556666:policy/VeeamWorkerPermissions");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FailsAll",
                "NoInstanceProfile",
                "NoApplianceTrust",
                "NoEc2Trust",
                "NoPermissions",
                "NonDefaultVersionOnly",
                "DeletedPrincipalTrust",
                "OtherAccountTrust",
                "QueueScopedSqs",
                "BoundaryBlocksSsm",
                "UnreadableAwsManaged",
                "ChinaWorker",
                "WrongPathTrust",
                "NotActionPermissions"
            })
    void everyFailingFixtureRoleGetsAPlanAndNothingIsWritten(String role) throws Exception {
        JarRun run = fix("--role", role, "--dry-run").isSuccess();
        assertThat(run.out())
                .startsWith("Plan for role " + role + " ")
                .contains("Dry run: nothing was written")
                .doesNotContain("null")
                .doesNotContain("Exception");
        assertNothingWritten();
    }

    @Test
    void aPlanNeverSendsADeletedPrincipalsUniqueIdBackToIam() throws Exception {
        String out =
                fix("--role", "DeletedPrincipalTrust", "--dry-run").isSuccess().out();
        boolean commandKeepsTheId = lines(out, "    aws iam update-assume-role-policy").stream()
                .anyMatch(l -> l.contains("AROA4EXAMPLE7DELETED"));
        boolean planSaysItWillBeRejected = out.contains("Limits this plan would break")
                && out.substring(out.indexOf("Limits this plan would break")).contains("AROA4EXAMPLE7DELETED");
        assertThat(!commandKeepsTheId || planSaysItWillBeRejected).isTrue();
    }

    @Test
    void yesOnAnOfflineFileIsRefused() throws Exception {
        fix("--role", "FailsAll", "--yes").isBadUsage("offline");
        assertNothingWritten();
    }

    @Test
    void dryRunAndYesTogetherAreRefused() throws Exception {
        fix("--role", "FailsAll", "--dry-run", "--yes").isBadUsage("--dry-run and --yes");
    }

    @Test
    void fixNeedsARole() throws Exception {
        fix("--dry-run").isBadUsage("--role");
    }

    @Test
    void anUnknownRoleIsBadUsageWithAHint() throws Exception {
        fix("--role", "FailsAl", "--dry-run").isBadUsage("Did you mean \"FailsAll\"");
    }

    @Test
    void createRoleDryRunPlansANewRole() throws Exception {
        JarRun run = createRole("--role", "NewWorker", "--dry-run").isSuccess();
        String out = run.out();
        assertThat(out).startsWith("Plan to create role NewWorker (arn:aws:iam::444455556666:role/NewWorker)\n");
        assertThat(out)
                .contains("Step 1. CreateRole")
                .contains(
                        "    aws iam create-role --role-name NewWorker --path / " + "--assume-role-policy-document '");
        assertThat(out)
                .contains("    aws iam put-role-policy --role-name NewWorker")
                .contains("    aws iam create-instance-profile --instance-profile-name NewWorker --path /")
                .contains(
                        "    aws iam add-role-to-instance-profile --instance-profile-name NewWorker --role-name NewWorker");
        assertThat(out).doesNotContain("Limits this plan would break");
        String command = lines(out, "    aws iam create-role").get(0);
        JsonNode trust = JSON.readTree(command.substring(command.indexOf('\'') + 1, command.lastIndexOf('\'')));
        assertThat(trust.get("Statement")).hasSize(2);
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GoodWorker", "goodworker"})
    void createRoleForAnExistingNameShowsTheProblem(String name) throws Exception {
        JarRun run = createRole("--role", name, "--dry-run");
        assertThat(run.err()).isEmpty();
        // The contract: with --dry-run, 0 when a plan was printed; the plan itself says it will not run.
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("Limits this plan would break (it will not run):")
                .contains("Role " + name + " already exists");
        assertNothingWritten();
    }

    @Test
    void createRoleWithYesOnAnOfflineFileIsRefused() throws Exception {
        createRole("--role", "NewWorker", "--yes").isBadUsage("offline");
        assertNothingWritten();
    }

    @Test
    void createRoleRejectsAnInvalidName() throws Exception {
        JarRun run = createRole("--role", "bad name!", "--dry-run");
        assertThat(run.err()).contains("Role name \"bad name!\" is not valid");
        assertThat(run.out()).isEmpty();
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--role=bad name!", "--path=veeam"})
    void anInvalidNameOrPathIsBadUsage(String option) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--role", "NewWorker", "--dry-run"));
        String[] parts = option.split("=", 2);
        if (parts[0].equals("--role")) {
            args.set(1, parts[1]);
        } else {
            args.addAll(List.of(parts[0], parts[1]));
        }
        createRole(args.toArray(String[]::new)).isBadUsage(parts[1]);
    }

    @Test
    void aBadTagIsBadUsage() throws Exception {
        createRole("--role", "NewWorker", "--dry-run", "--tag", "novalue").isBadUsage("KEY=VALUE");
    }
}
