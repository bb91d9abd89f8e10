package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.app.role.ApplyResult;
import com.workerrolewizard.app.role.ReadyRole;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.ChangePreview;
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

    /**
     * Why {@code appliance-access} is not in the report, and how to have it; empty where it is. Called in the
     * background: the signed-in account is read (once, and kept) to tell another account's appliance from this one's.
     */
    static String notListed(RoleReport report, AppliancePrincipal appliance, Session session) {
        if (appliance == null
                || report.requirements().stream().anyMatch(r -> r.id() == RequirementId.APPLIANCE_ACCESS)) {
            return "";
        }
        if (report.arn() == null) {
            return Texts.get("checklist.appliance.notYet");
        }
        if (appliance.isAccount()) {
            return Texts.get("checklist.appliance.asAccount");
        }
        String here = session.writable() ? session.operator().account() : null;
        if (here != null && !here.equals(appliance.account())) {
            return Texts.get("checklist.appliance.otherAccount", appliance.account());
        }
        return Texts.get("checklist.appliance.unreadable", appliance.arn(), session.describe());
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

    /** Undo's steps as a preview: one step per reverting write, no document, no command (undo has no CLI twin). */
    static ChangePreview undoPreview(UndoPlan plan) {
        List<ChangePreview.Step> steps = new ArrayList<>();
        for (String step : plan.steps()) {
            int colon = step.indexOf(": ");
            steps.add(new ChangePreview.Step(
                    (steps.size() + 1) + ". " + (colon < 0 ? step : step.substring(0, colon)),
                    colon < 0 ? "" : step.substring(colon + 2),
                    "",
                    List.of(),
                    Optional.empty()));
        }
        return new ChangePreview(steps, List.of());
    }

    /** What undo will do, in one paragraph; for a role this wizard created, that it deletes the role with the rest. */
    static String undoHeader(UndoPlan plan) {
        String header = Texts.get(
                "undo.header",
                plan.kind(),
                plan.role(),
                plan.time(),
                plan.account(),
                plan.steps().size());
        return plan.deletesRole() ? Texts.get("undo.deletesRole", plan.role()) + "\n" + header : header;
    }

    /** The success sentence's second line: what to enter in the appliance for the role. */
    static String readyDetail(ReadyRole ready) {
        return ready.instanceProfiles().isEmpty()
                ? Texts.get("checklist.ready.arn", ready.arn())
                : Texts.get("checklist.ready.profile", ready.arn(), String.join(", ", ready.instanceProfiles()));
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
