package com.workerrolewizard.ui.role;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.account.RoleSummary;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The role step's table: the account's roles, listed page by page off the FX thread and filtered as the admin types,
 * the one chosen, and their statuses filled in afterwards ({@link RoleStatuses}).
 */
public final class RoleListViewModel {
    private final WizardState state;
    private final Background background;
    private final Consumer<Runnable> fxThread;

    private final ObservableList<RoleRow> roles = FXCollections.observableArrayList();
    private final FilteredList<RoleRow> filtered = new FilteredList<>(roles, r -> true);
    private final Set<String> takenNames = new HashSet<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty applianceNote = new SimpleStringProperty("");
    private final ObjectProperty<RoleRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final StringProperty loadError = new SimpleStringProperty();
    private final IntegerProperty loadedCount = new SimpleIntegerProperty();
    private final RoleStatuses statuses = new RoleStatuses(roles);
    private final RoleStatusJobs statusJobs;

    private Session loadedFor;
    private Background.Running running;
    private int generation;

    /** @param fxThread runs a piece of UI work on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public RoleListViewModel(WizardState state, Background background, Consumer<Runnable> fxThread) {
        this.state = state;
        this.background = background;
        this.fxThread = fxThread;
        this.statusJobs = new RoleStatusJobs(state, background, fxThread, statuses);
        search.addListener((o, was, is) -> applySearch());
        state.appliance.addListener((o, was, is) -> applySearch());
        state.session.addListener((o, was, is) -> applySearch());
    }

    /**
     * Loads the roles once per session; back from the checklist, checks the chosen role again, which a fix may have
     * changed.
     *
     * @param chosenInUse whether the chosen role is the step's choice (not a new role being described)
     */
    public void shown(boolean chosenInUse) {
        Session session = state.session.get();
        if (session != null && session != loadedFor) {
            load(session);
        } else if (session != null && chosenInUse && selected.get() != null) {
            statusJobs.recheck(session, selected.get().name());
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
        statusJobs.clear();
        takenNames.clear();
        selected.set(null);
        loadedCount.set(0);
        loadError.set(null);
        loaded.set(false);
        loading.set(true);
        running = background.run(
                () -> {
                    // Each page reaches the table as soon as it arrives: one FX-thread task per page, not per role.
                    session.listRoles(page -> {
                        List<RoleRow> rows =
                                page.stream().map(RoleListViewModel::row).toList();
                        fxThread.accept(() -> {
                            if (mine == generation) {
                                addRows(rows);
                            }
                        });
                    });
                    return null;
                },
                done -> {
                    if (mine == generation) {
                        loading.set(false);
                        loaded.set(true);
                        // The statuses come after the list, in their own job: the list never waits for them.
                        statusJobs.read(session);
                    }
                },
                error -> {
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
    }

    private static RoleRow row(RoleSummary role) {
        return new RoleRow(role.name(), role.path(), role.created(), role.description());
    }

    private void applySearch() {
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        Optional<String> appliance = applianceRole();
        applianceNote.set(
                appliance.map(name -> Texts.get("role.applianceHidden", name)).orElse(""));
        filtered.setPredicate(
                r -> appliance.map(name -> !name.equalsIgnoreCase(r.name())).orElse(true)
                        && (text.isEmpty()
                                || r.name().toLowerCase(Locale.ROOT).contains(text)
                                || r.path().toLowerCase(Locale.ROOT).contains(text)
                                || r.description().toLowerCase(Locale.ROOT).contains(text)));
    }

    /**
     * The appliance's own Impersonation role when it is a role of the signed-in account: it is left out of the table
     * (one sentence says so), since the appliance's role is not a worker role and making it one would widen its trust.
     */
    private Optional<String> applianceRole() {
        Session session = state.session.get();
        if (state.appliance.get() == null || session == null || !session.writable()) {
            return Optional.empty();
        }
        // Who is signed in was read at sign-in; this is the answer kept then, not a new call.
        String account = session.operator().account();
        return state.appliance
                .get()
                .role()
                .filter(arn -> arn.account().equals(account))
                .map(arn -> arn.resource().substring(arn.resource().lastIndexOf('/') + 1));
    }

    /** Why a role of the account is not in the table (the appliance's own role); empty when none is left out. */
    public StringProperty applianceNote() {
        return applianceNote;
    }

    /** Whether a listed role has this name (IAM's role names are unique regardless of case). */
    public boolean taken(String name) {
        return takenNames.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The Status column's statuses, filled in the background once the roles are listed. */
    public RoleStatuses statuses() {
        return statuses;
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

    /** How many roles are listed so far; it changes once per page. */
    public IntegerProperty loadedCount() {
        return loadedCount;
    }
}
