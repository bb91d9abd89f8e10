package com.workerrolewizard.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.accounts.AccountResult;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The matrix's state as results arrive (made-up results: only the state is tested here; the behaviour on moto). */
class AccountsMatrixViewModelTest {
    private final AccountsMatrixViewModel matrix = new AccountsMatrixViewModel(
            new WizardState(ReferenceDocuments.load()),
            new AccountsChoiceViewModel(),
            Background.direct(),
            Runnable::run,
            null,
            null,
            null);

    private static AccountResult result(String id, Status instanceProfile) {
        List<RequirementResult> four = RequirementId.four().stream()
                .map(r -> RequirementResult.of(
                        r, r == RequirementId.INSTANCE_PROFILE ? instanceProfile : Status.PASS, "why " + r.id()))
                .toList();
        return new AccountResult(AccountRef.of(id), Optional.empty(), List.of(new RoleReport("W", "arn", four)));
    }

    @Test
    void rowsSayCheckingUntilTheirResultArrivesAndTheSummaryFollows() {
        matrix.listed(
                List.of(AccountRef.of("111111111111"), AccountRef.of("222222222222"), AccountRef.of("333333333333")));
        assertThat(matrix.total().get()).isEqualTo(3);
        assertThat(matrix.rows()).allMatch(r -> r.status(RequirementId.PERMISSIONS) == null);
        assertThat(matrix.summary().get()).isEqualTo("Checked 0 of 3 accounts…");

        matrix.arrived(result("222222222222", Status.FAIL));
        assertThat(matrix.checked().get()).isEqualTo(1);
        assertThat(matrix.summary().get()).isEqualTo("Checked 1 of 3 accounts…");
        assertThat(matrix.rows().get(1).status(RequirementId.INSTANCE_PROFILE)).isEqualTo(Status.FAIL);
        assertThat(matrix.rows().get(0).status(RequirementId.INSTANCE_PROFILE)).isNull();
        assertThat(matrix.fixable().get()).isTrue();

        matrix.arrived(new AccountResult(AccountRef.of("333333333333"), Optional.of("Cannot enter"), List.of()));
        matrix.arrived(result("111111111111", Status.PASS));
        assertThat(matrix.summary().get())
                .isEqualTo("3 accounts checked: 1 ready, 1 failing, 1 that could not be checked.");
        AccountRow notEntered = matrix.rows().get(2);
        assertThat(notEntered.problem()).contains("Cannot enter");
        assertThat(notEntered.status(RequirementId.EC2_TRUST)).isEqualTo(Status.UNKNOWN);
        assertThat(notEntered.passes()).isFalse();
        assertThat(matrix.rows().get(0).passes()).isTrue();
    }

    @Test
    void aProblemAloneIsNothingToFixAndWhatTheLastFixDidStaysAcrossARecheck() {
        matrix.listed(List.of(AccountRef.of("111111111111"), AccountRef.of("333333333333")));
        matrix.arrived(result("111111111111", Status.PASS));
        matrix.arrived(new AccountResult(AccountRef.of("333333333333"), Optional.of("Cannot enter"), List.of()));
        assertThat(matrix.fixable().get()).isFalse();
        matrix.rows().get(0).fixed().set("Applied 2 change(s)");
        matrix.listed(List.of(AccountRef.of("111111111111"), AccountRef.of("333333333333")));
        assertThat(matrix.rows().get(0).fixed().get()).isEqualTo("Applied 2 change(s)");
        assertThat(matrix.rows().get(0).result().get()).as("checked again").isNull();
    }

    @Test
    void theDrillDownShowsOneAccountAndGoesBack() {
        matrix.listed(List.of(AccountRef.of("111111111111")));
        AccountRow row = matrix.rows().get(0);
        matrix.select(row);
        assertThat(matrix.selected().get()).isSameAs(row);
        matrix.select(null);
        assertThat(matrix.selected().get()).isNull();
    }
}
