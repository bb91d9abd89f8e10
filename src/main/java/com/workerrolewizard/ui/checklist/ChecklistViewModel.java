package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.app.role.ReadyRole;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepModel;
import com.workerrolewizard.ui.wizard.WizardState;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * before anything is written), Fix all, Re-check and Undo; and the fifth, {@code appliance-access}, where the check
 * produced it, with a Fix of its own. Writes go through the same executor and journal as the command line.
 */
public final class ChecklistViewModel implements StepModel {
    final WizardState state;
    final Background background;
    private final Supplier<NewRoleRequest> newRole;
    private final Supplier<PermissionsMode> mode;
    private final RoleWorkflow.Timing timing;
    private final ObservableList<RequirementRow> rows = FXCollections.observableArrayList();
    private final ApplianceAccessRow applianceRow = new ApplianceAccessRow();
    private final StringProperty catalogUsed = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty();
    final StringProperty message = new SimpleStringProperty("");
    private final StringProperty lastChecked = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanBinding anyFixable;
    private final BooleanBinding valid;
    private Background.Running running;
    private final ChecklistWrites writes = new ChecklistWrites(this);
    private final ChecklistPlans plans = new ChecklistPlans(this);

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
        RoleWorkflow roles = new RoleWorkflow(session, state.documents.get(), timing);
        return state.applianceSession.get() == null ? roles : roles.withApplianceSession(state.applianceSession.get());
    }

    /** Checks the role again; a role still to be created fails all four, with the reason. */
    public void check() {
        busy.set(true);
        message.set("");
        state.ready.set(null);
        rows.forEach(r -> r.status.set(null));
        applianceRow.checking();
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

    /**
     * A check made in the background, with whether the journal holds something to undo (read there too: it is disk),
     * and why appliance-access is not listed where it is not (the signed-in account is read there too).
     */
    record Checked(RoleReport report, boolean canUndo, Optional<ReadyRole> ready, String notListed) {}

    Checked checked(Session session) {
        return checked(session, report(session));
    }

    Checked checked(Session session, RoleReport report) {
        RoleWorkflow roles = roles(session);
        return new Checked(
                report,
                roles.canUndo(),
                roles.ready(report),
                ChecklistSentences.notListed(report, state.appliance.get(), session));
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
        Map<RequirementId, RequirementResult> results = new EnumMap<>(RequirementId.class);
        report.requirements().forEach(r -> results.put(r.id(), r));
        rows.forEach(row -> row.show(results.get(row.id)));
        applianceRow.show(results.get(RequirementId.APPLIANCE_ACCESS), checked.notListed());
        lastChecked.set(
                Texts.get("checklist.lastChecked", LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
        canUndo.set(checked.canUndo());
        var catalog = state.documents.get().catalog();
        catalogUsed.set(Texts.get("checklist.catalog", catalog.size(), catalog.source()));
        // The banner's rule is the rows' rule: every result on screen holds. The report holds the four and, where
        // it is listed, appliance-access, and a row shows each of them; so the banner never stands beside a failing
        // row, and four PASS rows without a banner always come with the fifth row saying why.
        boolean shownHold = report.holds()
                && rows.stream().allMatch(r -> r.status.get().holds())
                && (!applianceRow.listed().get()
                        || applianceRow.row.status.get().holds());
        state.ready.set(shownHold ? checked.ready().orElse(null) : null);
    }

    /**
     * The plan for one of the four (empty: all failing ones of the four), made in the background, for the preview.
     * It never changes the appliance's role: that is {@link #planAppliance}, asked for on its own.
     */
    public void plan(Optional<RequirementId> only, Consumer<FixPlan> preview) {
        plans.plan(only, Optional.ofNullable(newRole.get()), mode.get(), preview);
    }

    /** The appliance side's fix alone: an inline policy on the appliance's role (its own Fix, its own preview). */
    public void planAppliance(Consumer<FixPlan> preview) {
        plans.planAppliance(mode.get(), preview);
    }

    /** What IAM Access Analyzer said of the last plan made for the preview. */
    public List<String> validation() {
        return plans.validation();
    }

    /** IAM Access Analyzer found an ERROR in the last plan's documents: it may not be applied. */
    public boolean validationBlocks() {
        return plans.blocks();
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

    /** Whether one of the four fails: Fix all fixes those, never the appliance side. */
    public BooleanBinding anyFixable() {
        return anyFixable;
    }

    public ApplianceAccessRow applianceRow() {
        return applianceRow;
    }

    /** The catalog the role was checked against ("33 required actions from the Veeam Backup for AWS page"). */
    public StringProperty catalogUsed() {
        return catalogUsed;
    }
}
