package com.workerrolewizard.cli;

import static com.workerrolewizard.cli.JarRun.APPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code export} end to end through the built jar: what it prints equals the golden files that
 * ExportGoldenTest keeps (so the command and the renderer agree), {@code --output} writes atomically and never
 * overwrites without {@code --force}, and bad usage is one line on stderr with exit code 2.
 */
class ExportCommandIT {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String FIXTURE = JarRun.fixture().toString();

    @TempDir
    Path temp;

    static String golden(String name) throws IOException {
        try (InputStream in = ExportCommandIT.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The goldens are rendered as version 0.1.0; the jar names its own version. */
    static String withoutVersion(String text) {
        return text.replaceAll("Worker Role Wizard [^\\s:]+:", "Worker Role Wizard VERSION:");
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("json", "worker-role.json"),
                Arguments.of("cli", "worker-role.sh"),
                Arguments.of("powershell", "worker-role.ps1"),
                Arguments.of("cloudformation", "worker-role.yaml"),
                Arguments.of("terraform", "worker-role.tf"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void withoutAnAccountTheNewRoleIsPrintedAsItsGolden(String format, String golden) throws Exception {
        JarRun run = JarRun.of("export", "--appliance", APPLIANCE, "--format", format)
                .isSuccess();
        assertThat(withoutVersion(run.out())).isEqualTo(withoutVersion(golden("new-role/" + golden)));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void managedPermissionsArePrintedAsTheirGolden(String format, String golden) throws Exception {
        JarRun run = JarRun.of("export", "--appliance", APPLIANCE, "--format", format, "--permissions", "managed")
                .isSuccess();
        assertThat(withoutVersion(run.out())).isEqualTo(withoutVersion(golden("new-role-managed/" + golden)));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aFixtureRolesFixIsPrintedAsItsGolden(String format, String golden) throws Exception {
        for (String role : List.of("FailsAll", "DenyTrust")) {
            JarRun run = JarRun.of(
                            "export",
                            "--appliance",
                            APPLIANCE,
                            "--format",
                            format,
                            "--authorization-details",
                            FIXTURE,
                            "--role",
                            role)
                    .isSuccess();
            assertThat(withoutVersion(run.out())).as(role).isEqualTo(withoutVersion(golden(role + "/" + golden)));
        }
    }

    @Test
    void aRoleIsFoundRegardlessOfCaseAndByArn() throws Exception {
        JarRun byName = JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "json",
                        "--authorization-details",
                        FIXTURE,
                        "--role",
                        "failsall")
                .isSuccess();
        JarRun byArn = JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "json",
                        "--authorization-details",
                        FIXTURE,
                        "--role",
                        "arn:aws:iam::444455556666:role/FailsAll")
                .isSuccess();
        assertThat(byName.out()).isEqualTo(golden("FailsAll/worker-role.json"));
        assertThat(byArn.out()).isEqualTo(byName.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trust", "permissions"})
    void documentPrintsExactlyOneJsonDocument(String document) throws Exception {
        JarRun run = JarRun.of("export", "--appliance", APPLIANCE, "--format", "json", "--document", document)
                .isSuccess();
        JsonNode tree = JSON.readTree(run.out());
        assertThat(tree.has("Version")).isTrue();
        assertThat(tree.has("trustPolicy")).isFalse();
        assertThat(run.out()).isEqualTo(golden("new-role/" + document + "-policy.json"));
    }

    @Test
    void withoutDocumentJsonIsOneObjectWithBothPolicies() throws Exception {
        JarRun run = JarRun.of("export", "--appliance", APPLIANCE, "--format", "json")
                .isSuccess();
        List<String> keys = new ArrayList<>();
        JSON.readTree(run.out()).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("trustPolicy", "permissionsPolicy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli", "powershell", "cloudformation", "terraform"})
    void documentWithAnotherFormatIsBadUsage(String format) throws Exception {
        JarRun.of("export", "--appliance", APPLIANCE, "--format", format, "--document", "trust")
                .isBadUsage("--document works with --format json only");
    }

    @Test
    void outputWritesTheFileAndSaysSo() throws Exception {
        Path file = temp.resolve("worker-role.tf");
        JarRun run = JarRun.of("export", "--appliance", APPLIANCE, "--format", "terraform", "--output", file.toString())
                .isSuccess();
        assertThat(run.out()).contains("Wrote " + file).contains("terraform").contains("VeeamWorkerRole");
        assertThat(run.out().lines().toList()).hasSize(1);
        assertThat(withoutVersion(Files.readString(file))).isEqualTo(withoutVersion(golden("new-role/worker-role.tf")));
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("no temporary file is left beside it")
                    .containsExactly("worker-role.tf");
        }
    }

    @Test
    void aBashScriptIsWrittenExecutable() throws Exception {
        Path file = temp.resolve("worker-role.sh");
        JarRun.of("export", "--appliance", APPLIANCE, "--format", "cli", "--output", file.toString())
                .isSuccess();
        assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(file)).startsWith("#!/usr/bin/env bash\n");
    }

    @Test
    void anExistingFileIsNotOverwrittenWithoutForce() throws Exception {
        Path file = Files.writeString(temp.resolve("worker-role.json"), "keep me\n");
        JarRun.of("export", "--appliance", APPLIANCE, "--format", "json", "--output", file.toString())
                .isBadUsage("exists already");
        assertThat(Files.readString(file)).isEqualTo("keep me\n");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void forceReplacesAnExistingFile() throws Exception {
        Path file = Files.writeString(temp.resolve("worker-role.json"), "old\n");
        JarRun.of("export", "--appliance", APPLIANCE, "--format", "json", "--output", file.toString(), "--force")
                .isSuccess();
        assertThat(Files.readString(file)).isEqualTo(golden("new-role/worker-role.json"));
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void aMissingFolderIsBadUsageAndIsNotCreated() throws Exception {
        Path folder = temp.resolve("no-such-folder");
        JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "json",
                        "--output",
                        folder.resolve("x.json").toString())
                .isBadUsage("does not exist");
        assertThat(folder).doesNotExist();
    }

    @Test
    void aFolderAsOutputIsBadUsage() throws Exception {
        JarRun.of("export", "--appliance", APPLIANCE, "--format", "json", "--output", temp.toString())
                .isBadUsage("is a folder");
    }

    @Test
    void badUsageWritesNoFile() throws Exception {
        Path file = temp.resolve("worker-role.sh");
        JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "cli",
                        "--document",
                        "trust",
                        "--output",
                        file.toString())
                .isBadUsage("--document");
        assertThat(file).doesNotExist();
    }

    @Test
    void authorizationDetailsWithoutRoleIsBadUsage() throws Exception {
        JarRun.of("export", "--appliance", APPLIANCE, "--format", "json", "--authorization-details", FIXTURE)
                .isBadUsage("--role");
    }

    @Test
    void aRoleNotInTheFileIsBadUsageWithAHint() throws Exception {
        JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "json",
                        "--authorization-details",
                        FIXTURE,
                        "--role",
                        "FailAll")
                .isBadUsage("Did you mean \"FailsAll\"");
    }

    @Test
    void anInvalidNewRoleNameIsBadUsage() throws Exception {
        JarRun run = JarRun.of("export", "--appliance", APPLIANCE, "--format", "json", "--role", "bad name!");
        run.isBadUsage("bad name!");
    }

    @Test
    void anUnknownFormatIsBadUsage() throws Exception {
        JarRun.of("export", "--appliance", APPLIANCE, "--format", "xml").isBadUsage("--format");
    }

    @Test
    void theApplianceIsRequired() throws Exception {
        JarRun.of("export", "--format", "json").isBadUsage("--appliance");
    }

    @Test
    void anAccountIdApplianceIsWrittenAsTheAccountRoot() throws Exception {
        JarRun run = JarRun.of("export", "--appliance", "111122223333", "--format", "json", "--document", "trust")
                .isSuccess();
        assertThat(JSON.readTree(run.out())
                        .get("Statement")
                        .get(0)
                        .get("Principal")
                        .get("AWS")
                        .asText())
                .isEqualTo("arn:aws:iam::111122223333:root");
    }

    @Test
    void theFixtureIsNotChangedByAnExport() throws Exception {
        Path copy = Files.copy(JarRun.fixture(), temp.resolve("account.json"));
        byte[] before = Files.readAllBytes(copy);
        JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "cli",
                        "--authorization-details",
                        copy.toString(),
                        "--role",
                        "FailsAll")
                .isSuccess();
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }
    // ---- rollouts to many accounts ---------------------------------------------------------------------------

    @Test
    void aStackSetForAnOuIsWrittenWithTheCloudFormationTemplateBesideIt() throws Exception {
        Path script = temp.resolve("rollout.sh");
        JarRun run = JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "stackset",
                        "--organizational-unit",
                        "ou-ab12-cd34ef56",
                        "--region",
                        "eu-west-1",
                        "--output",
                        script.toString())
                .isSuccess();
        Path template = temp.resolve("rollout-template.yaml");
        assertThat(run.out()).contains("Wrote " + script).contains(template.toString());
        assertThat(withoutVersion(Files.readString(template)))
                .isEqualTo(withoutVersion(golden("new-role/worker-role.yaml")));
        assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(script))
                .contains("\nTARGET_OUS=ou-ab12-cd34ef56\nTARGET_ACCOUNTS=\"\"\n")
                .contains("\nREGION=eu-west-1\n")
                .contains("rollout-template.yaml");
    }

    @Test
    void aStackSetWithoutTargetsIsPrintedWithItsTemplateAndEmptyTargets() throws Exception {
        JarRun run = JarRun.of("export", "--appliance", APPLIANCE, "--format", "stackset", "--role", "WorkerA")
                .isSuccess();
        assertThat(run.out())
                .startsWith("#!/usr/bin/env bash\n")
                .contains("\nTARGET_OUS=\"\"\nTARGET_ACCOUNTS=\"\"\n")
                .contains("\nREGION=us-east-1\n")
                .contains("\"ParameterValue\":\"WorkerA\"")
                .contains("AWSTemplateFormatVersion");
    }

    @Test
    void terraformForAccountsWritesTheRootConfigurationAndTheModule() throws Exception {
        Path root = temp.resolve("main.tf");
        JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "terraform",
                        "--accounts",
                        "222222222222,333333333333",
                        "--assume-role",
                        "CloudAdmin",
                        "--output",
                        root.toString())
                .isSuccess();
        assertThat(withoutVersion(Files.readString(temp.resolve("worker-role/main.tf"))))
                .isEqualTo(withoutVersion(golden("new-role/worker-role.tf")));
        assertThat(Files.readString(root))
                .contains("role_arn     = \"arn:aws:iam::222222222222:role/CloudAdmin\"")
                .contains("role_arn     = \"arn:aws:iam::333333333333:role/CloudAdmin\"")
                .contains("module \"worker_role_333333333333\"");
    }

    @ParameterizedTest
    @MethodSource("badRollouts")
    void aRolloutGivenWhatItCannotUseIsBadUsageAndWritesNothing(List<String> options, String expected)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("export", "--appliance", APPLIANCE));
        args.addAll(options);
        args.addAll(List.of("--output", temp.resolve("out").toString()));
        JarRun.of(args.toArray(String[]::new)).isBadUsage(expected);
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    static Stream<Arguments> badRollouts() {
        return Stream.of(
                Arguments.of(
                        List.of("--format", "stackset", "--accounts", "111122223333", "--assume-role", "X"),
                        "drop --assume-role"),
                Arguments.of(List.of("--format", "stackset", "--profile", "prod"), "signs in nowhere"),
                Arguments.of(List.of("--format", "stackset", "--accounts", "12345"), "not a 12-digit account ID"),
                Arguments.of(List.of("--format", "terraform", "--accounts", "organization"), "needs each account's ID"),
                Arguments.of(List.of("--format", "cli", "--accounts", "111122223333"), "covers one account"),
                Arguments.of(List.of("--format", "stackset", "--region", "mars"), "is not an AWS region"));
    }
}
