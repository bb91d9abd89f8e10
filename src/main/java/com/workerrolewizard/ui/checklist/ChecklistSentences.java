package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.app.role.ApplyResult;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the checklist says, in the wizard's words: of a role not created yet, and of what a fix or undo came to. */
final class ChecklistSentences {
    private ChecklistSentences() {}

    /** A role that does not exist (yet, or any more) fails all four, saying Fix all creates it. */
    static RoleReport notCreated(String role) {
        List<RequirementResult> missing = new ArrayList<>();
        for (RequirementId id : RequirementId.four()) {
            missing.add(RequirementResult.of(id, Status.FAIL, Texts.get("checklist.notCreated", role)));
        }
        return new RoleReport(role, null, missing);
    }

    /** How many writes were made, or where they stopped, or that IAM does not show them all yet. */
    static String applied(ApplyResult result) {
        ApplyOutcome outcome = result.outcome().orElse(null);
        int count = outcome == null ? 0 : outcome.applied().size();
        if (outcome != null && outcome.failure().isPresent()) {
            return Texts.get("checklist.stopped", outcome.failure().get(), count);
        }
        return result.propagating() ? Texts.get("checklist.propagating") : Texts.get("checklist.applied", count);
    }

    /** How many writes were reverted and what undo found, or where it stopped, or that nothing was left to undo. */
    static String undone(Optional<ApplyOutcome> undone) {
        return undone.map(outcome -> outcome.failure()
                        .map(f -> Texts.get("checklist.undoStopped", f))
                        .orElse(Texts.get("checklist.undone", outcome.applied().size())
                                + (outcome.found().isEmpty() ? "" : " " + String.join(" ", outcome.found()))))
                .orElse(Texts.get("checklist.nothingToUndo"));
    }
}
