package com.workerrolewizard.ui.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.role.Recheck;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.ChangePreview;
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
        // The preview carries what IAM Access Analyzer (the sandbox's) said of the plan's two documents.
        assertThat(model.validation()).containsExactly("IAM Access Analyzer: no findings in the 2 documents.");
        assertThat(ChangePreview.of(all, model.validation()).sections())
                .extracting(ChangePreview.Section::title)
                .contains("IAM Access Analyzer");
    }

    @Test
    void applyingMakesTheRolePassAndUndoRevertsIt() {
        state.roleName.set("WorkerFailingAll");
        model.check();
        model.apply(plan(Optional.empty()));
        assertThat(statuses()).containsOnly(Status.PASS);
        assertThat(model.message().get()).startsWith("Applied 4");
        assertThat(model.canUndo().get()).isTrue();
        assertThat(state.ready.get().arn()).endsWith(":role/WorkerFailingAll");
        assertThat(state.ready.get().instanceProfiles()).isNotEmpty();
        assertThat(state.changes).hasSize(4).allMatch(l -> l.startsWith("Applied: "));
        assertThat(state.applying.get()).as("unlocked once written").isFalse();
        List<UndoPlan> shown = new ArrayList<>();
        model.previewUndo(shown::add);
        assertThat(statuses()).as("the preview alone reverts nothing").containsOnly(Status.PASS);
        assertThat(shown.get(0).steps()).hasSize(4);
        assertThat(shown.get(0).deletesRole()).isFalse();
        model.undo(shown.get(0));
        assertThat(statuses()).containsOnly(Status.FAIL);
        assertThat(model.message().get()).startsWith("Undone");
        assertThat(state.ready.get()).isNull();
        assertThat(state.changes).hasSize(8);
        model.previewUndo(shown::add);
        assertThat(shown).as("nothing left to preview").hasSize(1);
        assertThat(model.message().get()).startsWith("Nothing to undo");
    }

    @Test
    void undoRevertsOnlyThePlanThatWasShown() {
        state.roleName.set("WorkerWithoutEc2Trust");
        model.check();
        model.apply(plan(Optional.empty()));
        List<UndoPlan> shown = new ArrayList<>();
        model.previewUndo(shown::add);
        state.roleName.set("WorkerMissingPermissions");
        model.check();
        model.apply(plan(Optional.empty()));
        model.undo(shown.get(0));
        assertThat(model.message().get()).contains("journal changed since undo was shown");
        assertThat(statuses()).as("nothing was undone").containsOnly(Status.PASS);
        assertThat(state.applying.get()).isFalse();
    }

    @Test
    void theUndoOfACreatedRoleSaysThatItDeletesTheRole() {
        state.roleName.set("CreatedToBeUndone");
        state.newRole.set(true);
        model.check();
        model.apply(plan(Optional.empty()));
        List<UndoPlan> shown = new ArrayList<>();
        model.previewUndo(shown::add);
        assertThat(shown.get(0).deletesRole()).isTrue();
        assertThat(ChecklistSentences.undoHeader(shown.get(0)))
                .startsWith("This deletes role CreatedToBeUndone, which this wizard created, together with its "
                        + "instance profile and its policy.");
        assertThat(ChecklistSentences.undoPreview(shown.get(0)).steps())
                .extracting(s -> s.title())
                .last()
                .isEqualTo(shown.get(0).steps().size() + ". DeleteRole");
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
