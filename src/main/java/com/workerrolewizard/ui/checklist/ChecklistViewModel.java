package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.app.role.ApplyResult;
import com.workerrolewizard.app.role.Confirmation;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.ui.wizard.WizardState;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 4: the four requirements with a live status and reason, a Fix for each failing one (the plan is shown
 * before anything is written), Fix all, Re-check and Undo. Writes go through the same executor and journal as
 * the command line.
 */
public final class ChecklistViewModel {
    /** One requirement's row; a null status means it is being checked. */
    public static final class Row {
        public final RequirementId id;
        public final ObjectProperty<Status> status = new SimpleObjectProperty<>();
        public final StringProperty detail = new SimpleStringProperty("");
        /** Details on demand: every missing action with its reason (empty when the detail says it all). */
        public final StringProperty more = new SimpleStringProperty("");

        Row(RequirementId id) {
            this.id = id;
        }

        public boolean fixable() {
            return status.get() == Status.FAIL || status.get() == Status.UNKNOWN;
        }
    }

    private final WizardState state;
    private final Background background;
    private final Supplier<NewRoleRequest> newRole;
    private final Supplier<PermissionsMode> mode;
    private final RoleWorkflow.Timing timing;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty lastChecked = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanBinding anyFixable;
    private final BooleanBinding allHold;
    private Background.Running running;

    public ChecklistViewModel(WizardState state, Background background, Supplier<NewRoleRequest> newRole,
            Supplier<PermissionsMode> mode, RoleWorkflow.Timing timing) {
        this.state = state;
        this.background = background;
        this.newRole = newRole;
        this.mode = mode;
        this.timing = timing;
        for (RequirementId id : RequirementId.values()) {
            rows.add(new Row(id));
        }
        List<javafx.beans.Observable> statuses = new ArrayList<>();
        rows.forEach(r -> statuses.add(r.status));
        anyFixable = Bindings.createBooleanBinding(() -> rows.stream().anyMatch(Row::fixable),
                statuses.toArray(javafx.beans.Observable[]::new));
        allHold = Bindings.createBooleanBinding(() -> rows.stream().allMatch(r -> r.status.get() != null
                && r.status.get().holds()), statuses.toArray(javafx.beans.Observable[]::new));
    }

    private RoleWorkflow roles(Session session) {
        return new RoleWorkflow(session, state.documents, timing);
    }

    /** Checks the role again; a role still to be created fails all four, with the reason. */
    public void check() {
        busy.set(true);
        message.set("");
        rows.forEach(r -> r.status.set(null));
        Session session = state.session.get();
        running = background.run(() -> checked(session), this::show, e -> {
            busy.set(false);
            message.set(Problems.describe(e));
        });
    }

    /** Stops waiting for a slow check: the rows keep "checking" until the next Re-check; nothing was written. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
        busy.set(false);
        message.set(Texts.get("checklist.cancelled"));
    }

    /** A check made in the background, with whether the journal holds something to undo (read there too: it is disk). */
    private record Checked(RoleReport report, boolean canUndo) {
    }

    private Checked checked(Session session) {
        return checked(session, report(session));
    }

    private Checked checked(Session session, RoleReport report) {
        return new Checked(report, roles(session).canUndo());
    }

    /** The four results; a role that does not exist (yet, or any more) fails all four, saying Fix all creates it. */
    private RoleReport report(Session session) {
        String role = state.roleName.get();
        return roles(session).checkIfExists(role, state.appliance.get()).orElseGet(() -> {
            List<RequirementResult> missing = new ArrayList<>();
            for (RequirementId id : RequirementId.values()) {
                missing.add(RequirementResult.of(id, Status.FAIL, Texts.get("checklist.notCreated", role)));
            }
            return new RoleReport(role, null, missing);
        });
    }

    private void show(Checked checked) {
        busy.set(false);
        RoleReport report = checked.report();
        for (int i = 0; i < rows.size(); i++) {
            RequirementResult result = report.requirements().get(i);
            rows.get(i).status.set(result.status());
            rows.get(i).detail.set(result.detail());
            StringBuilder more = new StringBuilder();
            result.reasons().forEach((action, reason) -> more.append(action).append(": ").append(reason).append('\n'));
            rows.get(i).more.set(more.toString().strip());
        }
        lastChecked.set(Texts.get("checklist.lastChecked", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
        canUndo.set(checked.canUndo());
    }

    /** The plan for one requirement (empty: all failing ones), made in the background, for the preview dialog. */
    public void plan(Optional<RequirementId> only, Consumer<FixPlan> preview) {
        busy.set(true);
        Session session = state.session.get();
        background.run(() -> {
            FixPlan plan = roles(session).plan(state.roleName.get(), Optional.ofNullable(newRole.get()),
                    state.appliance.get(), mode.get());
            return only.map(plan::onlyFor).orElse(plan);
        }, plan -> {
            busy.set(false);
            preview.accept(plan);
        }, e -> {
            busy.set(false);
            message.set(Problems.describe(e));
        });
    }

    /** What applying a plan came to, and the role as checked afterwards. */
    private record Applied(ApplyResult result, Checked checked) {
    }

    /** Applies a plan the admin confirmed (in the preview), then checks again until IAM shows the change. */
    public void apply(FixPlan plan) {
        if (!plan.runnable()) {
            message.set(Texts.get("checklist.notRunnable", String.join(" ", plan.problems())));
            return;
        }
        busy.set(true);
        message.set(Texts.get("checklist.applying"));
        Session session = state.session.get();
        background.run(() -> {
            // The preview was the confirmation: the admin saw the exact change and pressed Apply.
            ApplyResult result = roles(session).apply(plan, state.appliance.get(), Confirmation.YES);
            return new Applied(result, checked(session, result.after().orElseGet(() -> report(session))));
        }, applied -> {
            ApplyOutcome outcome = applied.result().outcome().orElse(null);
            boolean complete = outcome == null || outcome.complete();
            if (plan.newRole() && complete) {
                state.newRole.set(false);
            }
            show(applied.checked());
            int count = outcome == null ? 0 : outcome.applied().size();
            message.set(outcome != null && outcome.failure().isPresent()
                    ? Texts.get("checklist.stopped", outcome.failure().get(), count)
                    : applied.result().propagating() ? Texts.get("checklist.propagating")
                            : Texts.get("checklist.applied", count));
        }, e -> {
            busy.set(false);
            message.set(Problems.describe(e));
        });
    }

    /** What undo came to, and the role as checked afterwards. */
    private record Undone(Optional<ApplyOutcome> outcome, Checked checked) {
    }

    /** Reverts the last applied plan of this session's journal, then checks again. */
    public void undo() {
        busy.set(true);
        Session session = state.session.get();
        background.run(() -> new Undone(roles(session).undo(Confirmation.YES), checked(session)), undone -> {
            show(undone.checked());
            message.set(undone.outcome().map(outcome -> outcome.failure()
                    .map(f -> Texts.get("checklist.undoStopped", f))
                    .orElse(Texts.get("checklist.undone", outcome.applied().size())
                            + (outcome.found().isEmpty() ? "" : " " + String.join(" ", outcome.found()))))
                    .orElse(Texts.get("checklist.nothingToUndo")));
        }, e -> {
            busy.set(false);
            message.set(Problems.describe(e));
        });
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public StringProperty message() {
        return message;
    }

    public StringProperty lastChecked() {
        return lastChecked;
    }

    public BooleanProperty canUndo() {
        return canUndo;
    }

    public BooleanBinding anyFixable() {
        return anyFixable;
    }

    public BooleanBinding allHold() {
        return allHold;
    }
}
