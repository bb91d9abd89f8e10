package com.workerrolewizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.workerrolewizard.core.export.HostileSubjects.Names;
import com.workerrolewizard.core.export.HostileSubjects.Shape;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.PlanText;
import com.workerrolewizard.core.text.ControlCharacters;
import com.workerrolewizard.core.text.HostileText;
import com.workerrolewizard.core.text.PowerShellWords;
import com.workerrolewizard.core.text.PowerShellWords.Kind;
import com.workerrolewizard.core.text.PowerShellWords.Word;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exporter given names full of newlines, quotes, {@code $()}, backticks, {@code ${}}, heredoc end markers,
 * ANSI escapes and bidirectional controls directly (bypassing the reader, which refuses most of them): the bash script
 * parses, runs against the fake {@code aws}, creates no marker file and passes each name exactly; the PowerShell script
 * has every name inside a quoted string and no raw control character; the YAML and the HCL read back (by Jackson, by
 * cfn-lint's reader, by this project's HCL reader and by Terraform where they are installed) to the same names; the
 * plan text shows escapes.
 */
class HostileNamesExportTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALUES = List.of(
            HostileText.everything(),
            "\n$(touch MARKER)\n",
            "'; touch MARKER; '",
            "`touch MARKER`",
            "\"$(touch MARKER)\"",
            "${HOME}%{x}$${y}",
            "\nEOT\n",
            "\nJSON\n",
            "\n'@\n@'",
            "\u001b[2J\u001b[31mFAKE [PASS]\u001b[0m",
            "abc\u202etxt.exe",
            "\u2019); touch MARKER; (\u2018",
            "x,y@z",
            "ends-in@");

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String value : VALUES) {
            for (Shape shape : Shape.values()) {
                all.add(Arguments.of(shape, value));
            }
        }
        return all.stream();
    }

    /** Running a script takes a second: every shape for the worst name, the two that cover every call for the others. */
    static Stream<Arguments> bashCases() {
        return cases().filter(c -> c.get()[1].equals(HostileText.everything())
                || c.get()[0] == Shape.NEW_MANAGED
                || c.get()[0] == Shape.EXISTING);
    }

    @Provide
    Arbitrary<Names> hostileNames() {
        return HostileText.strings()
                .list()
                .ofSize(14)
                .map(v -> new Names(
                        "R" + v.get(0),
                        "/" + v.get(1) + "/",
                        "I" + v.get(2),
                        "/" + v.get(3) + "/",
                        "P" + v.get(4),
                        v.get(5),
                        "arn:aws:iam::444455556666:policy/" + v.get(6),
                        "K" + v.get(7),
                        v.get(8),
                        "arn:aws:iam::111122223333:role/" + v.get(9),
                        v.get(10),
                        v.get(11),
                        v.get(12),
                        v.get(13)));
    }

    @Provide
    Arbitrary<Shape> shapes() {
        return Arbitraries.of(Shape.class);
    }

    // ---- bash ---------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bashCases")
    void theBashScriptRunsOnlyTheAwsCallsAndPassesEachNameExactly(Shape shape, String value) throws Exception {
        runBash(Names.from(value), shape);
    }

    @Property(tries = 10)
    void theBashScriptOfAnyHostileNamesRunsOnlyTheAwsCalls(
            @ForAll("hostileNames") Names names, @ForAll("shapes") Shape shape) throws Exception {
        runBash(names, shape);
    }

    private void runBash(Names template, Shape shape) throws Exception {
        assumeTrue(CloudFormationExportTest.onPath("bash"), "SKIPPED: no bash here, so the bash script is not run");
        Path temp = Files.createTempDirectory("hostile-bash");
        try {
            Path marker = temp.resolve("marker");
            Names names = template.map(s -> s.replace("MARKER", marker.toString()));
            ExportSubject subject = HostileSubjects.subject(names, shape);
            String script = ExportCases.render(subject, ExportFormat.CLI);
            assertThat(HostileText.hasRawControl(script))
                    .as("a raw control character in:\n%s", script)
                    .isFalse();
            // A name cannot add a line: the comment of each step is one line, and so is each command.
            assertThat(script.lines().filter(l -> l.startsWith("# Step ")).count())
                    .isEqualTo(subject.plan().changes().size());

            Path bin = Files.createDirectories(temp.resolve("bin"));
            Path state = Files.createDirectories(temp.resolve("state"));
            try (InputStream in = HostileNamesExportTest.class.getResourceAsStream("/scripts/fake-aws")) {
                Files.write(bin.resolve("aws"), in.readAllBytes());
            }
            Files.setPosixFilePermissions(bin.resolve("aws"), PosixFilePermissions.fromString("rwx------"));
            if (subject.existingRole()) {
                Files.createFile(state.resolve("role-" + fakeKey(names.role())));
            }
            Path file = Files.writeString(temp.resolve("worker-role.sh"), script, StandardCharsets.UTF_8);
            Process check = new ProcessBuilder("bash", "-n", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String checkOut = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as("bash -n: %s", checkOut).isZero();

            ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(temp.toFile());
            builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
            builder.environment().put("FAKE_AWS_STATE", state.toString());
            Process process = builder.start();
            process.getOutputStream().close();
            byte[][] streams = new byte[2][];
            Thread err = new Thread(() -> streams[1] = readAll(process.getErrorStream()));
            err.start();
            streams[0] = readAll(process.getInputStream());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            err.join();
            String out = new String(streams[0], StandardCharsets.UTF_8);
            String errors = new String(streams[1], StandardCharsets.UTF_8);

            assertThat(marker).as("a command hidden in a name ran").doesNotExist();
            assertThat(process.exitValue())
                    .as("stderr: %s\nscript:\n%s", errors, script)
                    .isEqualTo(subject.plan().blockers().isEmpty() ? 0 : 1);
            assertThat(HostileText.hasRawControl(out))
                    .as("the script printed a raw control character: %s", out)
                    .isFalse();
            List<List<String>> calls = new ArrayList<>();
            int count =
                    Integer.parseInt(Files.readString(state.resolve("count")).strip());
            for (int i = 1; i <= count; i++) {
                calls.add(nulSeparated(Files.readAllBytes(state.resolve("args-" + i))));
            }
            List<IamOperation> writes = subject.plan().operations();
            List<Integer> writeCalls = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                if (isWrite(calls.get(i))) {
                    writeCalls.add(i);
                }
            }
            assertThat(writeCalls).as("the writing calls: %s", calls).hasSameSizeAs(writes);
            for (int k = 0; k < writes.size(); k++) {
                int number = writeCalls.get(k) + 1;
                List<String> actual = calls.get(writeCalls.get(k));
                IamOperation operation = writes.get(k);
                List<String> expected = new ArrayList<>(List.of("iam"));
                expected.addAll(operation.cliArguments());
                assertThat(actual).as("call %s", number).hasSameSizeAs(expected);
                for (int j = 0; j < expected.size(); j++) {
                    String document = operation.document().map(Object::toString).orElse(null);
                    if (expected.get(j).equals(document)) {
                        assertThat(actual.get(j)).startsWith("file://");
                        JsonNode written = JSON.readTree(Files.readString(state.resolve("doc-" + number + ".json")));
                        assertThat(written)
                                .as("the document of call %s", number)
                                .isEqualTo(operation.document().get());
                    } else {
                        assertThat(actual.get(j))
                                .as("word %s of call %s", j, number)
                                .isEqualTo(expected.get(j));
                    }
                }
            }
            // The check before adding the role to the profile asked about the exact profile name.
            calls.stream()
                    .filter(c -> c.get(1).equals("list-instance-profiles-for-role"))
                    .forEach(c -> {
                        assertThat(c.get(c.indexOf("--role-name") + 1)).isEqualTo(names.role());
                        assertThat(c.get(c.indexOf("--query") + 1))
                                .isEqualTo(ScriptSteps.profileQuery(names.profile()));
                    });
        } finally {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean isWrite(List<String> call) {
        return call.get(0).equals("iam")
                && !call.get(1).startsWith("get-")
                && !call.get(1).startsWith("list-");
    }

    /** How the fake aws names a state file: a plain IAM name as it is, any other as h-SHA256 of its UTF-8 bytes. */
    static String fakeKey(String name) throws Exception {
        if (name.matches("[A-Za-z0-9_+=,.@-]{1,200}")) {
            return name;
        }
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        return "h-" + java.util.HexFormat.of().formatHex(hash);
    }

    private static List<String> nulSeparated(byte[] bytes) {
        List<String> words = new ArrayList<>();
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b == 0) {
                words.add(word.toString(StandardCharsets.UTF_8));
                word.reset();
            } else {
                word.write(b);
            }
        }
        return words;
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    // ---- PowerShell ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void everyNameInThePowerShellScriptIsInsideAQuotedString(Shape shape, String value) {
        checkPowerShell(Names.from(value), shape);
    }

    @Property(tries = 150)
    void everyNameOfAnyHostileSetIsInsideAQuotedPowerShellString(
            @ForAll("hostileNames") Names names, @ForAll("shapes") Shape shape) {
        checkPowerShell(names, shape);
    }

    private static void checkPowerShell(Names names, Shape shape) {
        ExportSubject subject = HostileSubjects.subject(names, shape);
        String script = ExportCases.render(subject, ExportFormat.POWERSHELL);
        assertThat(HostileText.hasRawControl(script))
                .as("a raw control character in:\n%s", script)
                .isFalse();
        ScriptExportTest.PowerShell powerShell = ScriptExportTest.PowerShell.read(script);
        String code = powerShell.bareCode();
        // Outside strings only the script's own variables and no backtick: no name is code.
        assertThat(code).doesNotContain("`");
        assertThat(code.replaceAll(
                        "\\$(ErrorActionPreference|LASTEXITCODE|args|null|previous|work|callerArn|parts|"
                                + "policyArn|\\(\\$args|\\(\\$parts|\\(Join-Path)\\b",
                        ""))
                .doesNotContain("$");
        // Here-strings hold the documents, exactly.
        List<JsonNode> documents =
                powerShell.hereStrings().stream().map(SeedPage::parse).toList();
        assertThat(documents)
                .containsExactlyElementsOf(subject.plan().operations().stream()
                        .flatMap(o -> o.document().stream())
                        .map(d -> (JsonNode) d)
                        .toList());

        List<List<Word>> calls = new ArrayList<>();
        String policyArn = null;
        for (String line : powerShell.codeLines()) {
            String body = line.strip();
            if (body.startsWith("#")) {
                continue;
            }
            int invoke = body.indexOf("Invoke-Aws iam ");
            if (invoke >= 0 && !body.contains("list-instance-profiles-for-role")) {
                calls.add(PowerShellWords.read(body.substring(invoke + "Invoke-Aws ".length())));
            }
            if (body.contains("list-instance-profiles-for-role")) {
                List<Word> words = PowerShellWords.read(body.substring(invoke + "Invoke-Aws ".length()));
                assertThat(words.get(words.size() - 4).value()).isEqualTo("--query");
                Word query = words.get(words.size() - 3);
                String expected = "length(InstanceProfiles[?InstanceProfileName=='" + names.profile() + "'])";
                if (query.kind() == Kind.DOUBLE_QUOTED_SOURCE) {
                    assertThat(query.value()).isEqualTo("\"" + expected + "\"");
                } else {
                    assertThat(query.value()).isEqualTo(ScriptSteps.profileQuery(names.profile()));
                }
                assertThat(words.get(3).value()).isEqualTo(names.role());
            }
            if (body.startsWith("Write-Host ")) {
                List<Word> words = PowerShellWords.read(body.substring("Write-Host ".length()));
                assertThat(words).hasSize(1);
                assertThat(words.get(0).kind()).isIn(Kind.SINGLE_QUOTED, Kind.BARE);
                assertThat(HostileText.hasRawControl(words.get(0).value())).isFalse();
            }
            if (body.startsWith("$policyArn = ")) {
                String prefix = "$policyArn = \"arn:$($parts[1]):iam::$($parts[4]):policy/";
                assertThat(body).startsWith(prefix);
                String rest = body.substring(prefix.length());
                policyArn = rest.startsWith("\" + ")
                        ? PowerShellWords.value(rest.substring(4))
                        : rest.substring(0, rest.length() - 1);
            }
        }
        List<IamOperation> writes = subject.plan().operations();
        assertThat(calls).hasSameSizeAs(writes);
        for (int k = 0; k < writes.size(); k++) {
            IamOperation operation = writes.get(k);
            List<String> expected = new ArrayList<>(List.of("iam"));
            expected.addAll(operation.cliArguments());
            List<Word> actual = calls.get(k);
            assertThat(actual).hasSameSizeAs(expected);
            for (int j = 0; j < expected.size(); j++) {
                Word word = actual.get(j);
                if (expected.get(j)
                        .equals(operation.document().map(Object::toString).orElse(null))) {
                    assertThat(word.value())
                            .isEqualTo("\"file://$(Join-Path $work '" + ScriptSteps.documentFile(operation) + "')\"");
                } else if (j > 0 && expected.get(j - 1).equals("--policy-arn")) {
                    assertThat(word.value()).isEqualTo("$policyArn");
                    assertThat(policyArn).isEqualTo(names.policy());
                } else {
                    assertThat(word.kind()).isIn(Kind.BARE, Kind.SINGLE_QUOTED, Kind.CONCATENATION);
                    assertThat(word.value())
                            .as("word %s of %s", j, operation.action())
                            .isEqualTo(expected.get(j));
                }
            }
        }
    }

    // ---- CloudFormation -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theCloudFormationTemplateReadsBackToTheSameNames(Shape shape, String value) throws Exception {
        checkCloudFormation(Names.from(value), shape);
    }

    @Property(tries = 150)
    void theCloudFormationTemplateOfAnyHostileSetReadsBackToTheSameNames(
            @ForAll("hostileNames") Names names, @ForAll("shapes") Shape shape) throws Exception {
        checkCloudFormation(names, shape);
    }

    static JsonNode checkCloudFormation(Names names, Shape shape) throws Exception {
        ExportSubject subject = HostileSubjects.subject(names, shape);
        String yaml = ExportCases.render(subject, ExportFormat.CLOUDFORMATION);
        assertThat(HostileText.hasRawControl(yaml))
                .as("a raw control character in:\n%s", yaml)
                .isFalse();
        List<String> lines = yaml.lines().toList();
        int body = lines.indexOf("AWSTemplateFormatVersion: \"2010-09-09\"");
        assertThat(body)
                .as("the template starts after its comment lines:\n%s", yaml)
                .isBetween(2, 4);
        assertThat(lines.subList(0, body)).allMatch(l -> l.startsWith("# "));
        assertThat(lines.subList(body, lines.size())).noneMatch(l -> l.startsWith("#"));

        JsonNode template = YAML.readTree(yaml);
        assertThat(template.at("/Parameters/RoleName/Default").asText()).isEqualTo(names.role());
        assertThat(template.at("/Parameters/ApplianceArn/Default").asText()).isEqualTo(names.appliance());
        JsonNode role = template.at("/Resources/WorkerRole/Properties");
        assertThat(role.get("Path").asText()).isEqualTo(names.path());
        assertThat(role.get("PermissionsBoundary").asText()).isEqualTo(names.boundary());
        ObjectNode trust = role.get("AssumeRolePolicyDocument").deepCopy();
        ((ObjectNode) trust.get("Statement").get(1).get("Principal")).put("AWS", names.appliance());
        assertThat(trust).isEqualTo(subject.trustPolicy());
        if (!subject.existingRole()) {
            assertThat(role.get("Description").asText()).isEqualTo(names.description());
            assertThat(role.at("/Tags/0/Key").asText()).isEqualTo(names.tagKey());
            assertThat(role.at("/Tags/0/Value").asText()).isEqualTo(names.tagValue());
        }
        if (subject.mode() == com.workerrolewizard.core.plan.PermissionsMode.INLINE) {
            assertThat(role.at("/Policies/0/PolicyName").asText()).isEqualTo(names.policy());
        } else {
            assertThat(template.at("/Resources/WorkerPermissions/Properties/ManagedPolicyName")
                            .asText())
                    .isEqualTo(names.policy());
        }
        JsonNode profile = template.at("/Resources/WorkerInstanceProfile/Properties");
        assertThat(profile.get("InstanceProfileName").asText()).isEqualTo(names.profile());
        assertThat(profile.get("Path").asText())
                .isEqualTo(shape == Shape.EXISTING_WITH_PROFILE ? names.profilePath() : names.path());
        return template;
    }

    /**
     * cfn-lint's own YAML reader (PyYAML, YAML 1.1, as CloudFormation tooling reads templates) reads every hostile
     * template to the same tree as Jackson, and cfn-lint finds no syntax error in them. One Python run for all.
     */
    @org.junit.jupiter.api.Test
    void cfnLintReadsEveryHostileTemplateAlike() throws Exception {
        assumeTrue(
                CloudFormationExportTest.onPath("cfn-lint") && CloudFormationExportTest.onPath("python3"),
                "SKIPPED: cfn-lint is not installed, so its YAML reader is not run");
        Path temp = Files.createTempDirectory("hostile-yaml");
        try {
            List<Path> files = new ArrayList<>();
            List<JsonNode> trees = new ArrayList<>();
            for (Arguments c : cases().toList()) {
                Shape shape = (Shape) c.get()[0];
                Names names = Names.from((String) c.get()[1]);
                String yaml = ExportCases.render(HostileSubjects.subject(names, shape), ExportFormat.CLOUDFORMATION);
                files.add(Files.writeString(temp.resolve("t" + files.size() + ".yaml"), yaml, StandardCharsets.UTF_8));
                trees.add(YAML.readTree(yaml));
            }
            String reader = "import sys, json\n"
                    + "from cfnlint.decode import cfn_yaml\n"
                    + "for name in sys.argv[1:]:\n"
                    + "    with open(name, encoding='utf-8') as f:\n"
                    + "        print(json.dumps(cfn_yaml.loads(f.read()), ensure_ascii=True))\n";
            List<String> command = new ArrayList<>(List.of("python3", "-c", reader));
            files.forEach(f -> command.add(f.toString()));
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            byte[][] errBytes = new byte[1][];
            Thread errReader = new Thread(() -> errBytes[0] = readAll(process.getErrorStream()));
            errReader.start();
            List<String> out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            errReader.join();
            String err = new String(errBytes[0], StandardCharsets.UTF_8);
            assumeTrue(!err.contains("No module named 'cfnlint'"), "SKIPPED: python3 here has no cfnlint module");
            assertThat(process.exitValue()).as("cfn-lint's reader: %s", err).isZero();
            assertThat(out).hasSameSizeAs(trees);
            for (int i = 0; i < trees.size(); i++) {
                assertThat(JSON.readTree(out.get(i)))
                        .as("template %s", files.get(i))
                        .isEqualTo(trees.get(i));
            }
            List<String> lint = new ArrayList<>(List.of("cfn-lint", "--format", "parseable"));
            files.forEach(f -> lint.add(f.toString()));
            Process linter = new ProcessBuilder(lint).redirectErrorStream(true).start();
            String report = new String(linter.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(linter.waitFor(300, TimeUnit.SECONDS)).isTrue();
            // Names IAM would refuse are findings; a template cfn-lint cannot read (E0000) is not.
            assertThat(report).doesNotContain(":E0000:");
        } finally {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- Terraform ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theTerraformConfigurationReadsBackToTheSameNames(Shape shape, String value) {
        checkTerraform(Names.from(value), shape);
    }

    /**
     * Terraform itself reads every quoted string and heredoc of the configuration to the value the HCL reader of
     * these tests reads (which is checked against the names above): the attributes become locals of a configuration
     * that needs no provider, and {@code terraform console} prints them. {@code terraform fmt} parses the whole file.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void terraformReadsTheSameValues(Shape shape, String value) throws Exception {
        assumeTrue(
                CloudFormationExportTest.onPath("terraform"),
                "SKIPPED: terraform is not installed, so it does not read " + "the hostile configurations");
        String hcl = checkTerraform(Names.from(value), shape);
        TerraformValues.assertTerraformReadsTheSame(hcl);
    }

    @Property(tries = 150)
    void theTerraformConfigurationOfAnyHostileSetReadsBackToTheSameNames(
            @ForAll("hostileNames") Names names, @ForAll("shapes") Shape shape) {
        checkTerraform(names, shape);
    }

    static String checkTerraform(Names names, Shape shape) {
        ExportSubject subject = HostileSubjects.subject(names, shape);
        String hcl = ExportCases.render(subject, ExportFormat.TERRAFORM);
        assertThat(HostileText.hasRawControl(hcl))
                .as("a raw control character in:\n%s", hcl)
                .isFalse();
        Hcl.Body body = Hcl.parse(hcl);
        Map<String, String> variables = Map.of("var.appliance_arn", names.appliance(), "var.role_name", names.role());
        assertThat(value(body.block("variable", "role_name").body().attribute("default"), variables))
                .isEqualTo(names.role());
        assertThat(value(body.block("variable", "appliance_arn").body().attribute("default"), variables))
                .isEqualTo(names.appliance());
        Hcl.Body role = body.block("resource", "aws_iam_role", "worker").body();
        assertThat(value(role.attribute("path"), variables)).isEqualTo(names.path());
        assertThat(value(role.attribute("permissions_boundary"), variables)).isEqualTo(names.boundary());
        assertThat(SeedPage.parse(value(role.attribute("assume_role_policy"), variables)))
                .isEqualTo(subject.trustPolicy());
        if (!subject.existingRole()) {
            assertThat(value(role.attribute("description"), variables)).isEqualTo(names.description());
            Hcl.Obj tags = (Hcl.Obj) role.attribute("tags");
            assertThat(tags.entries()).hasSize(1);
            assertThat(Hcl.evaluate(tags.entries().keySet().iterator().next(), variables))
                    .isEqualTo(names.tagKey());
            assertThat(value(tags.entries().values().iterator().next(), variables))
                    .isEqualTo(names.tagValue());
        }
        String policyResource = subject.mode() == com.workerrolewizard.core.plan.PermissionsMode.INLINE
                ? "aws_iam_role_policy"
                : "aws_iam_policy";
        Hcl.Body policy =
                body.block("resource", policyResource, "worker_permissions").body();
        assertThat(value(policy.attribute("name"), variables)).isEqualTo(names.policy());
        assertThat(SeedPage.parse(value(policy.attribute("policy"), variables))).isEqualTo(subject.permissionsPolicy());
        Hcl.Body profile =
                body.block("resource", "aws_iam_instance_profile", "worker").body();
        assertThat(value(profile.attribute("name"), variables)).isEqualTo(names.profile());
        if (shape == Shape.EXISTING_WITH_PROFILE) {
            assertThat(value(profile.attribute("path"), variables)).isEqualTo(names.profilePath());
            List<String> ids = body.blocks("import").stream()
                    .map(b -> value(b.body().attribute("id"), variables))
                    .toList();
            assertThat(ids).containsExactly(names.role(), names.profile(), names.role() + ":" + names.policy());
        }
        return hcl;
    }

    private static String value(Hcl.Value value, Map<String, String> variables) {
        assertThat(value).isInstanceOf(Hcl.Text.class);
        return Hcl.evaluate(((Hcl.Text) value).template(), variables);
    }

    // ---- text and JSON ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void thePlanTextShowsEscapesAndTheJsonStaysJson(Shape shape, String value) throws Exception {
        checkText(Names.from(value), shape);
    }

    @Property(tries = 150)
    void thePlanTextOfAnyHostileSetShowsEscapes(@ForAll("hostileNames") Names names, @ForAll("shapes") Shape shape)
            throws Exception {
        checkText(names, shape);
    }

    private static void checkText(Names names, Shape shape) throws Exception {
        ExportSubject subject = HostileSubjects.subject(names, shape);
        String text = PlanText.render(subject.plan());
        assertThat(HostileText.hasRawControl(text))
                .as("a raw control character in:\n%s", text)
                .isFalse();
        assertThat(text)
                .startsWith((subject.existingRole() ? "Plan for role " : "Plan to create role ")
                        + ControlCharacters.escape(names.role()) + " (");
        assertThat(text)
                .contains("  "
                        + ControlCharacters.escape(
                                subject.plan().changes().get(0).operation().summary()) + "\n");
        // Every step is its title line, its summary and its documents: the names add no line of their own.
        long steps = text.lines().filter(l -> l.startsWith("Step ")).count();
        assertThat(steps).isEqualTo(subject.plan().changes().size());
        String json = ExportCases.exports().render(subject, ExportFormat.JSON, Optional.empty());
        JsonNode both = JSON.readTree(json);
        assertThat(both.get("trustPolicy")).isEqualTo(subject.trustPolicy());
        assertThat(HostileText.hasRawControl(json)).isFalse();
    }
}
