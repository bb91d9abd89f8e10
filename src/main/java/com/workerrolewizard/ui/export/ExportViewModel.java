package com.workerrolewizard.ui.export;

import com.workerrolewizard.app.export.ExportWorkflow;
import com.workerrolewizard.app.export.SaveRefusedException;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.export.ExportSubject;
import com.workerrolewizard.core.export.JsonExport;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Step 5's state: the documents, bundles and check report of the chosen role, made off the FX thread, and
 * the ways to hand them over (clipboard, files written atomically). Files are chosen by the view.
 */
public final class ExportViewModel {
    /** Where Copy puts text: the system clipboard in the view, a plain field in tests. */
    public interface ClipboardTarget {
        void put(String text);
    }

    /** What can be copied or saved. */
    public enum Item { TRUST, PERMISSIONS, BUNDLE, REPORT }

    public static final String DEFAULT_ROLE = ExportWorkflow.DEFAULT_ROLE;
    /** The formats a bundle can take (JSON is the two documents above). */
    public static final List<ExportFormat> BUNDLE_FORMATS = List.of(ExportFormat.CLI, ExportFormat.POWERSHELL,
            ExportFormat.CLOUDFORMATION, ExportFormat.TERRAFORM);

    /** Everything one export made. A bundle that cannot be made holds its reason in {@code bundleProblems}. */
    public record Result(ExportSubject subject, String trust, String permissions, Map<ExportFormat, String> bundles,
            Map<ExportFormat, String> bundleProblems, Optional<RoleReport> report, String reportMarkdown, String summary) {
    }

    private final WizardState state;
    private final ExportWorkflow exports;
    private final Background background;
    private final ClipboardTarget clipboard;
    private final Supplier<NewRoleRequest> newRoleRequest;
    private final Supplier<PermissionsMode> wantedMode;

    private final ObjectProperty<Result> result = new SimpleObjectProperty<>();
    private final ObjectProperty<PermissionsMode> permissionsMode = new SimpleObjectProperty<>(PermissionsMode.INLINE);
    private final ObjectProperty<ExportFormat> bundleFormat = new SimpleObjectProperty<>(ExportFormat.CLI);
    private final StringProperty trust = new SimpleStringProperty("");
    private final StringProperty permissions = new SimpleStringProperty("");
    private final StringProperty bundle = new SimpleStringProperty("");
    private final StringProperty bundleProblem = new SimpleStringProperty();
    private final StringProperty report = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final BooleanBinding ready;
    private final BooleanProperty finished = new SimpleBooleanProperty(true);
    private Background.Running running;
    private int generation;
    private boolean adopting;

    /**
     * The wizard's wiring before the role step hands over its request: Copy goes to the system clipboard and a
     * new role is exported by name only. Prefer the full constructor with the role step's {@code newRoleRequest}.
     */
    /**
     * @param newRoleRequest the new role the role step describes (null when none or not valid yet)
     * @param permissionsMode the mode the role step chose (null for inline)
     */
    public ExportViewModel(WizardState state, ExportWorkflow exports, Background background, ClipboardTarget clipboard,
            Supplier<NewRoleRequest> newRoleRequest, Supplier<PermissionsMode> permissionsMode) {
        this.state = state;
        this.exports = exports;
        this.background = background;
        this.clipboard = clipboard;
        this.newRoleRequest = newRoleRequest;
        this.wantedMode = permissionsMode;
        this.ready = Bindings.createBooleanBinding(() -> result.get() != null && !busy.get(), result, busy);
        bundleFormat.addListener((o, was, is) -> showBundle());
        // Another mode changes the permissions' place, so the plan and the bundles are made again.
        this.permissionsMode.addListener((o, was, is) -> {
            if (!adopting && result.get() != null && was != is) {
                refresh();
            }
        });
        result.addListener((o, was, is) -> show(is));
    }

    /** Takes the mode the role step chose and makes the export for what the earlier steps hold. */
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
        Inputs inputs = new Inputs(state.session.get(), state.generateOnly.get(), state.appliance.get(),
                state.roleName.get(), state.newRole.get(), newRoleRequest == null ? null : newRoleRequest.get(),
                permissionsMode.get());
        busy.set(true);
        error.set(null);
        message.set(null);
        running = background.run(() -> build(inputs), made -> {
            if (mine == generation) {
                busy.set(false);
                result.set(made);
            }
        }, problem -> {
            if (mine == generation) {
                busy.set(false);
                result.set(null);
                error.set(Problems.describe(problem));
            }
        });
    }

    /** What the earlier steps held when the export started, read on the FX thread. */
    private record Inputs(Session session, boolean generateOnly, AppliancePrincipal appliance, String roleName,
            boolean newRole, NewRoleRequest request, PermissionsMode mode) {
        boolean offline() {
            return generateOnly || session == null;
        }

        NewRoleRequest newRoleRequest() {
            if (request != null) {
                return request;
            }
            return NewRoleRequest.named(roleName == null || roleName.isBlank() ? DEFAULT_ROLE : roleName);
        }
    }

    private Result build(Inputs in) {
        if (in.appliance() == null) {
            throw new UserFacingException(Texts.get("export.noAppliance"));
        }
        ExportSubject subject;
        Optional<RoleReport> checked = Optional.empty();
        if (in.offline()) {
            subject = exports.forNewRole(in.newRoleRequest(), in.appliance(), in.mode());
        } else {
            String name = in.newRole() ? in.newRoleRequest().roleName() : in.roleName();
            if (name == null || name.isBlank()) {
                throw new UserFacingException(Texts.get("export.noRole"));
            }
            Known<Boolean> exists = in.newRole() ? in.session().account().facts().roleExists(name) : Known.of(true);
            if (exists.isKnown() && exists.value()) {
                // A new role the checklist has created meanwhile is exported, and checked, as the role it now is.
                ExportWorkflow.CheckedExport export = exports.forRoleChecked(in.session(), name, in.appliance(), in.mode(),
                        state.documents.catalog());
                subject = export.subject();
                checked = Optional.of(export.report());
            } else {
                subject = exports.forNewRole(in.session(), in.newRoleRequest(), in.appliance(), in.mode());
            }
        }
        String trustJson = exports.render(subject, ExportFormat.JSON, Optional.of(JsonExport.Document.TRUST));
        String permissionsJson = exports.render(subject, ExportFormat.JSON, Optional.of(JsonExport.Document.PERMISSIONS));
        Map<ExportFormat, String> bundles = new EnumMap<>(ExportFormat.class);
        Map<ExportFormat, String> problems = new EnumMap<>(ExportFormat.class);
        for (ExportFormat format : BUNDLE_FORMATS) {
            try {
                bundles.put(format, exports.render(subject, format, Optional.empty()));
            } catch (UserFacingException e) {
                problems.put(format, e.getMessage());
            }
        }
        List<String> applied = in.offline() ? List.of() : ExportWorkflow.appliedChanges(in.session(), subject.roleName());
        String markdown = checked.map(r -> exports.checkReport(List.of(r), Optional.of(in.session()),
                in.session().describe(), subject.applianceArn(), state.documents.catalog().size() + " required actions from "
                        + state.documents.catalog().source(), false)).orElse(null);
        return new Result(subject, trustJson, permissionsJson, bundles, problems, checked, markdown,
                summary(in, subject, checked, applied));
    }

    private static String summary(Inputs in, ExportSubject subject, Optional<RoleReport> checked, List<String> applied) {
        if (in.offline()) {
            return Texts.get("export.summary.generateOnly", subject.roleName(), subject.applianceArn());
        }
        if (checked.isEmpty()) {
            return Texts.get("export.summary.newRole", subject.roleName(), subject.plan().changes().size());
        }
        long passing = checked.get().requirements().stream().filter(r -> r.status().holds()).count();
        return Texts.get("export.summary.existing", subject.roleName(), passing, checked.get().requirements().size(),
                applied.size());
    }

    private void show(Result made) {
        trust.set(made == null ? "" : made.trust());
        permissions.set(made == null ? "" : made.permissions());
        report.set(made == null || made.reportMarkdown() == null ? "" : made.reportMarkdown());
        summary.set(made == null ? "" : made.summary());
        showBundle();
    }

    private void showBundle() {
        Result made = result.get();
        ExportFormat format = bundleFormat.get();
        bundle.set(made == null ? "" : made.bundles().getOrDefault(format, ""));
        bundleProblem.set(made == null ? null : made.bundleProblems().get(format));
    }

    /** The text of an item as it would be copied or saved, or empty when there is none (with why in {@link #error()}). */
    public Optional<String> text(Item item) {
        Result made = result.get();
        if (made == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (item) {
            case TRUST -> made.trust();
            case PERMISSIONS -> made.permissions();
            case BUNDLE -> made.bundles().get(bundleFormat.get());
            case REPORT -> made.reportMarkdown();
        });
    }

    /** The file name the chooser proposes. */
    public String suggestedFileName(Item item) {
        return switch (item) {
            case TRUST -> "worker-role-trust-policy.json";
            case PERMISSIONS -> "worker-role-permissions-policy.json";
            case BUNDLE -> bundleFormat.get().fileName();
            case REPORT -> "worker-role-check-report.md";
        };
    }

    public void copy(Item item) {
        Optional<String> text = text(item);
        if (text.isEmpty()) {
            error.set(Texts.get("export.nothing", label(item)));
            return;
        }
        clipboard.put(text.get());
        error.set(null);
        message.set(Texts.get("export.copied", label(item)));
    }

    /** Writes the item to {@code target} off the FX thread: a temporary file beside it, then one rename. */
    public void save(Item item, Path target) {
        Optional<String> text = text(item);
        if (text.isEmpty()) {
            error.set(Texts.get("export.nothing", label(item)));
            return;
        }
        boolean executable = item == Item.BUNDLE && bundleFormat.get() == ExportFormat.CLI;
        saving.set(true);
        message.set(null);
        background.run(() -> {
            write(target, text.get(), executable);
            return target;
        }, written -> {
            saving.set(false);
            error.set(null);
            message.set(Texts.get("export.saved", label(item), written.toAbsolutePath()));
        }, problem -> {
            saving.set(false);
            error.set(Problems.describe(problem));
        });
    }

    private static String label(Item item) {
        return Texts.get("export.item." + item.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Never leaves half a file: the content reaches the target in one rename, or the target stays as it was. The
     * chooser has asked before replacing a file; anything that is not a regular file is refused (see OutputTarget).
     */
    static void write(Path target, String content, boolean executable) {
        Path absolute = target.toAbsolutePath();
        try {
            ExportWorkflow.write(absolute, content, true, executable);
        } catch (SaveRefusedException e) {
            throw new UserFacingException(switch (e.reason()) {
                case FOLDER -> Texts.get("export.save.isFolder", absolute);
                case NO_FOLDER -> Texts.get("export.save.noFolder", absolute.getParent());
                case EXISTS -> throw new IllegalStateException("replacing a file was allowed");
                case SYMBOLIC_LINK -> Texts.get("export.save.isLink", absolute, e.detail());
                case NOT_A_FILE -> Texts.get("export.save.notAFile", absolute, e.detail());
                case FAILED -> Texts.get("export.save.failed", absolute, e.detail());
            });
        }
    }

    public ObservableBooleanValue ready() {
        return ready;
    }

    /** The export step is the last: nothing is needed to finish. */
    public ObservableBooleanValue valid() {
        return finished;
    }

    public ObjectProperty<Result> result() {
        return result;
    }

    public ObjectProperty<PermissionsMode> permissionsMode() {
        return permissionsMode;
    }

    public ObjectProperty<ExportFormat> bundleFormat() {
        return bundleFormat;
    }

    public StringProperty trust() {
        return trust;
    }

    public StringProperty permissions() {
        return permissions;
    }

    public StringProperty bundle() {
        return bundle;
    }

    public StringProperty bundleProblem() {
        return bundleProblem;
    }

    public StringProperty report() {
        return report;
    }

    public StringProperty summary() {
        return summary;
    }

    public StringProperty error() {
        return error;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public BooleanProperty saving() {
        return saving;
    }
}
