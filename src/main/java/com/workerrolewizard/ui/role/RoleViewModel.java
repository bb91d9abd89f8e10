package com.workerrolewizard.ui.role;

import com.workerrolewizard.core.account.RoleSummary;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.ui.wizard.WizardState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Step 3's state: the account's roles, listed page by page off the FX thread and filtered as the admin types, with
 * their statuses filled in afterwards ({@link RoleStatuses}), or the new role to create with its validation and the
 * exact documents it would get.
 */
public final class RoleViewModel {
    /** One row of the table: what ListRoles says about a role. */
    public record RoleRow(String name, String path, Instant created, String description) {
    }

    private final WizardState state;
    private final Background background;
    private final Consumer<Runnable> fxThread;

    private final ObservableList<RoleRow> roles = FXCollections.observableArrayList();
    private final FilteredList<RoleRow> filtered = new FilteredList<>(roles, r -> true);
    private final Set<String> takenNames = new HashSet<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<RoleRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final StringProperty loadError = new SimpleStringProperty();
    private final IntegerProperty loadedCount = new SimpleIntegerProperty();
    private final RoleStatuses statuses;

    private final BooleanProperty createNew = new SimpleBooleanProperty();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newPath = new SimpleStringProperty("/");
    private final StringProperty newDescription = new SimpleStringProperty("");
    private final StringProperty boundaryArn = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final ObjectProperty<PermissionsMode> permissionsMode = new SimpleObjectProperty<>(PermissionsMode.INLINE);
    private final StringProperty nameError = new SimpleStringProperty();
    private final StringProperty pathError = new SimpleStringProperty();
    private final StringProperty descriptionError = new SimpleStringProperty();
    private final StringProperty boundaryError = new SimpleStringProperty();
    private final StringProperty tagsError = new SimpleStringProperty();
    private final StringProperty trustPreview = new SimpleStringProperty("");
    private final StringProperty permissionsPreview = new SimpleStringProperty("");
    private final BooleanBinding newRoleValid;
    private final BooleanBinding valid;

    private Session loadedFor;
    private Background.Running running;
    private int generation;

    /** @param fxThread runs a piece of UI work on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public RoleViewModel(WizardState state, Background background, Consumer<Runnable> fxThread) {
        this.state = state;
        this.background = background;
        this.fxThread = fxThread;
        this.statuses = new RoleStatuses(state, background, fxThread, roles);
        search.addListener((o, was, is) -> applySearch());
        newRoleValid = Bindings.createBooleanBinding(() -> nameError.get() == null && pathError.get() == null
                && descriptionError.get() == null && boundaryError.get() == null && tagsError.get() == null,
                nameError, pathError, descriptionError, boundaryError, tagsError);
        valid = Bindings.createBooleanBinding(() -> createNew.get() ? newRoleValid.get() : selected.get() != null,
                createNew, newRoleValid, selected);
        newName.addListener((o, was, is) -> validateName());
        newPath.addListener((o, was, is) -> pathError.set(IamLimits.path(newPath.get()).orElse(null)));
        newDescription.addListener((o, was, is) -> descriptionError.set(IamLimits.description(blankToNull(
                newDescription.get())).orElse(null)));
        boundaryArn.addListener((o, was, is) -> validateBoundary());
        tags.addListener((o, was, is) -> validateTags());
        validateName();
        state.appliance.addListener((o, was, is) -> updatePreview());
        state.session.addListener((o, was, is) -> updatePreview());
        createNew.addListener((o, was, is) -> publish());
        selected.addListener((o, was, is) -> publish());
        valid.addListener((o, was, is) -> publish());
        newName.addListener((o, was, is) -> publish());
        nameError.addListener((o, was, is) -> publish());
        updatePreview();
    }

    /**
     * Loads the roles once per session; back from the checklist, checks the chosen role again, which a fix may have
     * changed. Refreshes the preview, which depends on the appliance.
     */
    public void shown() {
        updatePreview();
        Session session = state.session.get();
        if (session != null && session != loadedFor) {
            load(session);
        } else if (session != null && !createNew.get() && selected.get() != null) {
            statuses.recheck(session, selected.get().name());
        }
    }

    /** Lists the roles again (after an error, or when a colleague added one). */
    public void reload() {
        Session session = state.session.get();
        if (session != null) {
            load(session);
        }
    }

    private void load(Session session) {
        if (running != null) {
            running.cancel();
        }
        int mine = ++generation;
        loadedFor = session;
        roles.clear();
        statuses.clear();
        takenNames.clear();
        selected.set(null);
        loadedCount.set(0);
        loadError.set(null);
        loaded.set(false);
        loading.set(true);
        running = background.run(() -> {
            // Each page reaches the table as soon as it arrives: one FX-thread task per page, not per role.
            session.listRoles(page -> {
                List<RoleRow> rows = page.stream().map(RoleViewModel::row).toList();
                fxThread.accept(() -> {
                    if (mine == generation) {
                        addRows(rows);
                    }
                });
            });
            return null;
        }, done -> {
            if (mine == generation) {
                loading.set(false);
                loaded.set(true);
                // The statuses come after the list, in their own job: the list never waits for them.
                statuses.read(session);
            }
        }, error -> {
            if (mine == generation) {
                loading.set(false);
                loadError.set(Problems.describe(error));
            }
        });
    }

    private void addRows(List<RoleRow> rows) {
        rows.forEach(r -> takenNames.add(r.name().toLowerCase(Locale.ROOT)));
        roles.addAll(rows);
        loadedCount.set(roles.size());
        validateName();
    }

    private static RoleRow row(RoleSummary role) {
        return new RoleRow(role.name(), role.path(), role.created(), role.description());
    }

    private void applySearch() {
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(text.isEmpty() ? r -> true : r -> r.name().toLowerCase(Locale.ROOT).contains(text)
                || r.path().toLowerCase(Locale.ROOT).contains(text)
                || r.description().toLowerCase(Locale.ROOT).contains(text));
    }

    private void validateName() {
        String name = newName.get() == null ? "" : newName.get().strip();
        Optional<String> problem = IamLimits.roleName(name);
        if (problem.isEmpty() && takenNames.contains(name.toLowerCase(Locale.ROOT))) {
            problem = Optional.of(Texts.get("role.new.name.taken", name));
        }
        nameError.set(problem.orElse(null));
    }

    private void validateBoundary() {
        String arn = boundaryArn.get() == null ? "" : boundaryArn.get().strip();
        boolean ok = arn.isEmpty() || Arn.parse(arn).filter(a -> a.service().equals("iam") && a.region().isEmpty()
                && (a.account().equals("aws") || Arn.isAccountId(a.account())) && a.resource().startsWith("policy/")
                && a.resource().length() > "policy/".length()).isPresent();
        boundaryError.set(ok ? null : Texts.get("role.new.boundary.invalid", arn));
    }

    private void validateTags() {
        try {
            tagsError.set(IamLimits.tags(parseTags(tags.get())).orElse(null));
        } catch (IllegalArgumentException e) {
            tagsError.set(e.getMessage());
        }
    }

    /** One tag per line, {@code key=value}; blank lines are skipped. */
    static List<IamOperation.Tag> parseTags(String text) {
        List<IamOperation.Tag> result = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(Texts.get("role.new.tags.invalid", line.strip()));
            }
            result.add(new IamOperation.Tag(line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
        }
        return result;
    }

    private void updatePreview() {
        AppliancePrincipal appliance = state.appliance.get();
        if (appliance == null) {
            trustPreview.set(Texts.get("role.preview.noAppliance"));
        } else {
            trustPreview.set(PolicyJson.pretty(state.documents.trustPolicy(appliance, partition(appliance))));
        }
        permissionsPreview.set(PolicyJson.pretty(state.documents.permissionsPolicy()));
    }

    /** The partition the appliance names, else the signed-in account's, as an export would choose it. */
    private Partition partition(AppliancePrincipal appliance) {
        Session session = state.session.get();
        return appliance.partition().orElse(session == null ? Partition.AWS : session.operator().partition());
    }

    /** Tells the later steps which role this is. */
    private void publish() {
        if (createNew.get()) {
            state.newRole.set(true);
            state.roleName.set(nameError.get() == null ? newName.get().strip() : null);
        } else {
            state.newRole.set(false);
            state.roleName.set(selected.get() == null ? null : selected.get().name());
        }
    }

    /** The role to create as the admin described it, or null while the form is not valid. */
    public NewRoleRequest newRoleRequest() {
        if (!newRoleValid.get()) {
            return null;
        }
        return new NewRoleRequest(newName.get().strip(), newPath.get(), blankToNull(newDescription.get()),
                blankToNull(boundaryArn.get()), parseTags(tags.get()), null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The Status column's statuses, filled in the background once the roles are listed. */
    public RoleStatuses statuses() {
        return statuses;
    }

    public ObjectProperty<PermissionsMode> permissionsMode() {
        return permissionsMode;
    }

    public ObservableBooleanValue valid() {
        return valid;
    }

    public ObservableList<RoleRow> roles() {
        return roles;
    }

    /** The roles the search leaves, for the table. */
    public FilteredList<RoleRow> visibleRoles() {
        return filtered;
    }

    public StringProperty search() {
        return search;
    }

    public ObjectProperty<RoleRow> selected() {
        return selected;
    }

    public BooleanProperty loading() {
        return loading;
    }

    public BooleanProperty loaded() {
        return loaded;
    }

    public StringProperty loadError() {
        return loadError;
    }

    public IntegerProperty loadedCount() {
        return loadedCount;
    }

    public BooleanProperty createNew() {
        return createNew;
    }

    public StringProperty newName() {
        return newName;
    }

    public StringProperty newPath() {
        return newPath;
    }

    public StringProperty newDescription() {
        return newDescription;
    }

    public StringProperty boundaryArn() {
        return boundaryArn;
    }

    public StringProperty tags() {
        return tags;
    }

    public StringProperty nameError() {
        return nameError;
    }

    public StringProperty pathError() {
        return pathError;
    }

    public StringProperty descriptionError() {
        return descriptionError;
    }

    public StringProperty boundaryError() {
        return boundaryError;
    }

    public StringProperty tagsError() {
        return tagsError;
    }

    public StringProperty trustPreview() {
        return trustPreview;
    }

    public StringProperty permissionsPreview() {
        return permissionsPreview;
    }
}
