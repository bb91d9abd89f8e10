package com.workerrolewizard.ui.role;

import com.workerrolewizard.ui.common.Texts;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * What the role table's Status column shows: each listed role's status against the four requirements, what a role
 * without one reads (checking while the jobs run, then why it has none), and the line under the table. The jobs that
 * learn the statuses ({@link RoleStatusJobs}) hand them here, on the FX thread.
 */
public final class RoleStatuses {
    /** One role's status, made on a background thread. */
    record Update(String role, RoleStatus status) {}

    private final List<RoleRow> listed;
    private final Map<String, RoleStatus> known = new HashMap<>();
    /** The statuses the table observes, one per role it asked for. */
    private final Map<String, ObjectProperty<RoleStatus>> observed = new HashMap<>();

    private final IntegerProperty applied = new SimpleIntegerProperty();
    private final BooleanProperty working = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty();
    /** What a role without a status of its own reads: checking while the jobs run, then why it has none. */
    private RoleStatus otherwise = RoleStatus.CHECKING;

    /** @param listed the table's roles, as the listing has them */
    RoleStatuses(List<RoleRow> listed) {
        this.listed = listed;
    }

    /** The role's status, for its cell; it changes as the jobs learn it. */
    public ObservableValue<RoleStatus> of(RoleRow row) {
        return observed.computeIfAbsent(row.name(), name -> new SimpleObjectProperty<>(status(name)));
    }

    /** The role's status now. */
    public RoleStatus status(String role) {
        return known.getOrDefault(role, otherwise);
    }

    /** Forgets every status and the cells that observed them (a new session, or the roles listed again). */
    void clear() {
        reset();
        observed.clear();
        working.set(false);
        summary.set("");
    }

    /** Forgets every status: each role reads "checking" again. */
    void reset() {
        known.clear();
        otherwise = RoleStatus.CHECKING;
        refresh();
        problem.set(null);
    }

    /** A job started; the line under the table says what it does. */
    void started(String what) {
        working.set(true);
        summary.set(what);
    }

    /** How far a job is. */
    void progress(String what) {
        summary.set(what);
    }

    /** One batch of statuses, of {@code total} roles being checked. */
    void apply(List<Update> batch, int total) {
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

    /** One role checked again, the others keeping theirs. */
    void show(String role, RoleStatus status) {
        known.put(role, status);
        ObjectProperty<RoleStatus> cell = observed.get(role);
        if (cell != null) {
            cell.set(status);
        }
        applied.set(applied.get() + 1);
        summarize();
    }

    /** The jobs are done: roles still without a status read {@code rest}. */
    void finish(RoleStatus rest) {
        otherwise = rest;
        refresh();
        working.set(false);
        summarize();
    }

    /** The statuses could not be read: every role reads "Unknown" with the reason. */
    void failed(String reason) {
        known.clear();
        otherwise = RoleStatus.unknown(Texts.get("role.status.tip.failed", reason));
        refresh();
        working.set(false);
        problem.set(reason);
        summary.set(Texts.get("role.statuses.failed", reason));
    }

    private void summarize() {
        Map<RoleStatus.Kind, Integer> counts = new EnumMap<>(RoleStatus.Kind.class);
        for (RoleRow row : listed) {
            counts.merge(status(row.name()).kind(), 1, Integer::sum);
        }
        summary.set(Texts.get(
                "role.statuses.summary",
                counts.getOrDefault(RoleStatus.Kind.READY, 0),
                counts.getOrDefault(RoleStatus.Kind.FAILING, 0),
                counts.getOrDefault(RoleStatus.Kind.UNKNOWN, 0)));
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
