package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.app.role.ApplyResult;
import com.workerrolewizard.app.role.Confirmation;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.ui.common.Texts;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The checklist's writes: a confirmed plan applied, undo previewed and reverted, each in the background with the
 * wizard's navigation locked meanwhile, then the role checked again. The step's state stays in its view model.
 */
final class ChecklistWrites {
    private final ChecklistViewModel m;

    ChecklistWrites(ChecklistViewModel model) {
        this.m = model;
    }

    /** What applying a plan came to, and the role as checked afterwards. */
    private record Applied(ApplyResult result, ChecklistViewModel.Checked checked) {}

    /** Applies a plan the admin confirmed (in the preview), then checks again until IAM shows the change. */
    void apply(FixPlan plan) {
        if (!plan.runnable()) {
            m.message.set(Texts.get("checklist.notRunnable", String.join(" ", plan.problems())));
            return;
        }
        writing(true);
        m.message.set(Texts.get("checklist.applying"));
        Session session = m.state.session.get();
        m.background.run(
                () -> {
                    // The preview was the confirmation: the admin saw the exact change and pressed Apply.
                    ApplyResult result = m.roles(session).apply(plan, m.state.appliance.get(), Confirmation.YES);
                    return new Applied(result, m.checked(session, result.after().orElseGet(() -> m.report(session))));
                },
                applied -> {
                    writing(false);
                    applied.result()
                            .outcome()
                            .ifPresent(o -> o.applied()
                                    .forEach(line -> m.state.changes.add(Texts.get("finish.applied", line))));
                    if (plan.newRole()
                            && applied.result()
                                    .outcome()
                                    .map(ApplyOutcome::complete)
                                    .orElse(true)) {
                        m.state.newRole.set(false);
                    }
                    m.show(applied.checked());
                    m.message.set(ChecklistSentences.applied(applied.result()));
                },
                this::failedWriting);
    }

    /** Busy, and the wizard's navigation locked, while changes are being written. */
    private void writing(boolean on) {
        m.busy.set(on);
        m.state.applying.set(on);
    }

    private void failedWriting(Throwable e) {
        m.state.applying.set(false);
        m.failed(e);
    }

    /** What undo came to, and the role as checked afterwards. */
    private record Undone(Optional<ApplyOutcome> outcome, ChecklistViewModel.Checked checked) {}

    /** What undo would revert, read in the background, for the same preview as a fix; a sentence when nothing is. */
    void previewUndo(Consumer<UndoPlan> preview) {
        m.busy.set(true);
        Session session = m.state.session.get();
        m.background.run(
                () -> m.roles(session).undoPlan(),
                plan -> {
                    m.busy.set(false);
                    plan.ifPresentOrElse(preview, () -> m.message.set(Texts.get("checklist.nothingToUndo")));
                },
                m::failed);
    }

    /** Reverts the plan the admin saw in the undo preview and confirmed there, then checks again. */
    void undo(UndoPlan shown) {
        writing(true);
        m.message.set(Texts.get("checklist.undoing"));
        Session session = m.state.session.get();
        m.background.run(
                () -> new Undone(m.roles(session).undo(shown), m.checked(session)),
                undone -> {
                    writing(false);
                    undone.outcome()
                            .ifPresent(o ->
                                    o.applied().forEach(line -> m.state.changes.add(Texts.get("finish.undone", line))));
                    m.show(undone.checked());
                    m.message.set(ChecklistSentences.undone(undone.outcome()));
                },
                this::failedWriting);
    }
}
