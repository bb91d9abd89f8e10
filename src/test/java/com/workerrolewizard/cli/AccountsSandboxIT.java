package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.sandbox.Faults;
import com.workerrolewizard.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many accounts through the jar against the sandbox's organization, where AssumeRole honours trust policies (moto's
 * never fails): the organization checked as a matrix, an invited account that cannot be entered, one question fixing
 * several accounts, undo of one account, and a fix denied halfway in one account that does not stop the others.
 */
class AccountsSandboxIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "AKIAORGANIZATIONTEST";

    @TempDir
    Path temp;

    private JarRun run(Sandbox sandbox, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", sandbox.endpoint().toString()));
        if (!args[0].equals("undo")) {
            all.addAll(List.of("--appliance", Sandbox.APPLIANCE));
        }
        return JarRun.with(
                new HashMap<>(Map.of(
                        "AWS_ACCESS_KEY_ID",
                        KEY,
                        "AWS_SECRET_ACCESS_KEY",
                        "secret",
                        "AWS_REGION",
                        "us-east-1",
                        "WORKER_ROLE_WIZARD_HOME",
                        temp.resolve("app-data").toString())),
                List.of(),
                all.toArray(String[]::new));
    }

    @Test
    void theOrganizationIsOneMatrixAndAnAccountThatCannotBeEnteredIsItsOwnLine() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret")) {
            JarRun text = run(sandbox, "check", "--role", "VeeamWorkerReady", "--accounts", "organization");
            assertThat(text.exit()).as(text.err()).isEqualTo(1);
            assertThat(text.out())
                    .startsWith("Account")
                    .contains("Production A")
                    .contains(Sandbox.PRODUCTION_B + " Production B, VeeamWorkerReady, instance-profile [FAIL]")
                    .contains(Sandbox.PARTNER)
                    .contains("OrganizationAccountAccessRole")
                    .doesNotContain(Sandbox.CLOSED);

            JarRun json = run(
                    sandbox,
                    "check",
                    "--role",
                    "VeeamWorkerReady",
                    "--accounts",
                    "organization",
                    "--organizational-unit",
                    Sandbox.PRODUCTION_UNIT,
                    "--format",
                    "json");
            assertThat(json.exit()).as(json.err()).isEqualTo(1);
            JsonNode accounts = JSON.readTree(json.out()).get("accounts");
            assertThat(accounts).hasSize(3);
            assertThat(accounts.get(0).get("account").asText()).isEqualTo(Sandbox.PRODUCTION_A);
            assertThat(accounts.get(0).get("problem").isNull()).isTrue();
            JsonNode partner = accounts.get(2);
            assertThat(partner.get("account").asText()).isEqualTo(Sandbox.PARTNER);
            assertThat(partner.get("problem").asText()).contains("AccessDenied").contains("--assume-role");
            assertThat(partner.get("roles")).isEmpty();

            JarRun ticket = run(
                    sandbox,
                    "check",
                    "--role",
                    "VeeamWorkerReady",
                    "--accounts",
                    "organization",
                    "--format",
                    "markdown");
            assertThat(ticket.exit()).as(ticket.err()).isEqualTo(1);
            assertThat(ticket.out())
                    .startsWith("# Worker role check: 5 accounts")
                    .contains("| " + Sandbox.PRODUCTION_B + " | Production B | FAIL | PASS | PASS | FAIL |")
                    .contains("| " + Sandbox.PARTNER + " | Partner (invited) | UNKNOWN | UNKNOWN | UNKNOWN | UNKNOWN |")
                    .contains("## Account " + Sandbox.PARTNER + " (Partner (invited))\n\nNot checked: ");
        }
    }

    @Test
    void oneQuestionFixesTheFailingAccountsAndUndoRevertsOneAccount() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret")) {
            String targets = Sandbox.PRODUCTION_A + "," + Sandbox.PRODUCTION_B + "," + Sandbox.PARTNER;
            JarRun fix = run(sandbox, "fix", "--role", "VeeamWorkerReady", "--accounts", targets, "--yes");
            assertThat(fix.out() + fix.err())
                    .contains("== Account " + Sandbox.PRODUCTION_B)
                    .contains(Sandbox.PARTNER);
            JarRun after = run(sandbox, "check", "--role", "VeeamWorkerReady", "--accounts", targets);
            assertThat(after.out()).contains("3 accounts checked: 2 ready").doesNotContain("[FAIL]");

            JarRun undo = run(sandbox, "undo", "--account", Sandbox.PRODUCTION_B, "--yes");
            assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
            assertThat(undo.out()).contains("== Account " + Sandbox.PRODUCTION_B);
            JarRun undone = run(sandbox, "check", "--role", "VeeamWorkerReady", "--accounts", targets);
            assertThat(undone.out())
                    .contains("- " + Sandbox.PRODUCTION_B + ", VeeamWorkerReady, instance-profile [FAIL]")
                    .contains("- " + Sandbox.PRODUCTION_B + ", VeeamWorkerReady, permissions [FAIL]")
                    .contains("3 accounts checked: 1 ready, 1 failing");
        }
    }

    @Test
    void aFixDeniedHalfwayInOneAccountSaysWhatWasAppliedThereAndTheOthersGoOn() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret")) {
            // A second failing account, fixed while the first is denied its permissions policy.
            sandbox.inAccount(Sandbox.PRODUCTION_A)
                    .replaceTrustPolicy(
                            "VeeamWorkerReady",
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                                    + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}");
            sandbox.faults().always("PutRolePolicy", Faults.Kind.ACCESS_DENIED, Sandbox.PRODUCTION_B);
            String targets = Sandbox.PRODUCTION_B + "," + Sandbox.PRODUCTION_A;
            JarRun fix = run(sandbox, "fix", "--role", "VeeamWorkerReady", "--accounts", targets, "--yes");
            assertThat(fix.exit()).as(fix.out() + fix.err()).isNotZero();
            String b = fix.out().substring(fix.out().indexOf("== Account " + Sandbox.PRODUCTION_B));
            assertThat(b)
                    .contains("Stopped: PutRolePolicy failed")
                    .contains("Not applied: Add inline policy VeeamWorkerPermissions-2")
                    .contains("== Account " + Sandbox.PRODUCTION_A)
                    .contains("Applied: Append the page's appliance statement")
                    .contains("2 accounts checked: 1 ready, 1 failing.");

            JarRun after = run(sandbox, "check", "--role", "VeeamWorkerReady", "--accounts", targets);
            assertThat(after.out())
                    .doesNotContain("- " + Sandbox.PRODUCTION_A + ", VeeamWorkerReady")
                    .contains("- " + Sandbox.PRODUCTION_B + ", VeeamWorkerReady, permissions [FAIL]")
                    .contains("2 accounts checked: 1 ready, 1 failing");
        }
    }
}
