package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.TrustRestore;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.journal.Journal;
import com.workerrolewizard.journal.JournalEntry;
import com.workerrolewizard.journal.JournalRecord;
import com.workerrolewizard.journal.JournalWriteException;
import com.workerrolewizard.journal.UndoStep;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Reverts the writes of one journal record, last first, journaling the undo itself; stops at the first failure.
 * A write whose outcome is unknown is first looked up in IAM: reverted when it landed, marked not applied when it
 * did not, and what was found is said either way.
 */
public final class UndoExecutor {
    private final IamClient iam;
    private final Journal journal;
    private final Reconciler reconciler;

    public UndoExecutor(AwsClients clients, Journal journal, Propagation propagation) {
        this.iam = clients.iam();
        this.journal = journal;
        this.reconciler = new Reconciler(iam, propagation);
    }

    /** Refuses a record another running process is still applying: undoing it now would race with its writes. */
    public static void requireSettled(JournalRecord target) {
        if (target.inProgress()) {
            throw new UserFacingException("The " + target.kind() + " of role " + target.role() + " started "
                    + target.time() + " is still being applied by process "
                    + target.writer().pid()
                    + ": wait for it to end, then run undo again.");
        }
    }

    public ApplyOutcome undo(JournalRecord target) {
        requireSettled(target);
        WriteProgress progress = new WriteProgress();
        JournalRecord record;
        try {
            record = journal.begin("undo", target.account(), target.role(), target.appliance(), target.id());
        } catch (JournalWriteException e) {
            progress.stop(e.getMessage() + ", so no change was made.");
            UndoStep.plan(target).forEach(s -> progress.notApplied.add(s.summary()));
            return progress.outcome(null);
        }
        try {
            for (UndoStep step : UndoStep.plan(target)) {
                if (progress.stopped()) {
                    progress.notApplied.add(step.summary());
                } else if (!step.uncertain() || landed(target, record, step, progress)) {
                    revert(target, record, step, progress);
                }
            }
        } finally {
            try {
                journal.finish(record);
            } catch (JournalWriteException e) {
                // The undo record stays marked open; once this process has ended nobody takes it for one in progress.
            }
        }
        return progress.outcome(record.id());
    }

    /** Looks a write of unknown outcome up in IAM; one that did not land is marked so and needs no revert. */
    private boolean landed(JournalRecord target, JournalRecord record, UndoStep step, WriteProgress progress) {
        String write = step.reverts().action();
        Reconciler.Finding found;
        try {
            found = reconciler.check(step.reverts());
        } catch (SdkException e) {
            progress.stop("Checking whether " + write + " landed failed: "
                    + AwsProblems.explain(e, "iam:Get*", "role " + target.role()));
            progress.notApplied.add(step.summary());
            return false;
        }
        progress.found.add(write + " had an unknown outcome; " + found.fact()
                + (found.landed()
                        ? ", so it landed and is reverted."
                        : ", so it did not land and there is nothing to revert."));
        if (found.landed()) {
            return true;
        }
        try {
            journal.write(
                    record,
                    new JournalEntry(step.action(), step.parameters(), null, null, JournalEntry.State.SKIPPED)
                            .with(JournalEntry.State.SKIPPED, "not needed: " + found.fact())
                            .reverting(step.index()));
            journal.settle(
                    target.id(), step.index(), JournalEntry.State.NOT_APPLIED, "undo found that " + found.fact());
        } catch (JournalWriteException e) {
            progress.stop(
                    e.getMessage() + ", so undo stopped before its next step (nothing was changed for this one).");
            return false;
        }
        progress.skipped.add(step.summary() + " (not needed: it had not landed)");
        return false;
    }

    private void revert(JournalRecord target, JournalRecord record, UndoStep step, WriteProgress progress) {
        ObjectNode current = null;
        ObjectNode restored = null;
        try {
            if (step.action().equals("UpdateAssumeRolePolicy")) {
                current = PolicyDocument.parse(
                                iam.getRole(r -> r.roleName(step.parameter("RoleName")))
                                        .role()
                                        .assumeRolePolicyDocument(),
                                PolicyKind.TRUST)
                        .json();
                restored = TrustRestore.restore(
                        current, step.reverts().before(), step.reverts().after());
            }
        } catch (SdkException e) {
            progress.stop("Reading the trust policy of role " + step.parameter("RoleName") + " failed: "
                    + AwsProblems.explain(e, "iam:GetRole", "role " + target.role()));
            progress.notApplied.add(step.summary());
            return;
        }
        if (current != null && current.equals(restored)) {
            settleWithoutWrite(target, record, step, progress, "the statements the fix appended were already gone");
            return;
        }
        int index;
        try {
            index = journal.write(
                    record,
                    new JournalEntry(step.action(), step.parameters(), current, restored, JournalEntry.State.PENDING)
                            .reverting(step.index()));
        } catch (JournalWriteException e) {
            progress.stop(e.getMessage() + ", so this undo step and the ones after it were not made.");
            progress.notApplied.add(step.summary());
            return;
        }
        try {
            call(step, restored);
        } catch (SdkException e) {
            if (AwsProblems.isNoSuchEntity(e) && !step.action().equals("UpdateAssumeRolePolicy")) {
                // Already gone (removed by hand since): the undo's goal holds.
                try {
                    journal.mark(record, index, JournalEntry.State.SKIPPED, "it was already gone");
                    journal.settle(target.id(), step.index(), JournalEntry.State.REVERTED, "it was already gone");
                } catch (JournalWriteException j) {
                    progress.stop(j.getMessage() + ", so undo stopped (nothing was changed in AWS for this step).");
                    return;
                }
                progress.skipped.add(step.summary() + " (already done: it was already gone)");
                return;
            }
            boolean refused = WriteErrors.refused(e);
            String why = AwsProblems.explain(e, "iam:" + step.action(), "role " + target.role());
            try {
                journal.mark(record, index, refused ? JournalEntry.State.NOT_APPLIED : JournalEntry.State.UNKNOWN, why);
            } catch (JournalWriteException ignored) {
                // The entry stays pending; the next undo checks IAM again either way.
            }
            if (refused) {
                progress.notApplied.add(step.summary());
                progress.stop(step.action() + " failed: " + why);
            } else {
                progress.unknown.add(step.summary());
                progress.stop(step.action() + " got no clear answer, so it may have been made: " + why
                        + " Running undo again checks AWS and finishes it.");
            }
            return;
        }
        try {
            journal.mark(record, index, JournalEntry.State.APPLIED);
            journal.settle(target.id(), step.index(), JournalEntry.State.REVERTED, null);
            progress.applied.add(step.summary());
        } catch (JournalWriteException e) {
            progress.applied.add(step.summary() + " (made in AWS, but the journal does not show it as made)");
            progress.stop(e.getMessage() + " after " + step.action()
                    + " was made in AWS, so undo stopped; running undo " + "again finds that change made and goes on.");
        }
    }

    /** Nothing to write for this step: records why, and the reverted write as reverted. */
    private void settleWithoutWrite(
            JournalRecord target, JournalRecord record, UndoStep step, WriteProgress progress, String why) {
        try {
            journal.write(
                    record,
                    new JournalEntry(step.action(), step.parameters(), null, null, JournalEntry.State.SKIPPED)
                            .with(JournalEntry.State.SKIPPED, why)
                            .reverting(step.index()));
            journal.settle(target.id(), step.index(), JournalEntry.State.REVERTED, why);
        } catch (JournalWriteException e) {
            progress.stop(e.getMessage() + ", so undo stopped (nothing was changed in AWS for this step).");
            return;
        }
        progress.skipped.add(step.summary() + " (already done: " + why + ")");
    }

    private void call(UndoStep step, ObjectNode trust) {
        String role = step.parameter("RoleName");
        switch (step.action()) {
            case "DeleteRole" -> iam.deleteRole(r -> r.roleName(role));
            case "UpdateAssumeRolePolicy" ->
                iam.updateAssumeRolePolicy(r -> r.roleName(role).policyDocument(trust.toString()));
            case "DeleteInstanceProfile" ->
                iam.deleteInstanceProfile(r -> r.instanceProfileName(step.parameter("InstanceProfileName")));
            case "RemoveRoleFromInstanceProfile" ->
                iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(step.parameter("InstanceProfileName"))
                        .roleName(role));
            case "DeleteRolePolicy" ->
                iam.deleteRolePolicy(r -> r.roleName(role).policyName(step.parameter("PolicyName")));
            case "DeletePolicy" -> iam.deletePolicy(r -> r.policyArn(step.parameter("PolicyArn")));
            case "DetachRolePolicy" ->
                iam.detachRolePolicy(r -> r.roleName(role).policyArn(step.parameter("PolicyArn")));
            default -> throw new IllegalStateException("Unknown undo step " + step.action());
        }
    }
}
