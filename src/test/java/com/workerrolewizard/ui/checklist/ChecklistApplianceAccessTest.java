package com.workerrolewizard.ui.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.role.Recheck;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.TestSessions;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checklist's fifth row, appliance-access, without a window, on the sandbox (whose appliance role is in the
 * account signed in to): listed with its status, fixed only by its own plan (never by Fix all), undone like every
 * write; not listed, with why, where the appliance's role cannot be read; the ready banner only when every row shown
 * holds.
 */
class ChecklistApplianceAccessTest {
    /** The Impersonation role may assume one other role only: no worker of the sandbox. */
    private static final String ONLY_OTHER =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Resource\":\"arn:aws:iam::" + Sandbox.ACCOUNT + ":role/Other\"}]}";

    private TestSessions sessions;
    private WizardState state;
    private ChecklistViewModel model;

    @BeforeEach
    void start() {
        sessions = new TestSessions();
        state = new WizardState(ReferenceDocuments.load());
        state.session.set(sessions.sandbox());
        state.appliance.set(AppliancePrincipal.parse(Sandbox.APPLIANCE));
        model = new ChecklistViewModel(
                state,
                Background.direct(),
                () -> NewRoleRequest.named(state.roleName.get()),
                () -> PermissionsMode.INLINE,
                new RoleWorkflow.Timing(
                        new Recheck(Duration.ofSeconds(10), Duration.ofMillis(200)),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(20)));
    }

    @AfterEach
    void stop() {
        state.session.get().close();
        sessions.sandbox.close();
    }

    private ApplianceAccessRow appliance() {
        return model.applianceRow();
    }

    private List<Status> four() {
        return model.rows().stream().map(r -> r.status.get()).toList();
    }

    private static FixPlan first(java.util.function.Consumer<java.util.function.Consumer<FixPlan>> planner) {
        List<FixPlan> plans = new ArrayList<>();
        planner.accept(plans::add);
        return plans.get(0);
    }

    @Test
    void theFifthRowIsListedWithItsStatusWhereTheApplianceRoleIsInTheAccount() {
        state.roleName.set("WorkerFailingAll");
        model.check();
        assertThat(appliance().listed().get()).isTrue();
        // The sandbox's Impersonation role may assume any role ("sts:AssumeRole" on "*").
        assertThat(appliance().row.status.get()).isEqualTo(Status.PASS);
        assertThat(appliance().row.detail.get()).contains("AssumeWorkerRoles");
        assertThat(appliance().notListed().get()).isEmpty();
        assertThat(appliance().fixable().get()).isFalse();
        assertThat(model.catalogUsed().get())
                .isEqualTo("Checked against 33 required actions from the Veeam Backup for AWS page.");
    }

    @Test
    void itsOwnFixChangesTheApplianceRoleFixAllNeverDoesAndUndoRevertsIt() {
        sessions.sandbox.putInlinePolicy("VeeamBackupImpersonation", "AssumeWorkerRoles", ONLY_OTHER);
        state.roleName.set("WorkerFailingAll");
        model.check();
        assertThat(appliance().row.status.get()).isEqualTo(Status.FAIL);
        assertThat(appliance().row.detail.get()).contains("allows sts:AssumeRole on");
        assertThat(appliance().fixable().get()).isTrue();

        FixPlan all = first(p -> model.plan(Optional.empty(), p));
        assertThat(all.operations())
                .as("Fix all changes the worker role only")
                .noneMatch(o -> o instanceof IamOperation.PutRolePolicy put
                        && put.roleName().equals("VeeamBackupImpersonation"));

        FixPlan own = first(model::planAppliance);
        assertThat(own.appliance()).isEqualTo(Sandbox.APPLIANCE);
        assertThat(own.operations()).hasSize(1);
        IamOperation.PutRolePolicy put =
                (IamOperation.PutRolePolicy) own.operations().get(0);
        assertThat(put.roleName()).isEqualTo("VeeamBackupImpersonation");
        assertThat(put.policyName()).isEqualTo("VeeamWorkerAccess-WorkerFailingAll");
        assertThat(put.policy().toString())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::" + Sandbox.ACCOUNT
                        + ":role/WorkerFailingAll\"}]}");
        assertThat(model.validation()).containsExactly("IAM Access Analyzer: no findings in the document.");
        assertThat(model.validationBlocks()).isFalse();

        model.apply(own);
        assertThat(appliance().row.status.get()).isEqualTo(Status.PASS);
        assertThat(four()).as("the worker role itself is untouched").containsOnly(Status.FAIL);
        assertThat(state.ready.get()).isNull();
        assertThat(state.changes).singleElement().asString().contains("VeeamWorkerAccess-WorkerFailingAll");

        List<UndoPlan> shown = new ArrayList<>();
        model.previewUndo(shown::add);
        assertThat(shown.get(0).steps()).singleElement().asString().contains("VeeamWorkerAccess-WorkerFailingAll");
        model.undo(shown.get(0));
        assertThat(appliance().row.status.get()).isEqualTo(Status.FAIL);
    }

    @Test
    void anErrorFoundByAccessAnalyzerIsKnownBeforeTheConfirmation() {
        sessions.sandbox.putInlinePolicy("VeeamBackupImpersonation", "AssumeWorkerRoles", ONLY_OTHER);
        sessions.sandbox.reportInEveryDocument("ERROR", "TEST_ERROR");
        state.roleName.set("WorkerFailingAll");
        model.check();
        first(model::planAppliance);
        assertThat(model.validationBlocks()).isTrue();
        assertThat(String.join(" ", model.validation())).contains("ERROR");
    }

    @Test
    void theReadyBannerNeedsEveryRowShownTheFifthIncluded() {
        state.roleName.set("VeeamWorkerReady");
        model.check();
        assertThat(four()).containsOnly(Status.PASS);
        assertThat(appliance().row.status.get()).isEqualTo(Status.PASS);
        assertThat(state.ready.get()).isNotNull();

        // A Deny on the appliance's side: the four still pass, the fifth row fails, and there is no banner.
        sessions.sandbox.putInlinePolicy(
                "VeeamBackupImpersonation",
                "NoWorkers",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\","
                        + "\"Resource\":\"arn:aws:iam::" + Sandbox.ACCOUNT + ":role/VeeamWorkerReady\"}]}");
        model.check();
        assertThat(four()).containsOnly(Status.PASS);
        assertThat(appliance().listed().get()).isTrue();
        assertThat(appliance().row.status.get()).isEqualTo(Status.FAIL);
        assertThat(state.ready.get()).isNull();
        assertThat(model.anyFixable().get())
                .as("Fix all has nothing of the four to fix")
                .isFalse();
        // An Allow cannot beat a Deny: its own plan changes nothing and says why.
        FixPlan own = first(model::planAppliance);
        assertThat(own.empty()).isTrue();
        assertThat(own.blockers()).singleElement().asString().contains("NoWorkers");
    }

    @Test
    void whereTheApplianceRoleCannotBeReadTheRowIsNotListedAndOneLineSaysWhy() {
        state.roleName.set("VeeamWorkerReady");
        state.appliance.set(AppliancePrincipal.parse(Sandbox.ACCOUNT));
        model.check();
        assertThat(appliance().listed().get()).isFalse();
        assertThat(appliance().notListed().get()).contains("given as its account");

        state.appliance.set(AppliancePrincipal.parse("arn:aws:iam::111122223333:role/Impersonation"));
        model.check();
        assertThat(appliance().listed().get()).isFalse();
        assertThat(appliance().notListed().get())
                .contains("account 111122223333")
                .contains("--appliance-profile");
        assertThat(appliance().fixable().get()).isFalse();
    }
}
