package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.aws.PlanExecutor;
import com.workerrolewizard.aws.Propagation;
import com.workerrolewizard.aws.UndoExecutor;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.FixPlanner;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.plan.PlannedChange;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.journal.Journal;
import com.workerrolewizard.journal.JournalRecord;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.Session;
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

    private static final int PROPAGATION_CHECKS = 10;
    private final WizardState state;
    private final Background background;
    private final Supplier<NewRoleRequest> newRole;
    private final Supplier<PermissionsMode> mode;
    private final Propagation propagation;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty lastChecked = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanBinding anyFixable;
    private final BooleanBinding allHold;
    private Background.Running running;

    public ChecklistViewModel(WizardState state, Background background, Supplier<NewRoleRequest> newRole,
            Supplier<PermissionsMode> mode, Propagation propagation) {
        this.state = state;
        this.background = background;
        this.newRole = newRole;
        this.mode = mode;
        this.propagation = propagation;
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
        return new Checked(report(session), Journal.open(session.journalFolder()).lastUndoable().isPresent());
    }

    /** The four results; a role that does not exist (yet, or any more) fails all four, saying Fix all creates it. */
    private RoleReport report(Session session) {
        String role = state.roleName.get();
        var exists = session.account().facts().roleExists(role);
        if (exists.isKnown() && !exists.value()) {
            List<RequirementResult> missing = new ArrayList<>();
            for (RequirementId id : RequirementId.values()) {
                missing.add(RequirementResult.of(id, Status.FAIL, Texts.get("checklist.notCreated", role)));
            }
            return new RoleReport(role, null, missing);
        }
        return new RoleChecker(state.documents.catalog()).check(session.account().role(role), state.appliance.get());
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
            FixPlanner planner = new FixPlanner(state.documents);
            var known = session.account().facts().roleExists(state.roleName.get());
            boolean exists = !known.isKnown() || known.value();
            NewRoleRequest request = Optional.ofNullable(newRole.get()).filter(r -> r.roleName().equals(state.roleName.get()))
                    .orElse(NewRoleRequest.named(state.roleName.get()));
            FixPlan plan = exists ? planner.planFix(session.account().role(state.roleName.get()), state.appliance.get(),
                    session.account().facts(), mode.get())
                    : planner.planNewRole(request, state.appliance.get(), session.account().facts(), mode.get());
            return only.isPresent() && exists ? onlyFor(plan, only.get()) : plan;
        }, plan -> {
            busy.set(false);
            preview.accept(plan);
        }, e -> {
            busy.set(false);
            message.set(Problems.describe(e));
        });
    }

    /** The changes that fix one requirement, with the change each needs right before it (a profile before adding to it). */
    static FixPlan onlyFor(FixPlan plan, RequirementId id) {
        List<PlannedChange> changes = plan.changes();
        List<PlannedChange> kept = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            boolean fixes = changes.get(i).fixes().contains(id);
            boolean prepares = changes.get(i).fixes().isEmpty() && i + 1 < changes.size()
                    && changes.get(i + 1).fixes().contains(id);
            if (fixes || prepares) {
                kept.add(changes.get(i));
            }
        }
        return new FixPlan(plan.role(), plan.roleArn(), plan.appliance(), plan.newRole(), plan.before(), kept,
                plan.blockers(), plan.problems(), plan.notes());
    }

    /** Applies a plan the admin confirmed, then checks again until IAM shows the change. */
    public void apply(FixPlan plan) {
        if (!plan.runnable()) {
            message.set(Texts.get("checklist.notRunnable", String.join(" ", plan.problems())));
            return;
        }
        busy.set(true);
        message.set(Texts.get("checklist.applying"));
        Session session = state.session.get();
        background.run(() -> {
            ApplyOutcome outcome = new PlanExecutor(session.clients(), Journal.open(session.journalFolder()), state.documents,
                    propagation).apply(plan, state.appliance.get(), session.me());
            RoleReport report = report(session);
            for (int i = 1; i < PROPAGATION_CHECKS && outcome.complete() && plan.blockers().isEmpty() && !holds(report); i++) {
                Thread.sleep(1000);
                report = report(session);
            }
            return new Object[] {outcome, new Checked(report, Journal.open(session.journalFolder()).lastUndoable().isPresent())};
        }, result -> {
            ApplyOutcome outcome = (ApplyOutcome) result[0];
            Checked checked = (Checked) result[1];
            RoleReport report = checked.report();
            if (plan.newRole() && outcome.complete()) {
                state.newRole.set(false);
            }
            show(checked);
            message.set(outcome.failure().map(f -> Texts.get("checklist.stopped", f, outcome.applied().size()))
                    .orElse(holds(report) || !plan.blockers().isEmpty() ? Texts.get("checklist.applied", outcome.applied().size())
                            : Texts.get("checklist.propagating")));
        }, e -> {
            busy.set(false);
            message.set(Problems.describe(e));
        });
    }

    /** Reverts the last applied plan of this session's journal, then checks again. */
    public void undo() {
        busy.set(true);
        Session session = state.session.get();
        background.run(() -> {
            Journal journal = Journal.open(session.journalFolder());
            JournalRecord record = journal.lastUndoable().orElseThrow(() ->
                    new UserFacingException(Texts.get("checklist.nothingToUndo")));
            ApplyOutcome outcome = new UndoExecutor(session.clients(), journal, propagation).undo(record);
            return new Object[] {outcome, checked(session)};
        }, result -> {
            ApplyOutcome outcome = (ApplyOutcome) result[0];
            show((Checked) result[1]);
            // What undo found in IAM about writes of unknown outcome comes first: it says why some were not reverted.
            String found = outcome.found().isEmpty() ? "" : String.join(" ", outcome.found()) + " ";
            message.set(found + outcome.failure().map(f -> Texts.get("checklist.undoStopped", f))
                    .orElse(Texts.get("checklist.undone", outcome.applied().size())));
        }, e -> {
            busy.set(false);
            message.set(Problems.describe(e));
        });
    }

    private static boolean holds(RoleReport report) {
        return report.requirements().stream().allMatch(r -> r.status().holds());
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
