package com.workerrolewizard.ui.export;

import com.workerrolewizard.app.export.ExportBundle;
import com.workerrolewizard.app.export.ExportRequest;
import com.workerrolewizard.app.export.ExportWorkflow;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepModel;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Step 5's state: what the export made of the earlier steps' choices (made off the FX thread by the export workflow),
 * each item's text as its tab shows it, and the step's Copy and Save ({@link HandOverViewModel}).
 */
public final class ExportViewModel implements StepModel {
    private final WizardState state;
    /** The export workflow for the documents of the catalog chosen. */
    private final Function<WorkerDocuments, ExportWorkflow> exports;

    private final Background background;
    private final HandOverViewModel handOver;
    private final Supplier<NewRoleRequest> newRoleRequest;
    private final Supplier<PermissionsMode> wantedMode;

    private final ReadOnlyObjectWrapper<ExportBundle> result = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<PermissionsMode> permissionsMode = new SimpleObjectProperty<>(PermissionsMode.INLINE);
    private final ObjectProperty<ExportFormat> bundleFormat = new SimpleObjectProperty<>(ExportFormat.CLI);
    private final Map<ExportItem, StringBinding> shown = new EnumMap<>(ExportItem.class);
    private final StringBinding bundleProblem = Bindings.createStringBinding(
            () -> result.get() == null ? null : result.get().bundleProblems().get(bundleFormat.get()),
            result,
            bundleFormat);
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty finished = new SimpleBooleanProperty(true);
    private Background.Running running;
    private int generation;
    private boolean adopting;

    /**
     * @param newRoleRequest the new role the role step describes (null when none or not valid yet)
     * @param permissionsMode the mode the role step chose (null for inline)
     */
    public ExportViewModel(
            WizardState state,
            Function<WorkerDocuments, ExportWorkflow> exports,
            Background background,
            HandOverViewModel.ClipboardTarget clipboard,
            Supplier<NewRoleRequest> newRoleRequest,
            Supplier<PermissionsMode> permissionsMode) {
        this.state = state;
        this.exports = exports;
        this.background = background;
        this.handOver = new HandOverViewModel(this::text, bundleFormat::get, clipboard, background);
        this.newRoleRequest = newRoleRequest;
        this.wantedMode = permissionsMode;
        for (ExportItem item : ExportItem.values()) {
            shown.put(item, Bindings.createStringBinding(() -> text(item).orElse(""), result, bundleFormat));
        }
        // Another mode changes the permissions' place, so the plan and the bundles are made again.
        this.permissionsMode.addListener((o, was, is) -> {
            if (!adopting && result.get() != null && was != is) {
                refresh();
            }
        });
    }

    /** Takes the mode the role step chose and makes the export for what the earlier steps hold. */
    @Override
    public void shown() {
        PermissionsMode mode = wantedMode == null ? null : wantedMode.get();
        adopting = true;
        permissionsMode.set(mode == null ? PermissionsMode.INLINE : mode);
        adopting = false;
        refresh();
    }

    /** Makes the export again (after a change of permissions mode, or a fix applied meanwhile). */
    public void refresh() {
        if (running != null) {
            running.cancel();
        }
        int mine = ++generation;
        ExportRequest request = request();
        // The documents with the catalog chosen now (the appliance step may have changed it since).
        WorkerDocuments documents = state.documents.get();
        error.set(null);
        handOver.clear();
        Optional<String> missing = missing(request);
        if (missing.isPresent()) {
            show(null, "");
            error.set(missing.get());
            return;
        }
        busy.set(true);
        running = background.run(
                () -> exports.apply(documents).export(request, documents.catalog()),
                made -> {
                    if (mine == generation) {
                        busy.set(false);
                        show(made, ExportSummary.of(request, made) + "\n" + String.join("\n", made.validation()));
                    }
                },
                problem -> {
                    if (mine == generation) {
                        busy.set(false);
                        show(null, "");
                        error.set(Problems.describe(problem));
                    }
                });
    }

    /** What the earlier steps hold now, read on the FX thread; no account when the admin generates policies only. */
    private ExportRequest request() {
        NewRoleRequest described = newRoleRequest == null ? null : newRoleRequest.get();
        return new ExportRequest(
                state.generateOnly.get() ? Optional.empty() : Optional.ofNullable(state.session.get()),
                state.appliance.get(),
                state.roleName.get(),
                state.newRole.get(),
                Optional.ofNullable(described),
                permissionsMode.get());
    }

    /** Why nothing can be exported yet, naming the step that is missing something; empty when something can. */
    private static Optional<String> missing(ExportRequest request) {
        if (request.appliance() == null) {
            return Optional.of(Texts.get("export.noAppliance"));
        }
        boolean noRole = request.role() == null || request.role().isBlank();
        return request.session().isPresent() && !request.newRole() && noRole
                ? Optional.of(Texts.get("export.noRole"))
                : Optional.empty();
    }

    private void show(ExportBundle made, String said) {
        result.set(made);
        summary.set(said);
    }

    /** The text of an item as it would be copied or saved, or empty when there is none. */
    public Optional<String> text(ExportItem item) {
        return Optional.ofNullable(result.get()).flatMap(made -> item.text(made, bundleFormat.get()));
    }

    /** Nothing is needed to go on to the finish step. */
    @Override
    public ObservableBooleanValue valid() {
        return finished;
    }

    /** What the export made; null before the step is first shown, or when nothing could be made. */
    public ReadOnlyObjectProperty<ExportBundle> result() {
        return result.getReadOnlyProperty();
    }

    public ObjectProperty<PermissionsMode> permissionsMode() {
        return permissionsMode;
    }

    public ObjectProperty<ExportFormat> bundleFormat() {
        return bundleFormat;
    }

    /** An item's text as its tab shows it (the bundle in the format chosen); empty when there is none. */
    public StringBinding shown(ExportItem item) {
        return shown.get(item);
    }

    /** Why the bundle in the format chosen could not be made; null when it could. */
    public StringBinding bundleProblem() {
        return bundleProblem;
    }

    public StringProperty summary() {
        return summary;
    }

    /** Why nothing could be exported; null when something was. */
    public StringProperty error() {
        return error;
    }

    /** The step's Copy and Save. */
    public HandOverViewModel handOver() {
        return handOver;
    }

    public BooleanProperty busy() {
        return busy;
    }
}
