package com.workerrolewizard.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.accounts.AccountsFixWorkflow.AccountPlan;
import com.workerrolewizard.app.accounts.AccountsWorkflow;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The matrix's behaviour with the real AccountsWorkflow, over HTTP to moto's organization, without a window: the
 * organization listed, each account checked, the one confirmation given every account's plan, and only a yes writes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsMatrixOnMotoTest {
    private static MotoOrganization org;
    private static WizardState state;
    private static AccountsChoiceViewModel choice;
    private static AccountsMatrixViewModel matrix;

    @BeforeAll
    static void organization() throws Exception {
        org = MotoOrganization.startOrSkip();
        System.setProperty(
                "worker.role.wizard.home",
                Files.createTempDirectory("accounts-matrix-home").toString());
        ReferenceDocuments references = ReferenceDocuments.load();
        state = new WizardState(references);
        state.session.set(org.signIn());
        state.appliance.set(AppliancePrincipal.parse(MotoOrganization.APPLIANCE));
        choice = new AccountsChoiceViewModel();
        choice.scope().set(AccountsChoiceViewModel.Scope.ORGANIZATION);
        matrix = new AccountsMatrixViewModel(
                state,
                choice,
                Background.direct(),
                Runnable::run,
                () -> new AccountsWorkflow(new Sessions(references.builtInCatalog()), state.documents.get()),
                session -> new RoleWorkflow(session, state.documents.get()),
                () -> PermissionsMode.INLINE);
    }

    @AfterAll
    static void stop() {
        if (state != null && state.session.get() != null) {
            state.session.get().close();
        }
        if (org != null) {
            org.close();
        }
    }

    private static Map<String, AccountRow> byId() {
        return matrix.rows().stream().collect(Collectors.toMap(r -> r.account().id(), r -> r));
    }

    @Test
    @Order(1)
    void theOrganizationIsListedAndEveryAccountChecked() {
        matrix.shown();
        assertThat(matrix.message().get()).isEmpty();
        assertThat(matrix.rows()).hasSize(4);
        Map<String, AccountRow> rows = byId();
        assertThat(rows.get(MotoOrganization.MANAGEMENT).passes()).isTrue();
        assertThat(rows.get(org.members.get(0)).passes()).isTrue();
        assertThat(rows.get(org.members.get(0)).account().name()).isEqualTo("member-00");
        AccountRow failing = rows.get(org.members.get(1));
        assertThat(failing.status(RequirementId.INSTANCE_PROFILE)).isEqualTo(Status.FAIL);
        assertThat(failing.status(RequirementId.PERMISSIONS)).isEqualTo(Status.PASS);
        AccountRow missing = rows.get(org.members.get(2));
        assertThat(missing.problem()).get().asString().contains("VeeamWorkerRole");
        assertThat(missing.status(RequirementId.EC2_TRUST)).isEqualTo(Status.UNKNOWN);
        assertThat(matrix.summary().get())
                .isEqualTo("4 accounts checked: 2 ready, 1 failing, 1 that could not be checked.");
        assertThat(matrix.fixable().get()).isTrue();
        assertThat(matrix.busy().get()).isFalse();
    }

    @Test
    @Order(2)
    void aNoToTheOneConfirmationWritesNothingAnywhere() {
        List<List<AccountPlan>> asked = new ArrayList<>();
        matrix.fixAll(plans -> {
            asked.add(plans);
            return false;
        });
        assertThat(asked).hasSize(1);
        assertThat(matrix.message().get()).isEqualTo("Nothing was changed.");
        matrix.check();
        assertThat(byId().get(org.members.get(1)).status(RequirementId.INSTANCE_PROFILE))
                .isEqualTo(Status.FAIL);
    }

    @Test
    @Order(3)
    void oneYesFixesEveryFailingAccountAndEachAccountSaysWhatItCameTo() {
        List<List<AccountPlan>> asked = new ArrayList<>();
        matrix.fixAll(plans -> {
            asked.add(plans);
            return true;
        });
        List<AccountPlan> plans = asked.get(0);
        assertThat(plans).hasSize(4);
        String confirmation = AccountsConfirmation.text(plans);
        for (AccountRow row : matrix.rows()) {
            assertThat(confirmation).contains("Account " + row.account().id());
        }
        assertThat(confirmation).contains("CreateInstanceProfile").contains("Not changed: ");
        assertThat(plans.stream()
                        .filter(AccountPlan::changes)
                        .map(p -> p.account().account().id()))
                .containsExactly(org.members.get(1));

        Map<String, AccountRow> rows = byId();
        assertThat(rows.get(org.members.get(1)).passes())
                .as("checked again after the fix")
                .isTrue();
        assertThat(rows.get(org.members.get(1)).fixed().get())
                .startsWith("Applied ")
                .contains("journal");
        assertThat(rows.get(org.members.get(2)).fixed().get()).startsWith("Not changed: ");
        assertThat(rows.get(org.members.get(2)).problem()).isPresent();
        assertThat(matrix.summary().get())
                .isEqualTo("4 accounts checked: 3 ready, 0 failing, 1 that could not be checked.");
        assertThat(matrix.fixable().get()).isFalse();
        assertThat(state.changes).isNotEmpty().allMatch(l -> l.startsWith("Account " + org.members.get(1) + ": "));
        assertThat(state.applying.get()).isFalse();
        Path home = Path.of(System.getProperty("worker.role.wizard.home"));
        assertThat(home).isNotEmptyDirectory();
    }

    @Test
    @Order(4)
    void undoRevertsTheFixInOneAccountOnlyAndOnlyAfterAYes() {
        matrix.undo(byId().get(org.members.get(0)), plan -> {
            throw new AssertionError("nothing was fixed in member-00: nothing to confirm");
        });
        assertThat(matrix.message().get()).startsWith("Nothing to undo in account " + org.members.get(0));

        List<String> shown = new ArrayList<>();
        matrix.undo(byId().get(org.members.get(1)), plan -> {
            shown.addAll(plan.steps());
            return false;
        });
        assertThat(shown).anyMatch(step -> step.contains("InstanceProfile"));
        assertThat(byId().get(org.members.get(1)).passes())
                .as("a no reverts nothing")
                .isTrue();

        matrix.undo(byId().get(org.members.get(1)), plan -> plan.account().equals(org.members.get(1)));
        Map<String, AccountRow> rows = byId();
        assertThat(rows.get(org.members.get(1)).status(RequirementId.INSTANCE_PROFILE))
                .as("checked again after the undo")
                .isEqualTo(Status.FAIL);
        assertThat(rows.get(org.members.get(1)).fixed().get()).startsWith("Undone: ");
        assertThat(rows.get(MotoOrganization.MANAGEMENT).passes())
                .as("other accounts untouched")
                .isTrue();
        assertThat(state.changes).anyMatch(l -> l.startsWith("Account " + org.members.get(1) + ", undone: "));
    }
}
