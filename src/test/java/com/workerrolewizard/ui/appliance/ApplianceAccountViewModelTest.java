package com.workerrolewizard.ui.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.role.Recheck;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.TestSessions;
import com.workerrolewizard.ui.checklist.ChecklistViewModel;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The appliance's own account in the wizard, without a window, on the sandbox's organization: the worker in the
 * management account, the appliance in the Backup account. Entering that account lists appliance-access in the
 * checklist, decided there (allowed by its "*", then denied by a Deny); a role that cannot be assumed is one sentence;
 * a same-account appliance needs nothing; a new sign-in lets go of the account entered.
 */
class ApplianceAccountViewModelTest {
    private static final String APPLIANCE = "arn:aws:iam::" + Sandbox.BACKUP + ":role/VeeamBackupImpersonation";

    private TestSessions sessions;
    private WizardState state;
    private ApplianceAccountViewModel account;
    private ChecklistViewModel checklist;

    @BeforeEach
    void start() {
        sessions = new TestSessions();
        sessions.sandbox
                .addRole(
                        "CrossWorker",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                + "\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"" + APPLIANCE + "\"}},{\"Effect\":"
                                + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":"
                                + "\"ec2.amazonaws.com\"}}]}")
                .putInstanceProfile("CrossWorker")
                .putInlinePolicy(
                        "CrossWorker",
                        "VeeamWorkerPermissions",
                        ReferenceDocuments.load().permissionsPolicy().toString());
        state = new WizardState(ReferenceDocuments.load());
        account = new ApplianceAccountViewModel(
                state,
                Background.direct(),
                (base, id, role) ->
                        new Sessions(state.documents.get().catalog()).enter(base, id, role, Optional.empty()));
        checklist = new ChecklistViewModel(
                state,
                Background.direct(),
                () -> NewRoleRequest.named(state.roleName.get()),
                () -> PermissionsMode.INLINE,
                new RoleWorkflow.Timing(
                        new Recheck(Duration.ofSeconds(10), Duration.ofMillis(200)),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(20)));
        state.session.set(sessions.sandbox());
        state.appliance.set(AppliancePrincipal.parse(APPLIANCE));
        state.roleName.set("CrossWorker");
    }

    @AfterEach
    void stop() {
        if (state.applianceSession.get() != null) {
            state.applianceSession.get().close();
        }
        state.session.get().close();
        sessions.sandbox.close();
    }

    @Test
    void enteringTheAppliancesAccountListsItsOwnSideInTheChecklist() {
        assertThat(account.needed().get()).isTrue();
        assertThat(account.account().get()).isEqualTo(Sandbox.BACKUP);
        checklist.check();
        assertThat(checklist.applianceRow().listed().get()).isFalse();
        assertThat(checklist.applianceRow().notListed().get()).contains("appliance step");

        account.enter();
        assertThat(account.error().get()).isEmpty();
        assertThat(state.applianceSession.get().operator().account()).isEqualTo(Sandbox.BACKUP);
        assertThat(account.status().get()).contains(Sandbox.BACKUP).contains("OrganizationAccountAccessRole");
        checklist.check();
        assertThat(checklist.applianceRow().listed().get()).isTrue();
        assertThat(checklist.applianceRow().row.status.get()).isEqualTo(Status.PASS);
        assertThat(checklist.applianceRow().row.detail.get()).contains("AssumeWorkerRoles");

        sessions.sandbox
                .inAccount(Sandbox.BACKUP)
                .putInlinePolicy(
                        "VeeamBackupImpersonation",
                        "NoWorkers",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":"
                                + "\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::" + Sandbox.ACCOUNT
                                + ":role/CrossWorker\"}]}");
        checklist.check();
        assertThat(checklist.applianceRow().row.status.get()).isEqualTo(Status.FAIL);
        assertThat(checklist.applianceRow().row.detail.get()).contains("NoWorkers");
    }

    @Test
    void aRoleThatCannotBeAssumedIsOneSentenceAndNothingIsEntered() {
        account.role().set("NoSuchRole");
        account.enter();
        assertThat(account.error().get())
                .contains("STS refused")
                .contains("NoSuchRole")
                .doesNotContain("Exception:");
        assertThat(state.applianceSession.get()).isNull();

        account.role().set(" ");
        account.enter();
        assertThat(account.error().get()).contains("OrganizationAccountAccessRole");
    }

    @Test
    void aSameAccountApplianceNeedsNothingAndANewSignInLetsGoOfTheAccountEntered() {
        account.enter();
        assertThat(state.applianceSession.get()).isNotNull();

        var first = state.session.get();
        state.session.set(sessions.sandbox());
        first.close();
        assertThat(state.applianceSession.get()).isNull();

        state.appliance.set(AppliancePrincipal.parse(Sandbox.APPLIANCE));
        assertThat(account.needed().get()).isFalse();
    }
}
