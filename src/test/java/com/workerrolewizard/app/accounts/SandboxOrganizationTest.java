package com.workerrolewizard.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.account.RoleSummary;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.sandbox.Faults;
import com.workerrolewizard.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as an organization, through the product's own clients (the SDK over HTTP, our Organizations client):
 * Organizations lists the members, AssumeRole enters those that have the role and trust the caller, each member's
 * IAM is its own, and the checks across accounts tell passing, failing and unreachable accounts apart.
 */
class SandboxOrganizationTest {
    private static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();
    private static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(Sandbox.APPLIANCE);

    private final Sessions sessions = new Sessions(REFERENCES.builtInCatalog());
    private final AccountsWorkflow workflow =
            new AccountsWorkflow(sessions, new WorkerDocuments(REFERENCES, REFERENCES.builtInCatalog()));
    private Sandbox sandbox;
    private Session base;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        base = sessions.onSandbox(sandbox, () -> {});
    }

    @AfterEach
    void stop() {
        base.close();
        sandbox.close();
    }

    private static AccountTargets organization(Optional<String> unit, String assumeRole) {
        return new AccountTargets(List.of(), true, unit, assumeRole, Optional.empty(), List.of());
    }

    @Test
    void organizationsListsTheActiveAccountsOfTheOrganizationOrOfOneUnit() {
        List<AccountRef> all = workflow.accounts(base, organization(Optional.empty(), AccountTargets.DEFAULT_ROLE));
        assertThat(all)
                .extracting(AccountRef::id)
                .containsExactly(
                        Sandbox.ACCOUNT, Sandbox.PRODUCTION_A, Sandbox.PRODUCTION_B, Sandbox.PARTNER, Sandbox.BACKUP);
        assertThat(all.get(1).name()).isEqualTo("Production A");

        List<AccountRef> unit = workflow.accounts(
                base, organization(Optional.of(Sandbox.PRODUCTION_UNIT), AccountTargets.DEFAULT_ROLE));
        assertThat(unit)
                .extracting(AccountRef::id)
                .containsExactly(Sandbox.PRODUCTION_A, Sandbox.PRODUCTION_B, Sandbox.PARTNER);

        assertThatThrownBy(() ->
                        workflow.accounts(base, organization(Optional.of("ou-none-x"), AccountTargets.DEFAULT_ROLE)))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("ListAccountsForParent")
                .hasMessageContaining("ParentNotFoundException");
    }

    @Test
    void aMemberAccountIsEnteredThroughItsRoleAndHasItsOwnRoles() {
        try (Session member =
                sessions.enter(base, Sandbox.PRODUCTION_A, AccountTargets.DEFAULT_ROLE, Optional.empty())) {
            assertThat(member.operator().account()).isEqualTo(Sandbox.PRODUCTION_A);
            assertThat(member.operator().arn())
                    .isEqualTo("arn:aws:sts::" + Sandbox.PRODUCTION_A
                            + ":assumed-role/OrganizationAccountAccessRole/worker-role-wizard");
            List<String> names = new ArrayList<>();
            member.listRoles(page -> page.forEach(r -> names.add(r.name())));
            assertThat(names).containsExactlyInAnyOrder("OrganizationAccountAccessRole", "VeeamWorkerReady");
            // A member cannot list the organization: only its management account may.
            assertThatThrownBy(() -> member.organizations().activeAccounts(Optional.empty()))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("AccessDeniedException");
            // The sandbox's journal folder, never the user's.
            assertThat(member.sandbox()).isTrue();
            assertThat(member.journalFolder()).isEqualTo(base.journalFolder());
        }
        List<String> home = new ArrayList<>();
        base.listRoles(page -> page.stream().map(RoleSummary::name).forEach(home::add));
        assertThat(home).contains("WorkerFailingAll").doesNotContain("OrganizationAccountAccessRole");
    }

    @Test
    void assumeRoleHonoursTheTrustPolicyAndTheOrganizationsDeny() {
        // An invited account has no OrganizationAccountAccessRole.
        assertThatThrownBy(() -> sessions.enter(base, Sandbox.PARTNER, AccountTargets.DEFAULT_ROLE, Optional.empty()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("AccessDenied");
        // A role that trusts another account only.
        sandbox.inAccount(Sandbox.PRODUCTION_B)
                .addRole(
                        "TrustsBackupOnly",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + Sandbox.BACKUP + ":root\"}}]}");
        assertThatThrownBy(() -> sessions.enter(base, Sandbox.PRODUCTION_B, "TrustsBackupOnly", Optional.empty()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("AccessDenied");
        // An SCP on the caller's account denying sts:AssumeRole stops even a trusted call.
        sandbox.denyByOrganizations("sts:AssumeRole");
        assertThatThrownBy(
                        () -> sessions.enter(base, Sandbox.PRODUCTION_A, AccountTargets.DEFAULT_ROLE, Optional.empty()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("service control policy");
    }

    @Test
    void theWorkerRoleIsCheckedInEveryAccountAndEachAccountAnswersForItself() {
        List<AccountRef> accounts =
                workflow.accounts(base, organization(Optional.empty(), AccountTargets.DEFAULT_ROLE));
        sandbox.faults().always("GetRole", Faults.Kind.ACCESS_DENIED, Sandbox.BACKUP);
        List<AccountResult> results = workflow.check(
                base,
                accounts,
                organization(Optional.empty(), AccountTargets.DEFAULT_ROLE),
                roles -> List.of(roles.check("VeeamWorkerReady", APPLIANCE)));
        Map<String, AccountResult> byId =
                results.stream().collect(Collectors.toMap(r -> r.account().id(), r -> r));

        assertThat(statuses(byId.get(Sandbox.ACCOUNT))).containsOnly(Status.PASS);
        assertThat(statuses(byId.get(Sandbox.PRODUCTION_A))).containsOnly(Status.PASS);
        assertThat(byId.get(Sandbox.PRODUCTION_A).roles().get(0).arn())
                .isEqualTo("arn:aws:iam::" + Sandbox.PRODUCTION_A + ":role/VeeamWorkerReady");
        Map<RequirementId, Status> b = byRequirement(byId.get(Sandbox.PRODUCTION_B));
        assertThat(b.get(RequirementId.INSTANCE_PROFILE)).isEqualTo(Status.FAIL);
        assertThat(b.get(RequirementId.PERMISSIONS)).isEqualTo(Status.FAIL);
        assertThat(b.get(RequirementId.APPLIANCE_TRUST)).isEqualTo(Status.PASS);
        assertThat(byId.get(Sandbox.PARTNER).problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .startsWith("Cannot enter account " + Sandbox.PARTNER + " as OrganizationAccountAccessRole"));
        assertThat(byId.get(Sandbox.PARTNER).roles()).isEmpty();
        // A refused read in one account is that account's answer only.
        assertThat(statuses(byId.get(Sandbox.BACKUP))).contains(Status.UNKNOWN);
        // The appliance is in the management account: only there is its own side listed.
        assertThat(byRequirement(byId.get(Sandbox.ACCOUNT))).containsKey(RequirementId.APPLIANCE_ACCESS);
        assertThat(b).doesNotContainKey(RequirementId.APPLIANCE_ACCESS);
    }

    private static List<Status> statuses(AccountResult result) {
        return result.roles().stream()
                .flatMap(r -> r.requirements().stream())
                .map(RequirementResult::status)
                .toList();
    }

    private static Map<RequirementId, Status> byRequirement(AccountResult result) {
        return result.roles().get(0).requirements().stream()
                .collect(Collectors.toMap(RequirementResult::id, RequirementResult::status));
    }
}
