package com.workerrolewizard.ui.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.role.Recheck;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.requirement.RequirementId;
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

/** Step 4 without a window, on the sandbox: statuses, per-requirement plans, apply, undo, a new role. */
class ChecklistViewModelTest {
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

    private List<Status> statuses() {
        return model.rows().stream().map(r -> r.status.get()).toList();
    }

    private FixPlan plan(Optional<RequirementId> only) {
        List<FixPlan> plans = new ArrayList<>();
        model.plan(only, plans::add);
        return plans.get(0);
    }

    @Test
    void aRoleIsCheckedWithAReasonForEachRequirement() {
        state.roleName.set("WorkerWithoutEc2Trust");
        model.check();
        assertThat(statuses()).containsExactly(Status.PASS, Status.PASS, Status.FAIL, Status.PASS);
        assertThat(model.rows().get(2).detail.get()).contains("ec2.amazonaws.com");
        assertThat(model.anyFixable().get()).isTrue();
        assertThat(model.lastChecked().get()).startsWith("Last checked");
    }

    @Test
    void aRequirementsFixHoldsOnlyItsOwnChangesAndTheOnesTheyNeed() {
        state.roleName.set("WorkerFailingAll");
        model.check();
        FixPlan profile = plan(Optional.of(RequirementId.INSTANCE_PROFILE));
        assertThat(profile.operations())
                .extracting(o -> o.action())
                .containsExactly("CreateInstanceProfile", "AddRoleToInstanceProfile");
        FixPlan all = plan(Optional.empty());
        assertThat(all.operations()).hasSize(4);
    }

    @Test
    void applyingMakesTheRolePassAndUndoRevertsIt() {
        state.roleName.set("WorkerFailingAll");
        model.check();
        model.apply(plan(Optional.empty()));
        assertThat(statuses()).containsOnly(Status.PASS);
        assertThat(model.message().get()).startsWith("Applied 4");
        assertThat(model.canUndo().get()).isTrue();
        model.undo();
        assertThat(statuses()).containsOnly(Status.FAIL);
        assertThat(model.message().get()).startsWith("Undone");
    }

    @Test
    void aNewRoleFailsAllFourUntilFixAllCreatesIt() {
        state.roleName.set("CreatedByTheChecklist");
        state.newRole.set(true);
        model.check();
        assertThat(statuses()).containsOnly(Status.FAIL);
        assertThat(model.rows().get(0).detail.get()).contains("does not exist yet");
        FixPlan plan = plan(Optional.empty());
        assertThat(plan.newRole()).isTrue();
        model.apply(plan);
        assertThat(statuses()).containsOnly(Status.PASS);
        assertThat(state.newRole.get()).isFalse();
    }

    @Test
    void missingActionsAreListedOnDemand() {
        state.roleName.set("WorkerMissingPermissions");
        model.check();
        assertThat(model.rows().get(3).more.get()).contains("ssm:GetDocument: no statement allows it");
        assertThat(model.rows().get(0).more.get()).isEmpty();
    }
}
