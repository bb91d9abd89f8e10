package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.plan.TrustRestore;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.journal.Journal;
import com.workerrolewizard.journal.JournalEntry;
import com.workerrolewizard.journal.JournalRecord;
import com.workerrolewizard.journal.UndoStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;

/** Reverts the writes of one journal record, journaling the undo itself; stops at the first failure. */
public final class UndoExecutor {
    private final IamClient iam;
    private final Journal journal;

    public UndoExecutor(AwsClients clients, Journal journal) {
        this.iam = clients.iam();
        this.journal = journal;
    }

    public ApplyOutcome undo(JournalRecord target) {
        JournalRecord record = journal.begin("undo", target.account(), target.role(), target.appliance(), target.id());
        List<String> applied = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        for (UndoStep step : UndoStep.plan(target)) {
            if (failure.isPresent()) {
                notApplied.add(step.summary());
                continue;
            }
            int index = -1;
            try {
                ObjectNode before = null;
                ObjectNode after = null;
                if (step.action().equals("UpdateAssumeRolePolicy")) {
                    before = PolicyDocument.parse(iam.getRole(r -> r.roleName(step.parameter("RoleName"))).role()
                            .assumeRolePolicyDocument(), PolicyKind.TRUST).json();
                    after = TrustRestore.restore(before, step.reverts().before(), step.reverts().after());
                }
                index = journal.write(record, new JournalEntry(step.action(), step.parameters(), before, after,
                        JournalEntry.State.PENDING));
                call(step, after);
                journal.mark(record, index, JournalEntry.State.APPLIED);
                applied.add(step.summary());
            } catch (SdkException e) {
                if (AwsProblems.isNoSuchEntity(e) && !step.action().equals("UpdateAssumeRolePolicy")) {
                    // Already gone (removed by hand since): the undo's goal holds.
                    journal.mark(record, index, JournalEntry.State.SKIPPED);
                    applied.add(step.summary() + " (already done)");
                    continue;
                }
                if (index >= 0) {
                    journal.mark(record, index, JournalEntry.State.FAILED);
                }
                failure = Optional.of(step.action() + " failed: " + AwsProblems.explain(e, "iam:" + step.action(),
                        "role " + target.role()));
                notApplied.add(step.summary());
            }
        }
        return new ApplyOutcome(applied, List.of(), notApplied, failure, record.id());
    }

    private void call(UndoStep step, ObjectNode trust) {
        String role = step.parameter("RoleName");
        switch (step.action()) {
            case "DeleteRole" -> iam.deleteRole(r -> r.roleName(role));
            case "UpdateAssumeRolePolicy" -> iam.updateAssumeRolePolicy(r -> r.roleName(role).policyDocument(trust.toString()));
            case "DeleteInstanceProfile" -> iam.deleteInstanceProfile(r -> r.instanceProfileName(step.parameter("InstanceProfileName")));
            case "RemoveRoleFromInstanceProfile" -> iam.removeRoleFromInstanceProfile(r -> r
                    .instanceProfileName(step.parameter("InstanceProfileName")).roleName(role));
            case "DeleteRolePolicy" -> iam.deleteRolePolicy(r -> r.roleName(role).policyName(step.parameter("PolicyName")));
            case "DeletePolicy" -> iam.deletePolicy(r -> r.policyArn(step.parameter("PolicyArn")));
            case "DetachRolePolicy" -> iam.detachRolePolicy(r -> r.roleName(role).policyArn(step.parameter("PolicyArn")));
            default -> throw new IllegalStateException("Unknown undo step " + step.action());
        }
    }
}
