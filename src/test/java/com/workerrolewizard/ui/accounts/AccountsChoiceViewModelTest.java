package com.workerrolewizard.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.ui.accounts.AccountsChoiceViewModel.Scope;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Accounts choice without a window: what makes it valid, one sentence per bad entry, the targets it names. */
class AccountsChoiceViewModelTest {
    private final AccountsChoiceViewModel choice = new AccountsChoiceViewModel();

    @Test
    void thisAccountIsTheDefaultAndNeedsNothingMore() {
        assertThat(choice.scope().get()).isEqualTo(Scope.THIS_ACCOUNT);
        assertThat(choice.several().get()).isFalse();
        assertThat(choice.valid().get()).isTrue();
    }

    @Test
    void pastedIdsAreSplitOnCommasSpacesAndLinesAndEachBadOneGetsItsOwnSentence() {
        choice.scope().set(Scope.SEVERAL);
        assertThat(choice.valid().get()).as("no account yet").isFalse();
        choice.ids().set("111122223333, 444455556666\n11112222333x  12345\t111122223333");
        assertThat(choice.idsError().get().split("\n"))
                .containsExactly(
                        "“11112222333x” is not an account ID: an account ID is 12 digits, such as 111122223333.",
                        "“12345” is not an account ID: an account ID is 12 digits, such as 111122223333.");
        assertThat(choice.valid().get()).isFalse();
        choice.ids().set("111122223333, 444455556666\n111122223333");
        assertThat(choice.idsError().get()).isEmpty();
        assertThat(choice.valid().get()).isTrue();
        AccountTargets targets = choice.targets();
        assertThat(targets.named()).containsExactly(AccountRef.of("111122223333"), AccountRef.of("444455556666"));
        assertThat(targets.organization()).isFalse();
        assertThat(targets.assumeRole()).isEqualTo("OrganizationAccountAccessRole");
        assertThat(targets.externalId()).isEmpty();
    }

    @Test
    void theOrganizationTakesAnOptionalUnitAndTheAssumedRoleAndExternalIdAreChecked() {
        choice.scope().set(Scope.ORGANIZATION);
        assertThat(choice.valid().get()).as("every ACTIVE account").isTrue();
        choice.unit().set("ou-12");
        assertThat(choice.unitError().get()).contains("ou-ab12-cd34ef56");
        assertThat(choice.valid().get()).isFalse();
        choice.unit().set("ou-ab12-cd34ef56");
        choice.assumeRole().set("Bad Name!");
        assertThat(choice.assumeRoleError().get()).isNotEmpty();
        assertThat(choice.valid().get()).isFalse();
        choice.assumeRole().set("AuditAccess");
        choice.externalId().set("x");
        assertThat(choice.externalIdError().get()).isNotEmpty();
        choice.externalId().set("veeam-1234");
        assertThat(choice.valid().get()).isTrue();
        AccountTargets targets = choice.targets();
        assertThat(targets.organization()).isTrue();
        assertThat(targets.organizationalUnit()).contains("ou-ab12-cd34ef56");
        assertThat(targets.assumeRole()).isEqualTo("AuditAccess");
        assertThat(targets.externalId()).isEqualTo(Optional.of("veeam-1234"));
        assertThat(targets.named()).isEmpty();
    }

    @Test
    void theRoleNamedForSeveralAccountsIsWhatTheLaterStepsSeeUntilTheAdminComesBack() {
        WizardState state = new WizardState(ReferenceDocuments.load());
        List<String> republished = new java.util.ArrayList<>();
        choice.shareRoleName(state, () -> republished.add("single"));
        state.roleName.set("ChosenInThisAccount");
        choice.scope().set(Scope.SEVERAL);
        assertThat(state.roleName.get()).isEqualTo("VeeamWorkerRole");
        choice.roleName().set("OtherWorker");
        assertThat(state.roleName.get()).isEqualTo("OtherWorker");
        choice.roleName().set("not a name");
        assertThat(state.roleName.get()).isNull();
        assertThat(choice.valid().get()).isFalse();
        choice.scope().set(Scope.THIS_ACCOUNT);
        assertThat(republished).containsExactly("single");
    }
}
