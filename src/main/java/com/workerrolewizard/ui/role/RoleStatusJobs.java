package com.workerrolewizard.ui.role;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.account.Progress;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.role.RoleStatuses.Update;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The jobs that learn the Status column's statuses, after the list shows. One background job reads the whole account
 * (the live account's {@code allRoles}: a few requests, not a few per role); another checks the snapshots against the
 * appliance and hands the statuses to the FX thread in batches. The snapshots are kept, so a new appliance is checked
 * again without reading the account again. A new session or listing cancels it all. A failure leaves the list as it
 * is: every role reads "Unknown" with the reason.
 */
final class RoleStatusJobs {
    /** The most statuses one FX-thread task applies. */
    static final int BATCH = 500;

    private final WizardState state;
    private final Background background;
    private final Consumer<Runnable> fxThread;
    private final RoleStatuses statuses;
    /** Cancels everything started before: a job checks it before handing anything over. */
    private final AtomicInteger generation = new AtomicInteger();

    private List<RoleSnapshot> snapshots;
    private String checkedFor;
    private Background.Running reading;
    private Background.Running checking;
    private FxBatches<?> handing;

    /** @param fxThread runs a piece of UI work on the FX thread ({@code Platform::runLater}) */
    RoleStatusJobs(WizardState state, Background background, Consumer<Runnable> fxThread, RoleStatuses statuses) {
        this.state = state;
        this.background = background;
        this.fxThread = fxThread;
        this.statuses = statuses;
        state.session.addListener((o, was, is) -> clear());
        // Another catalog: the roles read are judged again (a live session is replaced first, so they are read again).
        state.documents.addListener((o, was, is) -> {
            if (snapshots != null) {
                check();
            }
        });
        state.appliance.addListener((o, was, is) -> {
            if (snapshots != null && !same(is, checkedFor)) {
                check();
            }
        });
    }

    private static boolean same(AppliancePrincipal appliance, String arn) {
        return appliance == null ? arn == null : appliance.arn().equals(arn);
    }

    /** Forgets every status and stops the jobs (a new session, or the roles listed again). */
    void clear() {
        forget();
        statuses.clear();
    }

    private void forget() {
        cancel();
        snapshots = null;
        checkedFor = null;
        statuses.reset();
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
        statuses.started(Texts.get("role.statuses.reading", 0));
        FxBatches<String> progress = new FxBatches<>(fxThread, Integer.MAX_VALUE, texts -> {
            if (mine == generation.get()) {
                statuses.progress(texts.get(texts.size() - 1));
            }
        });
        handing = progress;
        reading = background.run(
                () -> session.account().allRoles(new Progress() {
                    @Override
                    public void rolesRead(int count) {
                        progress.add(Texts.get("role.statuses.reading", count));
                    }

                    @Override
                    public void rolesChecked(int done, int total) {
                        progress.add(Texts.get("role.statuses.permissions", done, total));
                    }
                }),
                roles -> {
                    if (mine == generation.get()) {
                        progress.cancel();
                        reading = null;
                        snapshots = roles;
                        check();
                    }
                },
                error -> {
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
        statuses.reset();
        if (appliance == null) {
            statuses.finish(RoleStatus.unknown(Texts.get("role.status.tip.noAppliance")));
            return;
        }
        List<RoleSnapshot> roles = snapshots;
        statuses.started(Texts.get("role.statuses.known", 0, roles.size()));
        FxBatches<Update> batches = new FxBatches<>(fxThread, BATCH, batch -> {
            if (mine == generation.get()) {
                statuses.apply(batch, roles.size());
            }
        });
        handing = batches;
        RoleChecker checker = new RoleChecker(state.documents.get().catalog());
        checking = background.run(
                () -> {
                    for (RoleSnapshot role : roles) {
                        if (mine != generation.get()) {
                            return null;
                        }
                        batches.add(new Update(role.name(), status(checker, role, appliance)));
                    }
                    return null;
                },
                done -> batches.then(() -> {
                    if (mine == generation.get()) {
                        statuses.finish(RoleStatus.unknown(Texts.get("role.status.tip.notRead")));
                    }
                }),
                error -> {
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
        if (snapshots == null || statuses.working().get() || appliance == null) {
            return;
        }
        int mine = generation.get();
        RoleChecker checker = new RoleChecker(state.documents.get().catalog());
        background.run(
                () -> {
                    RoleSnapshot snapshot = session.account().role(role);
                    return Map.entry(snapshot, status(checker, snapshot, appliance));
                },
                checked -> {
                    if (mine == generation.get()) {
                        RoleSnapshot snapshot = checked.getKey();
                        snapshots = snapshots.stream()
                                .map(s -> s.name().equals(snapshot.name()) ? snapshot : s)
                                .toList();
                        statuses.show(snapshot.name(), checked.getValue());
                    }
                },
                error -> {
                    if (mine == generation.get()) {
                        statuses.show(
                                role,
                                RoleStatus.unknown(Texts.get("role.status.tip.failed", Problems.describe(error))));
                    }
                });
    }

    private static RoleStatus status(RoleChecker checker, RoleSnapshot role, AppliancePrincipal appliance) {
        try {
            return RoleStatus.of(checker.check(role, appliance));
        } catch (RuntimeException e) {
            // One role the checks cannot read does not take the others' statuses with it.
            return RoleStatus.unknown(Texts.get("role.status.tip.failed", Problems.describe(e)));
        }
    }

    private void failed(String reason) {
        cancel();
        statuses.failed(reason);
    }
}
