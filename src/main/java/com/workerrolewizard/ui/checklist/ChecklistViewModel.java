package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.app.role.ReadyRole;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepModel;
import com.workerrolewizard.ui.wizard.WizardState;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 4: the four requirements with a live status and reason, a Fix for each failing one (the plan is shown
 * before anything is written), Fix all, Re-check and Undo. Writes go through the same executor and journal as
 * the command line.
 */
public final class ChecklistViewModel implements StepModel {
    final WizardState state;
    final Background background;
    private final Supplier<NewRoleRequest> newRole;
    private final Supplier<PermissionsMode> mode;
    private final RoleWorkflow.Timing timing;
    private final ObservableList<RequirementRow> rows = FXCollections.observableArrayList();
    final BooleanProperty busy = new SimpleBooleanProperty();
    final StringProperty message = new SimpleStringProperty("");
    private final StringProperty lastChecked = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanBinding anyFixable;
    private final BooleanBinding valid;
    private Background.Running running;
    private List<String> validation = List.of();
    private final ChecklistWrites writes = new ChecklistWrites(this);

    public ChecklistViewModel(
            WizardState state,
            Background background,
            Supplier<NewRoleRequest> newRole,
            Supplier<PermissionsMode> mode,
            RoleWorkflow.Timing timing) {
        this.state = state;
        this.background = background;
        this.newRole = newRole;
        this.mode = mode;
        this.timing = timing;
        for (RequirementId id : RequirementId.four()) {
            rows.add(new RequirementRow(id));
        }
        anyFixable = Bindings.createBooleanBinding(
                () -> rows.stream().anyMatch(RequirementRow::fixable),
                rows.stream().map(r -> r.status).toArray(Observable[]::new));
        valid = busy.not();
    }

    /** Each time the step is shown, the role is checked again. */
    @Override
    public void shown() {
        check();
    }

    /** Next waits while a check, plan or write runs. */
    @Override
    public BooleanBinding valid() {
        return valid;
    }

    RoleWorkflow roles(Session session) {
        return new RoleWorkflow(session, state.documents, timing);
    }

    /** Checks the role again; a role still to be created fails all four, with the reason. */
    public void check() {
        busy.set(true);
        message.set("");
        state.ready.set(null);
        rows.forEach(r -> r.status.set(null));
        Session session = state.session.get();
        running = background.run(() -> checked(session), this::show, this::failed);
    }

    /** A check, plan or write that failed: the message says why. */
    void failed(Throwable e) {
        busy.set(false);
        message.set(Problems.describe(e));
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
    record Checked(RoleReport report, boolean canUndo, Optional<ReadyRole> ready) {}

    Checked checked(Session session) {
        return checked(session, report(session));
    }

    Checked checked(Session session, RoleReport report) {
        RoleWorkflow roles = roles(session);
        return new Checked(report, roles.canUndo(), roles.ready(report));
    }

    /** The four results; a role that does not exist (yet, or any more) fails all four, saying Fix all creates it. */
    RoleReport report(Session session) {
        String role = state.roleName.get();
        return roles(session)
                .checkIfExists(role, state.appliance.get())
                .orElseGet(() -> ChecklistSentences.notCreated(role));
    }

    void show(Checked checked) {
        busy.set(false);
        RoleReport report = checked.report();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).show(report.requirements().get(i));
        }
        lastChecked.set(
                Texts.get("checklist.lastChecked", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
        canUndo.set(checked.canUndo());
        state.ready.set(checked.ready().orElse(null));
    }

    /** The plan for one requirement (empty: all failing ones), made in the background, for the preview dialog. */
    public void plan(Optional<RequirementId> only, Consumer<FixPlan> preview) {
        busy.set(true);
        Session session = state.session.get();
        background.run(
                () -> {
                    RoleWorkflow roles = roles(session);
                    FixPlan whole = roles.plan(
                            state.roleName.get(),
                            Optional.ofNullable(newRole.get()),
                            state.appliance.get(),
                            mode.get());
                    FixPlan plan = only.map(whole::onlyFor).orElse(whole);
                    // IAM Access Analyzer's findings, shown with the plan: an ERROR among them stops Apply.
                    return new Planned(
                            plan,
                            plan.empty() ? List.of() : roles.validate(plan).lines());
                },
                planned -> {
                    busy.set(false);
                    validation = planned.validation();
                    preview.accept(planned.plan());
                },
                this::failed);
    }

    private record Planned(FixPlan plan, List<String> validation) {}

    /** What IAM Access Analyzer said of the last plan made for the preview. */
    public List<String> validation() {
        return validation;
    }

    /** Applies a plan the admin confirmed (in the preview), then checks again until IAM shows the change. */
    public void apply(FixPlan plan) {
        writes.apply(plan);
    }

    /** What undo would revert, read in the background, for the same preview as a fix; a sentence when nothing is. */
    public void previewUndo(Consumer<UndoPlan> preview) {
        writes.previewUndo(preview);
    }

    /** Reverts the plan the admin saw in the undo preview and confirmed there, then checks again. */
    public void undo(UndoPlan shown) {
        writes.undo(shown);
    }

    public ObservableList<RequirementRow> rows() {
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

    /** The role once it meets every requirement, with what to enter in the appliance; null until then. */
    public ObjectProperty<ReadyRole> ready() {
        return state.ready;
    }

    public BooleanBinding anyFixable() {
        return anyFixable;
    }
}
