package com.workerrolewizard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.account.Progress;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.sandbox.Faults;
import com.workerrolewizard.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every role of an account: one document read in a few pages where the operator may, role by role otherwise, the
 * simulator only where it can change the verdict, and never a hang, whatever the number of roles. The timeouts
 * below only turn a hang into a failure; they measure nothing.
 */
class AllRolesTest {
    private static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(Sandbox.APPLIANCE);
    private static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";

    static Map<String, List<Status>> statuses(List<RoleSnapshot> roles, AppliancePrincipal appliance) {
        Map<String, List<Status>> byRole = new LinkedHashMap<>();
        RoleChecker checker = new RoleChecker(SandboxAccounts.PAGE);
        for (RoleSnapshot role : roles) {
            byRole.put(
                    role.name(),
                    checker.check(role, appliance).requirements().stream()
                            .map(RequirementResult::status)
                            .toList());
        }
        return byRole;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aThousandRolesCostAHandfulOfRequests() {
        try (Sandbox sandbox = Sandbox.start().addRoles("Bulk", 1000);
                LiveAccount account = SandboxAccounts.open(sandbox)) {
            account.callerIdentity();
            sandbox.resetCounters();
            List<RoleSnapshot> roles = account.allRoles();
            assertThat(roles).hasSize(1007);
            // Ten pages of the account document, a few simulator calls for the roles that pass locally (one here).
            assertThat(sandbox.calls()).isLessThan(25);
            assertThat(statuses(roles, APPLIANCE).get("VeeamWorkerReady")).containsOnly(Status.PASS);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void roleByRoleWithMoreRolesThanThreadsNeverHangs() {
        // The account document refused: 60 roles read one by one, on a pool of 16 threads.
        try (Sandbox sandbox = Sandbox.start().addRoles("Many", 60);
                LiveAccount account = SandboxAccounts.open(sandbox)) {
            sandbox.faults()
                    .always("GetAccountAuthorizationDetails", Faults.Kind.ACCESS_DENIED)
                    .latency(5);
            List<RoleSnapshot> roles = account.allRoles();
            assertThat(roles).hasSize(67);
            assertThat(roles.get(0).name()).isEqualTo("VeeamBackupImpersonation");
            assertThat(statuses(roles, APPLIANCE).get("WorkerFailingAll")).containsOnly(Status.FAIL);
        }
    }

    @Test
    void bothWaysGiveTheOfflineReadersStatusesForTheFixture() throws Exception {
        Path fixture = Path.of(
                getClass().getResource("/fixtures/authorization-details.json").toURI());
        AppliancePrincipal appliance = AppliancePrincipal.parse("arn:aws:iam::111122223333:role/VeeamImpersonation");
        Map<String, List<Status>> offline =
                statuses(AuthorizationDetails.read(fixture).allRoles(), appliance);
        // Two roles the sandbox cannot hold as the file does: one account has one partition (ChinaWorker is aws-cn in
        // the file), and a policy missing from the file cannot be attached (UnreadableAwsManaged).
        offline.remove("ChinaWorker");
        offline.remove("UnreadableAwsManaged");
        try (Sandbox seeded = Sandbox.start(fixture);
                LiveAccount bulk = SandboxAccounts.open(seeded);
                LiveAccount oneByOne = SandboxAccounts.open(seeded)) {
            Map<String, List<Status>> read = statuses(bulk.allRoles(), appliance);
            read.keySet().retainAll(offline.keySet());
            assertThat(read).isEqualTo(offline);
            seeded.faults().always("GetAccountAuthorizationDetails", Faults.Kind.ACCESS_DENIED);
            Map<String, List<Status>> oneByOneRead = statuses(oneByOne.allRoles(), appliance);
            oneByOneRead.keySet().retainAll(offline.keySet());
            assertThat(oneByOneRead).isEqualTo(offline);
        }
    }

    @Test
    void theSimulatorDecidesOnlyTheRolesThatPassLocally() {
        try (Sandbox sandbox = Sandbox.start();
                LiveAccount account = SandboxAccounts.open(sandbox)) {
            sandbox.denyByOrganizations("ssm:PutInventory");
            Map<String, RequirementResult> permissions = new LinkedHashMap<>();
            for (RoleSnapshot role : account.allRoles()) {
                permissions.put(
                        role.name(),
                        new RoleChecker(SandboxAccounts.PAGE)
                                .check(role, APPLIANCE)
                                .requirements()
                                .get(3));
            }
            // Passes locally: the simulator is asked, and its SCP finding decides.
            assertThat(permissions.get("VeeamWorkerReady").status()).isEqualTo(Status.FAIL);
            assertThat(permissions.get("VeeamWorkerReady").detail())
                    .contains("IAM's policy simulator denies")
                    .contains("Organizations");
            // Fails locally: not asked, so its detail does not speak for the simulator.
            assertThat(permissions.get("WorkerMissingPermissions").status()).isEqualTo(Status.FAIL);
            assertThat(permissions.get("WorkerMissingPermissions").detail()).doesNotContain("simulator");
            assertThat(permissions.get("WorkerFailingAll").detail()).doesNotContain("simulator");
        }
    }

    @Test
    void aRoleOnAPathIsDecidedByTheSimulator() {
        String page = com.workerrolewizard.core.reference.ReferenceDocuments.load()
                .permissionsPolicy()
                .toString();
        String both = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"AWS\":\"" + Sandbox.APPLIANCE
                + "\"}},{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
        try (Sandbox sandbox = Sandbox.start()
                        .addRole("PathedWorker", "/veeam/workers/", both)
                        .putInlinePolicy("PathedWorker", "VeeamWorkerPermissions", page)
                        .putInstanceProfile("PathedWorker");
                LiveAccount account = SandboxAccounts.open(sandbox)) {
            sandbox.denyByOrganizations("sqs:SendMessage");
            RoleSnapshot one = account.role("PathedWorker");
            assertThat(one.arn()).isEqualTo("arn:aws:iam::" + Sandbox.ACCOUNT + ":role/veeam/workers/PathedWorker");
            RoleReport report = new RoleChecker(SandboxAccounts.PAGE).check(one, APPLIANCE);
            // Only the simulator sees the SCP: it was asked with the role's real ARN, path included.
            assertThat(report.requirements().get(3).status()).isEqualTo(Status.FAIL);
            assertThat(report.requirements().get(3).missing()).containsExactly("sqs:SendMessage");
            RoleSnapshot fromAll = account.allRoles().stream()
                    .filter(r -> r.name().equals("PathedWorker"))
                    .findFirst()
                    .orElseThrow();
            assertThat(new RoleChecker(SandboxAccounts.PAGE)
                            .check(fromAll, APPLIANCE)
                            .requirements()
                            .get(3)
                            .missing())
                    .containsExactly("sqs:SendMessage");
        }
    }

    @Test
    void aSimulatorFailingWith500IsAskedOnceAndTheDetailSaysScpsWereNotSeen() {
        try (Sandbox sandbox = Sandbox.start().addRoles("Bulk", 30);
                LiveAccount account = SandboxAccounts.open(sandbox)) {
            // 30 more roles that pass locally.
            for (int i = 0; i < 30; i++) {
                String name = String.format("Bulk%05d", i);
                sandbox.putInlinePolicy(
                        name,
                        "P",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Action\":\"*\",\"Resource\":\"*\"}]}");
            }
            sandbox.faults().always("SimulatePrincipalPolicy", Faults.Kind.SERVER_ERROR);
            account.callerIdentity();
            sandbox.resetCounters();
            List<RoleSnapshot> roles = account.allRoles();
            // One account document page and at most a bounded burst of simulator calls before it is given up
            // (the first failure stops the others; those already in flight may still go out), never a retry each.
            assertThat(sandbox.calls()).isLessThanOrEqualTo(1 + 8);
            RoleSnapshot bulk = roles.stream()
                    .filter(r -> r.name().equals("Bulk00007"))
                    .findFirst()
                    .orElseThrow();
            RequirementResult permissions = new RoleChecker(SandboxAccounts.PAGE)
                    .check(bulk, APPLIANCE)
                    .requirements()
                    .get(3);
            assertThat(permissions.status()).isEqualTo(Status.PASS);
            assertThat(permissions.detail())
                    .contains("could not be used")
                    .contains("SCPs) were not seen")
                    .doesNotContain("null");
        }
    }

    @Test
    void progressCountsEveryRoleReadAndChecked() {
        try (Sandbox sandbox = Sandbox.start().addRoles("Bulk", 250);
                LiveAccount account = SandboxAccounts.open(sandbox)) {
            AtomicInteger read = new AtomicInteger();
            AtomicInteger checked = new AtomicInteger();
            AtomicInteger total = new AtomicInteger();
            account.allRoles(new Progress() {
                @Override
                public void rolesRead(int count) {
                    read.accumulateAndGet(count, Math::max);
                }

                @Override
                public void rolesChecked(int done, int of) {
                    checked.accumulateAndGet(done, Math::max);
                    total.set(of);
                }
            });
            assertThat(read.get()).isEqualTo(257);
            assertThat(checked.get()).isEqualTo(257);
            assertThat(total.get()).isEqualTo(257);
        }
    }
}
