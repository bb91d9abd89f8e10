package com.workerrolewizard.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.CallerIdentity;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.sandbox.Faults;
import com.workerrolewizard.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a live account: the real SDK over real HTTP against the sandbox, faults included. */
class LiveAccountTest {
    private static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(Sandbox.APPLIANCE);
    private Sandbox sandbox;
    private LiveAccount account;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        account = SandboxAccounts.open(sandbox);
    }

    @AfterEach
    void stop() {
        account.close();
        sandbox.close();
    }

    private List<Status> statuses(String role) {
        RoleReport report = new RoleChecker(SandboxAccounts.PAGE).check(account.role(role), APPLIANCE);
        return report.requirements().stream().map(RequirementResult::status).toList();
    }

    static Stream<Arguments> exampleRoles() {
        return Stream.of(
                Arguments.of("VeeamWorkerReady", List.of(Status.PASS, Status.PASS, Status.PASS, Status.PASS)),
                Arguments.of(
                        "WorkerWithoutInstanceProfile", List.of(Status.FAIL, Status.PASS, Status.PASS, Status.PASS)),
                Arguments.of(
                        "WorkerWithoutApplianceTrust", List.of(Status.PASS, Status.FAIL, Status.PASS, Status.PASS)),
                Arguments.of("WorkerWithoutEc2Trust", List.of(Status.PASS, Status.PASS, Status.FAIL, Status.PASS)),
                Arguments.of("WorkerMissingPermissions", List.of(Status.PASS, Status.PASS, Status.PASS, Status.FAIL)),
                Arguments.of("workerfailingall", List.of(Status.FAIL, Status.FAIL, Status.FAIL, Status.FAIL)));
    }

    @ParameterizedTest
    @MethodSource("exampleRoles")
    void theSandboxExamplesGetTheirStatuses(String role, List<Status> expected) {
        assertThat(statuses(role)).containsExactlyElementsOf(expected);
    }

    @Test
    void signingInNamesTheSandboxAccount() {
        CallerIdentity me = account.callerIdentity();
        assertThat(me.account()).isEqualTo(Sandbox.ACCOUNT);
        assertThat(me.arn()).startsWith("arn:aws:iam::" + Sandbox.ACCOUNT + ":");
    }

    @Test
    void documentsArriveUrlEncodedAndAreDecoded() {
        RoleSnapshot role = account.role("VeeamWorkerReady");
        assertThat(role.trustPolicy().value().statements()).hasSize(2);
        assertThat(role.policies().value()).hasSize(1);
        assertThat(role.policies()
                        .value()
                        .get(0)
                        .document()
                        .value()
                        .statements()
                        .get(0)
                        .actions()
                        .values())
                .hasSize(33);
    }

    @Test
    void aRoleThatIsNotThereIsOneClearSentence() {
        assertThatThrownBy(() -> account.role("NoSuchWorker"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("\"NoSuchWorker\" does not exist");
    }

    @Test
    void listingRolesFollowsEveryPageAndHandsOutEachAtOnce() {
        sandbox.addRoles("Bulk", 2500).pageCap(100);
        List<Integer> pages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        account.listRoles(page -> {
            pages.add(page.size());
            page.forEach(r -> names.add(r.name()));
        });
        assertThat(names).hasSize(2507).doesNotHaveDuplicates().contains("Bulk00000", "Bulk02499", "VeeamWorkerReady");
        assertThat(pages).hasSize(26).allMatch(size -> size <= 100);
    }

    @Test
    void aSnapshotsIndependentCallsRunInParallel() {
        sandbox.faults().latency(100);
        account.callerIdentity();
        sandbox.resetCounters();
        account.role("VeeamWorkerReady");
        // GetRole, ListInstanceProfilesForRole, ListRolePolicies, ListAttachedRolePolicies and the simulator go out
        // together.
        assertThat(sandbox.peakConcurrency()).isGreaterThanOrEqualTo(4);
        assertThat(sandbox.calls()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void accessDeniedMakesThatRequirementUnknownAndNamesThePermission() {
        sandbox.faults().always("ListInstanceProfilesForRole", Faults.Kind.ACCESS_DENIED);
        RoleReport report = new RoleChecker(SandboxAccounts.PAGE).check(account.role("VeeamWorkerReady"), APPLIANCE);
        RequirementResult profile = report.requirements().get(0);
        assertThat(profile.status()).isEqualTo(Status.UNKNOWN);
        assertThat(profile.detail())
                .contains("iam:ListInstanceProfilesForRole on arn:aws:iam::" + Sandbox.ACCOUNT
                        + ":role/VeeamWorkerReady");
        assertThat(report.requirements().get(1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aRefusedSimulatorLeavesTheDecisionToTheLocalEvaluationAndSaysSo() {
        sandbox.faults().always("SimulatePrincipalPolicy", Faults.Kind.ACCESS_DENIED);
        RequirementResult permissions = new RoleChecker(SandboxAccounts.PAGE)
                .check(account.role("VeeamWorkerReady"), APPLIANCE)
                .requirements()
                .get(3);
        assertThat(permissions.status()).isEqualTo(Status.PASS);
        assertThat(permissions.detail())
                .contains("SCPs) were not seen")
                .contains("local evaluation")
                .contains("iam:SimulatePrincipalPolicy");
    }

    @Test
    void anScpTheLocalEngineCannotSeeFailsThroughTheSimulator() {
        sandbox.denyByOrganizations("ssm:PutInventory");
        RequirementResult permissions = new RoleChecker(SandboxAccounts.PAGE)
                .check(account.role("VeeamWorkerReady"), APPLIANCE)
                .requirements()
                .get(3);
        assertThat(permissions.status()).isEqualTo(Status.FAIL);
        assertThat(permissions.missing()).containsExactly("ssm:PutInventory");
        assertThat(permissions.detail()).contains("policy simulator").contains("Organizations");
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        sandbox.faults()
                .inject("GetRole", Faults.Kind.THROTTLING, 2)
                .inject("ListRolePolicies", Faults.Kind.SERVER_ERROR, 1);
        assertThat(statuses("VeeamWorkerReady")).containsOnly(Status.PASS);
    }

    @Test
    void whenALocalReadTimesOutTheSimulatorStillDecides() {
        sandbox.faults().timeoutDelay(1500).always("ListAttachedRolePolicies", Faults.Kind.TIMEOUT);
        try (LiveAccount impatient = SandboxAccounts.open(sandbox, Duration.ofSeconds(2), Duration.ofMillis(500))) {
            RequirementResult permissions = new RoleChecker(SandboxAccounts.PAGE)
                    .check(impatient.role("VeeamWorkerReady"), APPLIANCE)
                    .requirements()
                    .get(3);
            assertThat(permissions.status()).isEqualTo(Status.PASS);
            assertThat(permissions.detail()).contains("policy simulator").contains("iam:ListAttachedRolePolicies");
        }
    }

    @Test
    void aSlowAnswerTimesOutIntoAnUnknownThatNamesTheCall() {
        sandbox.faults()
                .timeoutDelay(1500)
                .always("ListAttachedRolePolicies", Faults.Kind.TIMEOUT)
                .always("SimulatePrincipalPolicy", Faults.Kind.TIMEOUT);
        try (LiveAccount impatient = SandboxAccounts.open(sandbox, Duration.ofSeconds(2), Duration.ofMillis(500))) {
            RequirementResult permissions = new RoleChecker(SandboxAccounts.PAGE)
                    .check(impatient.role("VeeamWorkerReady"), APPLIANCE)
                    .requirements()
                    .get(3);
            assertThat(permissions.status()).isEqualTo(Status.UNKNOWN);
            assertThat(permissions.detail()).contains("iam:ListAttachedRolePolicies");
        }
    }

    @Test
    void aSandboxSeededFromAFileHoldsItsRoles() throws Exception {
        Path fixture = Path.of(
                getClass().getResource("/fixtures/authorization-details.json").toURI());
        try (Sandbox seeded = Sandbox.start(fixture);
                LiveAccount live = SandboxAccounts.open(seeded)) {
            AppliancePrincipal appliance =
                    AppliancePrincipal.parse("arn:aws:iam::111122223333:role/VeeamImpersonation");
            RoleReport good = new RoleChecker(SandboxAccounts.PAGE).check(live.role("GoodWorker"), appliance);
            RoleReport deny = new RoleChecker(SandboxAccounts.PAGE).check(live.role("DeniedPutInventory"), appliance);
            assertThat(good.requirements())
                    .extracting(RequirementResult::status)
                    .containsOnly(Status.PASS);
            assertThat(deny.requirements().get(3).missing()).containsExactly("ssm:PutInventory");
            assertThat(seeded.account()).isEqualTo("444455556666");
        }
    }
}
