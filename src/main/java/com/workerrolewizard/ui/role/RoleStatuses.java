package com.workerrolewizard.ui.role;

import com.workerrolewizard.core.account.Progress;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.role.RoleViewModel.RoleRow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The role table's Status column: every listed role checked against the four requirements, after the list shows.
 * One background job reads the whole account (the live account's {@code allRoles}: a few requests, not a few per
 * role); another checks the snapshots against the appliance and hands the statuses to the FX thread in batches.
 * The snapshots are kept, so a new appliance is checked again without reading the account again. A new session or
 * listing cancels it all. A failure leaves the list as it is: every role reads "Unknown" with the reason.
 */
public final class RoleStatuses {
    /** The most statuses one FX-thread task applies. */
    static final int BATCH = 500;

    /** One role's status, made on the background thread. */
    private record Update(String role, RoleStatus status) {
    }

    private final WizardState state;
    private final Background background;
    private final Consumer<Runnable> fxThread;
    private final List<RoleRow> listed;

    private final Map<String, RoleStatus> known = new HashMap<>();
    /** The statuses the table observes, one per role it asked for. */
    private final Map<String, ObjectProperty<RoleStatus>> observed = new HashMap<>();
    private final IntegerProperty applied = new SimpleIntegerProperty();
    private final BooleanProperty working = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty();
    /** Cancels everything started before: a job checks it before handing anything over. */
    private final AtomicInteger generation = new AtomicInteger();

    /** What a role without a status of its own reads: checking while the jobs run, then why it has none. */
    private RoleStatus otherwise = RoleStatus.CHECKING;
    private List<RoleSnapshot> snapshots;
    private String checkedFor;
    private Background.Running reading;
    private Background.Running checking;
    private FxBatches<?> handing;

    /**
     * @param listed   the table's roles, as the listing has them
     * @param fxThread runs a piece of UI work on the FX thread ({@code Platform::runLater})
     */
    RoleStatuses(WizardState state, Background background, Consumer<Runnable> fxThread, List<RoleRow> listed) {
        this.state = state;
        this.background = background;
        this.fxThread = fxThread;
        this.listed = listed;
        state.session.addListener((o, was, is) -> clear());
        state.appliance.addListener((o, was, is) -> {
            if (snapshots != null && !same(is, checkedFor)) {
                check();
            }
        });
    }

    private static boolean same(AppliancePrincipal appliance, String arn) {
        return appliance == null ? arn == null : appliance.arn().equals(arn);
    }

    /** The role's status, for its cell; it changes as the jobs learn it. */
    public ObservableValue<RoleStatus> of(RoleRow row) {
        return observed.computeIfAbsent(row.name(), name -> new SimpleObjectProperty<>(status(name)));
    }

    /** The role's status now. */
    public RoleStatus status(String role) {
        return known.getOrDefault(role, otherwise);
    }

    /** Forgets every status and stops the jobs (a new session, or the roles listed again). */
    void clear() {
        forget();
        observed.clear();
        working.set(false);
        summary.set("");
    }

    private void forget() {
        cancel();
        snapshots = null;
        checkedFor = null;
        known.clear();
        otherwise = RoleStatus.CHECKING;
        refresh();
        problem.set(null);
    }

    private void cancel() {
        generation.incrementAndGet();
        if (reading != null) {
            reading.cancel();
        }
        if (checking != null) {
            checking.cancel();
        }
        if (handing != null) {
            handing.cancel();
        }
        reading = null;
        checking = null;
        handing = null;
    }

    /** Reads the whole account in the background, then checks its roles; the listing does not wait for it. */
    void read(Session session) {
        forget();
        int mine = generation.get();
        working.set(true);
        summary.set(Texts.get("role.statuses.reading", 0));
        FxBatches<String> progress = new FxBatches<>(fxThread, Integer.MAX_VALUE, texts -> {
            if (mine == generation.get()) {
                summary.set(texts.get(texts.size() - 1));
            }
        });
        handing = progress;
        reading = background.run(() -> session.account().allRoles(new Progress() {
            @Override
            public void rolesRead(int count) {
                progress.add(Texts.get("role.statuses.reading", count));
            }

            @Override
            public void rolesChecked(int done, int total) {
                progress.add(Texts.get("role.statuses.permissions", done, total));
            }
        }), roles -> {
            if (mine == generation.get()) {
                progress.cancel();
                reading = null;
                snapshots = roles;
                check();
            }
        }, error -> {
            if (mine == generation.get()) {
                failed(Problems.describe(error));
            }
        });
    }

    /** Checks the kept snapshots against the appliance now entered, off the FX thread, handing statuses over in batches. */
    private void check() {
        cancel();
        int mine = generation.get();
        AppliancePrincipal appliance = state.appliance.get();
        checkedFor = appliance == null ? null : appliance.arn();
        known.clear();
        problem.set(null);
        if (appliance == null) {
            finish(RoleStatus.unknown(Texts.get("role.status.tip.noAppliance")));
            return;
        }
        otherwise = RoleStatus.CHECKING;
        refresh();
        working.set(true);
        List<RoleSnapshot> roles = snapshots;
        summary.set(Texts.get("role.statuses.known", 0, roles.size()));
        FxBatches<Update> batches = new FxBatches<>(fxThread, BATCH, batch -> {
            if (mine == generation.get()) {
                apply(batch, roles.size());
            }
        });
        handing = batches;
        RoleChecker checker = new RoleChecker(state.documents.catalog());
        checking = background.run(() -> {
            for (RoleSnapshot role : roles) {
                if (mine != generation.get()) {
                    return null;
                }
                batches.add(new Update(role.name(), status(checker, role, appliance)));
            }
            return null;
        }, done -> batches.then(() -> {
            if (mine == generation.get()) {
                finish(RoleStatus.unknown(Texts.get("role.status.tip.notRead")));
            }
        }), error -> {
            if (mine == generation.get()) {
                failed(Problems.describe(error));
            }
        });
    }

    /**
     * Reads one role again and checks it, the others keeping theirs: back from the checklist, the role it fixed no
     * longer reads as it did. Nothing happens before the whole account was read, or while it is checked again.
     */
    void recheck(Session session, String role) {
        AppliancePrincipal appliance = state.appliance.get();
        if (snapshots == null || working.get() || appliance == null) {
            return;
        }
        int mine = generation.get();
        RoleChecker checker = new RoleChecker(state.documents.catalog());
        background.run(() -> {
            RoleSnapshot snapshot = session.account().role(role);
            return Map.entry(snapshot, status(checker, snapshot, appliance));
        }, checked -> {
            if (mine == generation.get()) {
                RoleSnapshot snapshot = checked.getKey();
                snapshots = snapshots.stream().map(s -> s.name().equals(snapshot.name()) ? snapshot : s).toList();
                show(snapshot.name(), checked.getValue());
            }
        }, error -> {
            if (mine == generation.get()) {
                show(role, RoleStatus.unknown(Texts.get("role.status.tip.failed", Problems.describe(error))));
            }
        });
    }

    private void show(String role, RoleStatus status) {
        known.put(role, status);
        ObjectProperty<RoleStatus> cell = observed.get(role);
        if (cell != null) {
            cell.set(status);
        }
        applied.set(applied.get() + 1);
        summarize();
    }

    private static RoleStatus status(RoleChecker checker, RoleSnapshot role, AppliancePrincipal appliance) {
        try {
            return RoleStatus.of(checker.check(role, appliance));
        } catch (RuntimeException e) {
            // One role the checks cannot read does not take the others' statuses with it.
            return RoleStatus.unknown(Texts.get("role.status.tip.failed", Problems.describe(e)));
        }
    }

    private void apply(List<Update> batch, int total) {
        for (Update update : batch) {
            known.put(update.role(), update.status());
            ObjectProperty<RoleStatus> cell = observed.get(update.role());
            if (cell != null) {
                cell.set(update.status());
            }
        }
        summary.set(Texts.get("role.statuses.known", known.size(), total));
        applied.set(applied.get() + 1);
    }

    /** The jobs are done: roles still without a status read {@code rest}. */
    private void finish(RoleStatus rest) {
        otherwise = rest;
        refresh();
        working.set(false);
        summarize();
    }

    private void summarize() {
        Map<RoleStatus.Kind, Integer> counts = new EnumMap<>(RoleStatus.Kind.class);
        for (RoleRow row : listed) {
            counts.merge(status(row.name()).kind(), 1, Integer::sum);
        }
        summary.set(Texts.get("role.statuses.summary", counts.getOrDefault(RoleStatus.Kind.READY, 0),
                counts.getOrDefault(RoleStatus.Kind.FAILING, 0), counts.getOrDefault(RoleStatus.Kind.UNKNOWN, 0)));
    }

    private void failed(String reason) {
        cancel();
        known.clear();
        otherwise = RoleStatus.unknown(Texts.get("role.status.tip.failed", reason));
        refresh();
        working.set(false);
        problem.set(reason);
        summary.set(Texts.get("role.statuses.failed", reason));
    }

    /** Every observed cell shows what it is now. */
    private void refresh() {
        observed.forEach((role, cell) -> cell.set(status(role)));
        applied.set(applied.get() + 1);
    }

    /** Counts the batches and refreshes applied: a table sorted by status sorts again when it changes. */
    public ReadOnlyIntegerProperty applied() {
        return applied;
    }

    /** Whether a job is reading or checking. */
    public ReadOnlyBooleanProperty working() {
        return working;
    }

    /** How far the jobs are, or the count of each status once done, or why they failed. */
    public ReadOnlyStringProperty summary() {
        return summary;
    }

    /** Why the statuses could not be read; null when they could. */
    public ReadOnlyStringProperty problem() {
        return problem;
    }
}
