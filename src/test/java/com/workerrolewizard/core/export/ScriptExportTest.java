package com.workerrolewizard.core.export;

import static com.workerrolewizard.core.export.ExportCases.APPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.export.ExportCases.Case;
import com.workerrolewizard.core.plan.PermissionsMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bash and PowerShell exports. The bash script is checked by bash itself ({@code bash -n}) and run end to end
 * against a fake {@code aws} (src/test/resources/scripts/fake-aws) that records every call and simulates the IAM
 * state, so idempotence and stopping at the first error are observed, not assumed. There is no PowerShell here,
 * so the PowerShell script is checked for its structure.
 */
class ScriptExportTest {
    private static final String PERMISSIONS_ARN = "arn:aws:iam::444455556666:policy/VeeamWorkerPermissions";

    @TempDir
    Path temp;

    private Path bin;
    private Path state;

    @BeforeEach
    void fakeAws() throws IOException {
        bin = Files.createDirectories(temp.resolve("bin"));
        state = Files.createDirectories(temp.resolve("state"));
        try (InputStream in = ScriptExportTest.class.getResourceAsStream("/scripts/fake-aws")) {
            Path aws = bin.resolve("aws");
            Files.write(aws, in.readAllBytes());
            try {
                Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the bash tests skip there anyway.
            }
        }
    }

    private static void assumeBash() {
        assumeTrue(CloudFormationExportTest.onPath("bash"), "SKIPPED: no bash here, so the bash script is not run");
    }

    /** @param before how many calls earlier runs made (the fake numbers calls across runs) */
    record Run(int exit, String out, String err, List<List<String>> calls, int before) {
        List<String> operations() {
            return calls.stream().map(c -> c.get(0) + " " + c.get(1)).toList();
        }

        List<String> call(String operation) {
            List<List<String>> found = calls.stream()
                    .filter(c -> operation.equals(c.get(0) + " " + c.get(1)))
                    .toList();
            assertThat(found).as("calls of %s", operation).hasSize(1);
            return found.get(0);
        }

        /** The fake's number of this run's call of an operation (documents are saved as doc-NUMBER.json). */
        int number(String operation) {
            assertThat(operations()).contains(operation);
            return before + operations().indexOf(operation) + 1;
        }
    }

    /** Runs a script with the fake aws first on PATH; calls are those of this run only. */
    private Run runBash(String script, Map<String, String> environment) throws Exception {
        assumeBash();
        Path file = temp.resolve("worker-role-" + System.nanoTime() + ".sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Path log = state.resolve("calls.tsv");
        int before = Files.exists(log) ? Files.readAllLines(log).size() : 0;
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString());
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("FAKE_AWS_STATE", state.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[][] streams = new byte[2][];
        Thread err = new Thread(() -> streams[1] = readAll(process.getErrorStream()));
        err.start();
        streams[0] = readAll(process.getInputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the script finishes")
                .isTrue();
        err.join();
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        List<List<String>> calls = lines.subList(before, lines.size()).stream()
                .map(l -> Arrays.asList(l.split("\t", -1)))
                .toList();
        return new Run(
                process.exitValue(),
                new String(streams[0], StandardCharsets.UTF_8),
                new String(streams[1], StandardCharsets.UTF_8),
                calls,
                before);
    }

    private Run runBash(String script) throws Exception {
        return runBash(script, Map.of());
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The document a call passed as file://, as it was when the call ran. */
    private JsonNode document(Run run, String operation) throws IOException {
        int number = run.number(operation);
        assertThat(state.resolve("doc-" + number + ".missing"))
                .as("the file:// document of %s exists", operation)
                .doesNotExist();
        Path doc = state.resolve("doc-" + number + ".json");
        assertThat(doc).as("the file:// document of %s", operation).exists();
        return SeedPage.parse(Files.readString(doc, StandardCharsets.UTF_8));
    }

    private static String option(List<String> call, String name) {
        int i = call.indexOf(name);
        assertThat(i).as("%s in %s", name, call).isPositive();
        return call.get(i + 1);
    }

    /** The page's trust policy where the page is here; else the product's own (proven equal in JsonExportSeedTest). */
    private static JsonNode expectedTrust() {
        return SeedPage.find()
                .map(p -> (JsonNode) p.trustPolicy(APPLIANCE))
                .orElseGet(() -> ExportCases.newRole(PermissionsMode.INLINE).trustPolicy());
    }

    private static JsonNode expectedPermissions() {
        return SeedPage.find()
                .map(p -> (JsonNode) p.permissionsPolicy())
                .orElseGet(() -> ExportCases.newRole(PermissionsMode.INLINE).permissionsPolicy());
    }

    // ---- bash -n -------------------------------------------------------------------------------------------

    static Stream<String> everyFixtureRole() {
        return ExportCases.fixture().roleNames().stream();
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void bashAcceptsTheScriptOfEveryCase(Case c) throws Exception {
        assertBashParses(ExportCases.render(c, ExportFormat.CLI));
    }

    @ParameterizedTest
    @MethodSource("everyFixtureRole")
    void bashAcceptsTheScriptOfEveryFixtureRole(String role) throws Exception {
        AuthorizationDetails account = ExportCases.fixture();
        RoleSnapshot snapshot = account.role(role);
        for (PermissionsMode mode : PermissionsMode.values()) {
            ExportSubject subject =
                    ExportCases.exports().forRole(snapshot, ExportCases.appliance(), account.facts(), mode);
            assertBashParses(ExportCases.render(subject, ExportFormat.CLI));
        }
    }

    @Test
    void bashRejectsABrokenScript() throws Exception {
        assumeBash();
        Path file = Files.writeString(temp.resolve("broken.sh"), "if true; then\n  echo half\n");
        Process process = new ProcessBuilder("bash", "-n", file.toString())
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("the bash -n check can fail").isNotZero();
    }

    private void assertBashParses(String script) throws Exception {
        assumeBash();
        Path file =
                Files.writeString(temp.resolve("check-" + System.nanoTime() + ".sh"), script, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("bash", "-n", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("bash -n: %s\n%s", out, script).isZero();
        assertThat(script).startsWith("#!/usr/bin/env bash\n").contains("\nset -euo pipefail\n");
    }

    // ---- bash end to end against the fake aws -------------------------------------------------------------

    @Test
    void aNewRoleIsCreatedWithThePagesDocumentsInTheRightOrder() throws Exception {
        Run run = runBash(ExportCases.render(Case.NEW_ROLE, ExportFormat.CLI));
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        assertThat(run.operations())
                .containsExactly(
                        "iam get-role",
                        "iam create-role",
                        "iam put-role-policy",
                        "iam get-instance-profile",
                        "iam create-instance-profile",
                        "iam list-instance-profiles-for-role",
                        "iam add-role-to-instance-profile");
        List<String> create = run.call("iam create-role");
        assertThat(option(create, "--role-name")).isEqualTo("VeeamWorkerRole");
        assertThat(option(create, "--path")).isEqualTo("/");
        assertThat(option(create, "--assume-role-policy-document")).startsWith("file://");
        assertThat(document(run, "iam create-role").toString())
                .isEqualTo(expectedTrust().toString());
        List<String> put = run.call("iam put-role-policy");
        assertThat(option(put, "--role-name")).isEqualTo("VeeamWorkerRole");
        assertThat(option(put, "--policy-name")).isEqualTo("VeeamWorkerPermissions");
        assertThat(document(run, "iam put-role-policy").toString())
                .isEqualTo(expectedPermissions().toString());
        List<String> add = run.call("iam add-role-to-instance-profile");
        assertThat(option(add, "--instance-profile-name")).isEqualTo("VeeamWorkerRole");
        assertThat(option(add, "--role-name")).isEqualTo("VeeamWorkerRole");
        assertThat(Files.readString(state.resolve("member-VeeamWorkerRole")).strip())
                .isEqualTo("VeeamWorkerRole");
        assertThat(run.out()).contains("Done: role VeeamWorkerRole has the changes of the plan.");
    }

    @Test
    void theWorkFolderWithTheDocumentsIsRemovedAfterTheRun() throws Exception {
        Run run = runBash(ExportCases.render(Case.NEW_ROLE, ExportFormat.CLI));
        assertThat(run.exit()).isZero();
        Path document = Path.of(option(run.call("iam create-role"), "--assume-role-policy-document")
                .substring("file://".length()));
        assertThat(document.getParent()).doesNotExist();
    }

    @Test
    void runningTheNewRoleScriptAgainCreatesNothing() throws Exception {
        String script = ExportCases.render(Case.NEW_ROLE, ExportFormat.CLI);
        assertThat(runBash(script).exit()).isZero();
        Run again = runBash(script);
        assertThat(again.exit()).as("stderr: %s", again.err()).isZero();
        assertThat(again.operations())
                .containsExactly(
                        "iam get-role",
                        "iam put-role-policy",
                        "iam get-instance-profile",
                        "iam list-instance-profiles-for-role");
        assertThat(again.out())
                .contains("Already done: Create role VeeamWorkerRole")
                .contains("Already done: Create instance profile VeeamWorkerRole")
                .contains("Already done: Add role VeeamWorkerRole to instance profile VeeamWorkerRole");
        assertThat(document(again, "iam put-role-policy").toString())
                .isEqualTo(expectedPermissions().toString());
    }

    @Test
    void managedPermissionsCreateThePolicyInTheCallersAccountAndAttachIt() throws Exception {
        String script = ExportCases.render(Case.NEW_ROLE_MANAGED, ExportFormat.CLI);
        Run run = runBash(script);
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        assertThat(run.operations())
                .containsExactly(
                        "sts get-caller-identity",
                        "iam get-role",
                        "iam create-role",
                        "iam get-policy",
                        "iam create-policy",
                        "iam attach-role-policy",
                        "iam get-instance-profile",
                        "iam create-instance-profile",
                        "iam list-instance-profiles-for-role",
                        "iam add-role-to-instance-profile");
        assertThat(option(run.call("iam get-policy"), "--policy-arn")).isEqualTo(PERMISSIONS_ARN);
        assertThat(option(run.call("iam attach-role-policy"), "--policy-arn")).isEqualTo(PERMISSIONS_ARN);
        assertThat(option(run.call("iam create-policy"), "--policy-name")).isEqualTo("VeeamWorkerPermissions");
        assertThat(document(run, "iam create-policy").toString())
                .isEqualTo(expectedPermissions().toString());

        Run again = runBash(script);
        assertThat(again.exit()).as("stderr: %s", again.err()).isZero();
        assertThat(again.operations())
                .containsExactly(
                        "sts get-caller-identity",
                        "iam get-role",
                        "iam get-policy",
                        "iam attach-role-policy",
                        "iam get-instance-profile",
                        "iam list-instance-profiles-for-role");
    }

    @Test
    void anExistingRoleGetsItsTrustPolicyMergedPermissionsAndAProfile() throws Exception {
        Files.createFile(state.resolve("role-FailsAll"));
        String script = ExportCases.render(Case.FAILS_ALL, ExportFormat.CLI);
        Run run = runBash(script);
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        assertThat(run.operations())
                .containsExactly(
                        "iam update-assume-role-policy",
                        "iam put-role-policy",
                        "iam get-instance-profile",
                        "iam create-instance-profile",
                        "iam list-instance-profiles-for-role",
                        "iam add-role-to-instance-profile");
        ObjectNode expected =
                ExportCases.fixture().role("FailsAll").trustPolicy().value().json();
        JsonNode page = expectedTrust();
        ((ArrayNode) expected.get("Statement"))
                .add(page.get("Statement").get(0))
                .add(page.get("Statement").get(1));
        assertThat(document(run, "iam update-assume-role-policy").toString()).isEqualTo(expected.toString());
        assertThat(option(run.call("iam update-assume-role-policy"), "--role-name"))
                .isEqualTo("FailsAll");

        Run again = runBash(script);
        assertThat(again.exit()).isZero();
        assertThat(again.operations())
                .containsExactly(
                        "iam update-assume-role-policy",
                        "iam put-role-policy",
                        "iam get-instance-profile",
                        "iam list-instance-profiles-for-role");
        assertThat(document(again, "iam update-assume-role-policy").toString()).isEqualTo(expected.toString());
    }

    @Test
    void aRoleThePlanCannotFixGetsAScriptThatCallsNothing() throws Exception {
        String script = ExportCases.render(Case.DENY_TRUST, ExportFormat.CLI);
        assertThat(script).contains("# NOT FIXED by this script: ").contains("BlockVeeam");
        Run run = runBash(script);
        // Nothing to call, but the role still fails: the script says so and exits 1, not "needed no change".
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.calls()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("failingOperations")
    void aFailingCallStopsTheScript(String operation, List<String> expectedCalls) throws Exception {
        Run run = runBash(ExportCases.render(Case.NEW_ROLE, ExportFormat.CLI), Map.of("FAKE_AWS_FAIL", operation));
        assertThat(run.exit()).isNotZero();
        assertThat(run.operations()).containsExactlyElementsOf(expectedCalls);
        assertThat(run.err()).contains("simulated failure");
        assertThat(run.out()).doesNotContain("Done: role VeeamWorkerRole has the changes of the plan.");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> failingOperations() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(
                        "create-role", List.of("iam get-role", "iam create-role")),
                org.junit.jupiter.params.provider.Arguments.of(
                        "put-role-policy", List.of("iam get-role", "iam create-role", "iam put-role-policy")),
                org.junit.jupiter.params.provider.Arguments.of(
                        "create-instance-profile",
                        List.of(
                                "iam get-role",
                                "iam create-role",
                                "iam put-role-policy",
                                "iam get-instance-profile",
                                "iam create-instance-profile")),
                org.junit.jupiter.params.provider.Arguments.of(
                        "add-role-to-instance-profile",
                        List.of(
                                "iam get-role",
                                "iam create-role",
                                "iam put-role-policy",
                                "iam get-instance-profile",
                                "iam create-instance-profile",
                                "iam list-instance-profiles-for-role",
                                "iam add-role-to-instance-profile")));
    }

    @Test
    void aFailingCallerIdentityStopsTheManagedScriptBeforeAnyChange() throws Exception {
        Run run = runBash(
                ExportCases.render(Case.NEW_ROLE_MANAGED, ExportFormat.CLI),
                Map.of("FAKE_AWS_FAIL", "get-caller-identity"));
        assertThat(run.exit()).isNotZero();
        assertThat(run.operations()).containsExactly("sts get-caller-identity");
    }

    @Test
    void aFailingInstanceProfileCheckStopsTheScript() throws Exception {
        Run run = runBash(
                ExportCases.render(Case.NEW_ROLE, ExportFormat.CLI),
                Map.of("FAKE_AWS_FAIL", "list-instance-profiles-for-role"));
        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).doesNotContain("Already done: Add role");
    }

    @Test
    void aScriptThatCannotFixARoleDoesNotSayItNeededNoChange() throws Exception {
        Run run = runBash(ExportCases.render(Case.DENY_TRUST, ExportFormat.CLI));
        assertThat(run.out()).doesNotContain("needed no change");
    }

    @Test
    void theManagedScriptNeverShowsTheAccountIdPlaceholder() throws Exception {
        Run run = runBash(ExportCases.render(Case.NEW_ROLE_MANAGED, ExportFormat.CLI));
        assertThat(run.out()).doesNotContain("ACCOUNT_ID");
    }

    // ---- PowerShell structure ------------------------------------------------------------------------------

    /** A PowerShell script split into code (strings blanked) and the bodies of its single-quoted here-strings. */
    record PowerShell(List<String> codeLines, List<String> hereStrings) {
        static PowerShell read(String script) {
            List<String> code = new ArrayList<>();
            List<String> hereStrings = new ArrayList<>();
            StringBuilder here = null;
            for (String line : script.split("\n", -1)) {
                if (here != null) {
                    if (line.startsWith("'@")) {
                        hereStrings.add(here.toString());
                        here = null;
                        code.add(line.substring(2));
                    } else {
                        assertThat(line.strip())
                                .as("a here-string closes only at the start of a line")
                                .doesNotStartWith("'@");
                        here.append(line).append('\n');
                    }
                } else {
                    code.add(line);
                    // Only an @' outside strings and comments opens a here-string: a name in a comment or in a
                    // quoted string may end in @' too ('name@').
                    if (strip(line).endsWith("@''")) {
                        here = new StringBuilder();
                    }
                }
            }
            assertThat(here)
                    .as("every here-string @' is closed by '@ at the start of a line")
                    .isNull();
            return new PowerShell(code, hereStrings);
        }

        /** Code without comments and with the contents of quoted strings removed ($(...) inside "..." kept). */
        String bareCode() {
            StringBuilder out = new StringBuilder();
            for (String line : codeLines) {
                out.append(strip(line)).append('\n');
            }
            return out.toString();
        }

        private static String strip(String line) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '#') {
                    break;
                }
                if (c == '@'
                        && line.startsWith("@'", i)
                        && line.substring(i + 2).isBlank()) {
                    // A here-string opener: its body was taken out by read().
                    out.append("@''");
                    break;
                }
                if (c == '\'') {
                    int j = i + 1;
                    while (true) {
                        assertThat(j).as("unterminated '...' in: %s", line).isLessThan(line.length());
                        if (line.charAt(j) == '\'' && j + 1 < line.length() && line.charAt(j + 1) == '\'') {
                            j += 2;
                        } else if (line.charAt(j) == '\'') {
                            break;
                        } else {
                            j++;
                        }
                    }
                    out.append("''");
                    i = j + 1;
                } else if (c == '"') {
                    int j = i + 1;
                    out.append('"');
                    while (true) {
                        assertThat(j).as("unterminated \"...\" in: %s", line).isLessThan(line.length());
                        char d = line.charAt(j);
                        if (d == '`') {
                            j += 2;
                        } else if (d == '"') {
                            break;
                        } else if (d == '$' && j + 1 < line.length() && line.charAt(j + 1) == '(') {
                            int depth = 0;
                            int k = j + 1;
                            do {
                                char e = line.charAt(k);
                                if (e == '\'') {
                                    k = line.indexOf('\'', k + 1);
                                } else if (e == '(') {
                                    depth++;
                                } else if (e == ')') {
                                    depth--;
                                }
                                k++;
                            } while (depth > 0);
                            out.append(strip(line.substring(j, k)));
                            j = k;
                        } else {
                            j++;
                        }
                    }
                    out.append('"');
                    i = j + 1;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void powerShellBracesParenthesesAndHereStringsBalance(Case c) {
        PowerShell script = PowerShell.read(ExportCases.render(c, ExportFormat.POWERSHELL));
        String code = script.bareCode();
        int braces = 0;
        int parens = 0;
        for (char ch : code.toCharArray()) {
            braces += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            parens += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            assertThat(braces).as("a '}' without its '{'").isNotNegative();
            assertThat(parens).as("a ')' without its '('").isNotNegative();
        }
        assertThat(braces).as("braces balance").isZero();
        assertThat(parens).as("parentheses balance").isZero();
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void everyAwsCallGoesThroughInvokeAwsOrTheReadOnlyTestAws(Case c) {
        String code =
                PowerShell.read(ExportCases.render(c, ExportFormat.POWERSHELL)).bareCode();
        assertThat(code).contains("$ErrorActionPreference = ''").contains("function Invoke-Aws {");
        assertThat(ExportCases.render(c, ExportFormat.POWERSHELL))
                .contains("$ErrorActionPreference = 'Stop'")
                .contains("if ($LASTEXITCODE -ne 0) { throw ");
        Matcher call = Pattern.compile("(\\S+)\\s+(iam|sts)\\s+([a-z-]+)").matcher(code);
        int calls = 0;
        while (call.find()) {
            calls++;
            String via = call.group(1).replace("(", "");
            assertThat(via).as("the AWS CLI call %s", call.group()).isIn("Invoke-Aws", "Test-Aws");
            if (via.equals("Test-Aws")) {
                assertThat(call.group(3)).as("Test-Aws only checks").startsWith("get-");
            }
        }
        if (c != Case.DENY_TRUST) {
            assertThat(calls).isPositive();
        }
        assertThat(Pattern.compile("&\\s*aws\\b").matcher(code).results().count())
                .as("aws is run directly only inside Invoke-Aws and Test-Aws")
                .isEqualTo(2);
        assertThat(code).contains("try {").contains("} finally {");
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"NEW_ROLE", "NEW_ROLE_MANAGED", "FAILS_ALL"})
    void powerShellHereStringsHoldTheDocuments(Case c) {
        PowerShell script = PowerShell.read(ExportCases.render(c, ExportFormat.POWERSHELL));
        assertThat(script.hereStrings()).hasSize(2);
        JsonNode trust = SeedPage.parse(script.hereStrings().get(0));
        JsonNode permissions = SeedPage.parse(script.hereStrings().get(1));
        assertThat(permissions.toString()).isEqualTo(expectedPermissions().toString());
        if (c == Case.FAILS_ALL) {
            assertThat(trust.toString()).isEqualTo(c.subject().trustPolicy().toString());
            assertThat(trust.get("Statement")).hasSize(3);
        } else {
            assertThat(trust.toString()).isEqualTo(expectedTrust().toString());
        }
    }

    @Test
    void powerShellRunsTheSameOperationsAsTheBashScript() {
        for (Case c : Case.values()) {
            String bash = ExportCases.render(c, ExportFormat.CLI);
            String powershell = ExportCases.render(c, ExportFormat.POWERSHELL);
            for (String operation : List.of(
                    "create-role",
                    "put-role-policy",
                    "update-assume-role-policy",
                    "create-instance-profile",
                    "add-role-to-instance-profile",
                    "create-policy",
                    "attach-role-policy")) {
                assertThat(powershell.contains("iam " + operation + " "))
                        .as("%s %s", c, operation)
                        .isEqualTo(bash.contains("iam " + operation + " "));
            }
        }
    }

    @Test
    void theStructureCheckCatchesAnUnclosedHereString() {
        String broken = "$x = @'\n{}\n  '@\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PowerShell.read(broken))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void testAwsDoesNotTurnStderrIntoATerminatingError() {
        String script = ExportCases.render(Case.NEW_ROLE, ExportFormat.POWERSHELL);
        String testAws = script.substring(
                script.indexOf("function Test-Aws {"), script.indexOf("}\n", script.indexOf("function Test-Aws {")));
        boolean redirectsStderr = testAws.contains("*>") || testAws.contains("2>");
        boolean relaxesPreference = testAws.contains("$ErrorActionPreference = 'Continue'")
                || testAws.contains("$ErrorActionPreference = 'SilentlyContinue'");
        assertThat(!redirectsStderr || relaxesPreference).isTrue();
    }

    @Test
    void bothScriptsNameTheAppliance() {
        for (Case c : Case.values()) {
            assertThat(ExportCases.render(c, ExportFormat.CLI)).contains("# Appliance: " + APPLIANCE);
            assertThat(ExportCases.render(c, ExportFormat.POWERSHELL)).contains("# Appliance: " + APPLIANCE);
        }
    }
}
