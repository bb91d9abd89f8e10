package com.workerrolewizard.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.InstanceProfileRef;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3: "Each plan shows, for each operation, the document before and after (a readable diff for the
 * trust policy) and the equivalent AWS CLI command." The rendered plan is read as an admin reads it, and
 * its CLI commands are run through bash (with {@code aws} replaced by a function that prints its
 * arguments) to prove they say exactly what the plan holds.
 */
class PlanTextTest {

    static final String APPLIANCE_ARN = "arn:aws:iam::111122223333:role/VeeamImpersonation";
    static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(APPLIANCE_ARN);
    static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();
    static final FixPlanner PLANNER = new FixPlanner(new WorkerDocuments(REFERENCES, REFERENCES.builtInCatalog()));
    static final AuthorizationDetails DETAILS = fixture();

    static AuthorizationDetails fixture() {
        try {
            return AuthorizationDetails.read(Path.of(PlanTextTest.class
                    .getResource("/fixtures/authorization-details.json")
                    .toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static FixPlan plan(String role) {
        return PLANNER.planFix(DETAILS.role(role), APPLIANCE, DETAILS.facts(), PermissionsMode.INLINE);
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** The diff lines of the trust policy step, without the four-space indentation of the plan. */
    static List<String> trustDiff(String text) {
        List<String> all = lines(text);
        int start = all.indexOf("  Trust policy (- before, + after):");
        assertThat(start).as("the trust policy diff header").isNotNegative();
        int end = all.subList(start, all.size()).indexOf("  AWS CLI:") + start;
        return all.subList(start + 1, end).stream()
                .map(l -> {
                    assertThat(l).startsWith("    ");
                    return l.substring(4);
                })
                .toList();
    }

    static String join(List<String> lines) {
        return lines.stream().map(l -> l + "\n").reduce("", String::concat);
    }

    /** Undoes {@link ShellQuote#posix} for a word written as '...' with '\'' for quotes, or bare. */
    static String unquote(String word) {
        if (!word.startsWith("'")) {
            return word;
        }
        assertThat(word).endsWith("'");
        return word.substring(1, word.length() - 1).replace("'\\''", "'");
    }

    // ---------------------------------------------------------------- FailsAll, step by step

    @Test
    void failsAllShowsEachFailureAndEachStepInOrder() {
        String text = PlanText.render(plan("FailsAll"));
        assertThat(text)
                .startsWith("Plan for role FailsAll (arn:aws:iam::444455556666:role/FailsAll)\nAppliance "
                        + APPLIANCE_ARN + "\n");
        assertThat(text)
                .contains(
                        "[FAIL]    instance-profile: ",
                        "[FAIL]    appliance-trust: ",
                        "[FAIL]    ec2-trust: ",
                        "[FAIL]    permissions: ");
        List<String> steps = List.of(
                "Step 1. UpdateAssumeRolePolicy  (fixes appliance-trust, ec2-trust)",
                "Step 2. PutRolePolicy  (fixes permissions)",
                "Step 3. CreateInstanceProfile",
                "Step 4. AddRoleToInstanceProfile  (fixes instance-profile)");
        assertThat(lines(text)).containsSubsequence(steps);
        assertThat(lines(text)).filteredOn(l -> l.startsWith("Step ")).containsExactlyElementsOf(steps);
        assertThat(text)
                .doesNotContain("Step 5", "Cannot be fixed by this plan", "Limits this plan would break", "null");
        assertThat(text).contains("Notes:\n  - ");
        // The permissions document is shown in full, the page's way.
        assertThat(text)
                .contains(PolicyJson.pretty(REFERENCES.permissionsPolicy())
                        .lines()
                        .map(l -> "    " + l + "\n")
                        .reduce("", String::concat));
    }

    @Test
    void theTrustDiffKeepsTheOldStatementAndMarksTheAddedOnes() {
        FixPlan plan = plan("FailsAll");
        IamOperation.UpdateAssumeRolePolicy update =
                (IamOperation.UpdateAssumeRolePolicy) plan.operations().get(0);
        List<String> diff = trustDiff(PlanText.render(plan));

        assertThat(diff).allSatisfy(l -> assertThat(l).matches("^(  |\\+ |- ).*"));
        // Appending never removes a line: the original document is all there, unmarked.
        assertThat(diff).noneMatch(l -> l.startsWith("- "));
        List<String> kept = diff.stream()
                .filter(l -> l.startsWith("  "))
                .map(l -> l.substring(2))
                .toList();
        List<String> added = diff.stream()
                .filter(l -> l.startsWith("+ "))
                .map(l -> l.substring(2))
                .toList();
        assertThat(join(kept)).isEqualTo(PolicyJson.pretty(update.before()));
        assertThat(join(diff.stream()
                        .filter(l -> !l.startsWith("- "))
                        .map(l -> l.substring(2))
                        .toList()))
                .isEqualTo(PolicyJson.pretty(update.after()));
        assertThat(kept).contains("                \"Service\": \"lambda.amazonaws.com\"");
        assertThat(added)
                .contains(
                        "                \"AWS\": \"" + APPLIANCE_ARN + "\"",
                        "                \"Service\": \"ec2.amazonaws.com\"");
        assertThat(added).noneMatch(l -> l.contains("lambda"));
    }

    @Test
    void aStatementObjectTurnedIntoAnArrayShowsBothSidesInTheDiff() {
        RoleSnapshot role = new RoleSnapshot(
                "Single",
                "/",
                "arn:aws:iam::444455556666:role/Single",
                "AROAS",
                Known.of(PolicyDocument.parse(
                        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}}",
                        PolicyKind.TRUST)),
                Known.of(List.of(new InstanceProfileRef("Single", "x"))),
                Known.of(List.of(IdentityPolicy.inline(
                        "P", PolicyDocument.parse(REFERENCES.permissionsPolicy().toString(), PolicyKind.IDENTITY)))),
                Known.of(Optional.empty()));
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, AccountFacts.none(), PermissionsMode.INLINE);
        IamOperation.UpdateAssumeRolePolicy update =
                (IamOperation.UpdateAssumeRolePolicy) plan.operations().get(0);
        List<String> diff = trustDiff(PlanText.render(plan));
        assertThat(join(diff.stream()
                        .filter(l -> !l.startsWith("+ "))
                        .map(l -> l.substring(2))
                        .toList()))
                .isEqualTo(PolicyJson.pretty(update.before()));
        assertThat(join(diff.stream()
                        .filter(l -> !l.startsWith("- "))
                        .map(l -> l.substring(2))
                        .toList()))
                .isEqualTo(PolicyJson.pretty(update.after()));
    }

    @Test
    void theUpdateCommandCarriesTheAfterDocumentExactly() throws Exception {
        FixPlan plan = plan("FailsAll");
        IamOperation.UpdateAssumeRolePolicy update =
                (IamOperation.UpdateAssumeRolePolicy) plan.operations().get(0);
        String prefix = "    aws iam update-assume-role-policy --role-name FailsAll --policy-document '";
        List<String> commands = lines(PlanText.render(plan)).stream()
                .filter(l -> l.startsWith(prefix))
                .toList();
        assertThat(commands).hasSize(1);
        String quoted = commands.get(0).substring(prefix.length() - 1);
        String json = unquote(quoted);
        ObjectNode parsed = (ObjectNode) Json.MAPPER.readTree(json);
        assertThat(parsed).isEqualTo(update.after());
        assertThat(json).isEqualTo(update.after().toString());
        assertThat(PolicyDocument.parse(json, PolicyKind.TRUST).statements()).hasSize(3);
    }

    // ---------------------------------------------------------------- every CLI line, through bash

    /** Runs a script in bash and gives back what it printed. */
    static String bash(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script)
                .redirectErrorStream(false)
                .start();
        process.getOutputStream().close();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        process.getErrorStream().transferTo(err);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("bash exit; stderr: " + err.toString(StandardCharsets.UTF_8))
                .isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The arguments bash passes to {@code aws} for one rendered command line. */
    static List<String> argumentsBashSees(String commandLine) throws IOException, InterruptedException {
        String printed = bash("aws() { printf '%s\\0' \"$@\"; }\n" + commandLine.strip() + "\n");
        assertThat(printed).endsWith("\0");
        return Arrays.asList(printed.substring(0, printed.length() - 1).split("\0", -1));
    }

    static void everyCommandSaysWhatThePlanHolds(FixPlan plan) throws Exception {
        List<String> commands = lines(PlanText.render(plan)).stream()
                .filter(l -> l.startsWith("    aws iam "))
                .toList();
        assertThat(commands).hasSameSizeAs(plan.operations());
        for (int i = 0; i < commands.size(); i++) {
            List<String> expected = new ArrayList<>();
            expected.add("iam");
            expected.addAll(plan.operations().get(i).cliArguments());
            assertThat(argumentsBashSees(commands.get(i))).as(commands.get(i)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs the command lines in bash")
    void everyCommandOfFailsAllRunsInBashWithThePlansArguments() throws Exception {
        everyCommandSaysWhatThePlanHolds(plan("FailsAll"));
        everyCommandSaysWhatThePlanHolds(
                PLANNER.planFix(DETAILS.role("FailsAll"), APPLIANCE, DETAILS.facts(), PermissionsMode.MANAGED));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs the command lines in bash")
    void aNewRoleWithShellSpecialCharactersInItsDescriptionAndTagsRunsInBashAsWritten() throws Exception {
        NewRoleRequest request = new NewRoleRequest(
                "Veeam.Worker@Role",
                "/veeam workers!/".replace(" ", "-"),
                "It's Veeam's \"worker\" role: $HOME `id` $(id) \\ ! * ? [a] ~ # ; | & < > {a,b} %s",
                "arn:aws:iam::444455556666:policy/Boundary",
                List.of(
                        new IamOperation.Tag("Cost Center", "Équipe 1"),
                        new IamOperation.Tag("team", "backup/restore")),
                7200);
        FixPlan plan = PLANNER.planNewRole(request, APPLIANCE, DETAILS.facts(), PermissionsMode.MANAGED);
        assertThat(plan.problems()).isEmpty();
        everyCommandSaysWhatThePlanHolds(plan);
        assertThat(PlanText.render(plan))
                .startsWith(
                        "Plan to create role Veeam.Worker@Role (arn:aws:iam::444455556666:role/veeam-workers!/Veeam.Worker@Role)\n");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs the command lines in bash")
    void aTrustPolicyWithQuotesInAConditionValueRunsInBashAsWritten() throws Exception {
        RoleSnapshot role = new RoleSnapshot(
                "Quoted",
                "/",
                "arn:aws:iam::444455556666:role/Quoted",
                "AROAQ",
                Known.of(PolicyDocument.parse(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Condition\":{\"StringLike\":{\"aws:SourceArn\":"
                                + "\"it's a \\\"$(id)\\\" `x` \\\\ é\"}}}]}",
                        PolicyKind.TRUST)),
                Known.of(List.of(new InstanceProfileRef("Quoted", "x"))),
                Known.of(List.of()),
                Known.of(Optional.empty()));
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, AccountFacts.none(), PermissionsMode.INLINE);
        assertThat(plan.operations()).hasSize(2);
        everyCommandSaysWhatThePlanHolds(plan);
    }

    // ---------------------------------------------------------------- plans with nothing to do, blockers, problems

    @Test
    void anEmptyPlanSaysSo() {
        String text = PlanText.render(plan("GoodWorker"));
        assertThat(text).contains("Nothing to change: the role meets every requirement it can.");
        assertThat(text).doesNotContain("Step ", "[FAIL]", "aws iam", "Notes:", "Cannot be fixed");
    }

    @Test
    void aBlockedPlanNamesTheBlockingStatement() {
        String text = PlanText.render(plan("DenyTrust"));
        assertThat(text)
                .contains(
                        "[FAIL]    appliance-trust: ",
                        "Nothing the plan can change.",
                        "Cannot be fixed by this plan:\n  - ");
        assertThat(text).contains("BlockVeeam").doesNotContain("Step ");
    }

    @Test
    void aPlanThatBreaksALimitSaysItWillNotRun() {
        FixPlan plan = PLANNER.planNewRole(
                NewRoleRequest.named("Veeam Worker"), APPLIANCE, AccountFacts.none(), PermissionsMode.INLINE);
        String text = PlanText.render(plan);
        assertThat(text).startsWith("Plan to create role Veeam Worker\n");
        assertThat(text).contains("Limits this plan would break (it will not run):\n  - Role name \"Veeam Worker\"");
    }

    @Test
    void everyFixtureRoleRendersWithoutNullsAndWithOneCommandPerStep() {
        for (RoleSnapshot role : DETAILS.allRoles()) {
            for (PermissionsMode mode : PermissionsMode.values()) {
                FixPlan plan = PLANNER.planFix(role, APPLIANCE, DETAILS.facts(), mode);
                String text = PlanText.render(plan);
                assertThat(text).as(role.name()).doesNotContain("null").startsWith("Plan for role " + role.name());
                assertThat(lines(text).stream().filter(l -> l.startsWith("Step ")))
                        .as(role.name())
                        .hasSameSizeAs(plan.changes());
                assertThat(lines(text).stream().filter(l -> l.startsWith("    aws iam ")))
                        .as(role.name())
                        .hasSameSizeAs(plan.changes());
                if (plan.operations().stream().anyMatch(IamOperation.UpdateAssumeRolePolicy.class::isInstance)) {
                    assertThat(trustDiff(text)).as(role.name()).anyMatch(l -> l.startsWith("+ "));
                }
            }
        }
    }

    // ---------------------------------------------------------------- ShellQuote

    static Stream<String> trickyWords() {
        return Stream.of(
                "",
                "plain",
                "with space",
                "two  spaces",
                "it's",
                "'",
                "''",
                "'''",
                "\"",
                "\"\"",
                "a\"b'c",
                "$HOME",
                "${HOME}",
                "$(id)",
                "`id`",
                "\\",
                "\\\\",
                "a\\nb",
                "!",
                "!!",
                "!$",
                "*",
                "?",
                "[a]",
                "~",
                "~root",
                "a;b",
                "a|b",
                "a&b",
                "a&&b",
                "<in",
                ">out",
                "#comment",
                "x#y",
                "\n",
                "a\nb",
                "\t",
                " ",
                "é",
                "Équipe",
                "日本",
                "-n",
                "-e",
                "--",
                "%s",
                "%%",
                "%b",
                "{a,b}",
                "a=b",
                "=x",
                "arn:aws:iam::1:role/x",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"it's\"}]}",
                "'$(rm -rf x)'",
                "\\'",
                "a'\\''b");
    }

    @ParameterizedTest(name = "posix [{0}]")
    @MethodSource("trickyWords")
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs the command lines in bash")
    void posixQuotingRoundTripsThroughBash(String word) throws Exception {
        String quoted = ShellQuote.posix(word);
        assertThat(bash("printf %s " + quoted)).isEqualTo(word);
        // Inside a longer command line too.
        assertThat(bash("printf '[%s]' x " + quoted + " y")).isEqualTo("[x][" + word + "][y]");
    }

    @ParameterizedTest(name = "safe word [{0}]")
    @ValueSource(
            strings = {
                "FailsAll",
                "arn:aws:iam::444455556666:policy/VeeamWorkerPermissions",
                "/",
                "/veeam/",
                "update-assume-role-policy",
                "--role-name",
                "a_b+c=d.f-h"
            })
    void safeWordsStayUnquoted(String word) {
        assertThat(ShellQuote.posix(word)).isEqualTo(word);
        assertThat(ShellQuote.powershell(word)).isEqualTo(word);
    }

    @ParameterizedTest(name = "bash-safe word [{0}]")
    @ValueSource(strings = {"a_b+c=d,e.f@g-h", "Key=Team,Value=backup", "@Team", "a,b"})
    void aCommaOrALeadingAtIsQuotedForPowerShellOnly(String word) {
        // In PowerShell's argument mode a comma makes an array (two arguments) and a leading @ splats a variable.
        assertThat(ShellQuote.posix(word)).isEqualTo(word);
        assertThat(ShellQuote.powershell(word)).isEqualTo("'" + word + "'");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs the command lines in bash")
    void awsCliJoinsTheQuotedWords() throws Exception {
        String line = ShellQuote.awsCli(
                List.of("put-role-policy", "--role-name", "R", "--policy-document", "{\"a\": \"it's\"}"));
        assertThat(line).isEqualTo("aws iam put-role-policy --role-name R --policy-document '{\"a\": \"it'\\''s\"}'");
        assertThat(argumentsBashSees(line))
                .containsExactly(
                        "iam", "put-role-policy", "--role-name", "R", "--policy-document", "{\"a\": \"it's\"}");
    }

    @ParameterizedTest(name = "powershell [{0}]")
    @ValueSource(strings = {"it's", "''", "a b", "$env:PATH", "`n", "\"x\""})
    void powershellQuotingDoublesSingleQuotes(String word) {
        String quoted = ShellQuote.powershell(word);
        assertThat(quoted).startsWith("'").endsWith("'");
        String inside = quoted.substring(1, quoted.length() - 1);
        // Inside '...' PowerShell expands nothing; a quote is written twice.
        assertThat(inside.replace("''", "")).doesNotContain("'");
        assertThat(inside.replace("''", "'")).isEqualTo(word);
    }

    @ParameterizedTest(name = "powershell [{0}]")
    @ValueSource(
            strings = {
                "O\u2019Brien",
                "\u2018quoted\u2019",
                "a\u201Ab",
                "a\u201Bb",
                "x\u2019; Remove-Item -Recurse C:\\; \u2019"
            })
    void powershellQuotingAlsoDoublesTypographicSingleQuotes(String word) {
        String quoted = ShellQuote.powershell(word);
        String inside = quoted.substring(1, quoted.length() - 1);
        // Every single-quote character PowerShell recognises must come in pairs inside the quotes.
        for (char quote : new char[] {'\'', '\u2018', '\u2019', '\u201A', '\u201B'}) {
            String rest = inside;
            for (char q : new char[] {'\'', '\u2018', '\u2019', '\u201A', '\u201B'}) {
                rest = rest.replace("" + q + q, "");
            }
            assertThat(rest.indexOf(quote)).as("lone U+%04X", (int) quote).isNegative();
        }
    }
}
