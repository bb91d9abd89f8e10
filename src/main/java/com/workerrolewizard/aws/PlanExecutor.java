package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.CallerIdentity;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.PlannedChange;
import com.workerrolewizard.core.plan.TrustPolicyMerge;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.journal.Journal;
import com.workerrolewizard.journal.JournalEntry;
import com.workerrolewizard.journal.JournalRecord;
import com.workerrolewizard.journal.JournalWriteException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Applies a confirmed plan, one operation at a time, each journaled before its call (write-ahead: no call is made
 * that the journal does not hold) and marked when IAM answers: applied, not applied (IAM refused it), or unknown
 * (no clear answer: it may have been made, and undo checks). Right before a trust policy write the policy is read
 * again and the page's statements are merged into that fresh copy, so an edit made by someone else meanwhile is
 * kept. The first failure stops the plan and says what was made, what may have been, and what was not.
 */
public final class PlanExecutor {
    private final IamClient iam;
    private final Journal journal;
    private final WorkerDocuments documents;
    private final Propagation propagation;

    public PlanExecutor(AwsClients clients, Journal journal, WorkerDocuments documents, Propagation propagation) {
        this.iam = clients.iam();
        this.journal = journal;
        this.documents = documents;
        this.propagation = propagation;
    }

    public ApplyOutcome apply(FixPlan plan, AppliancePrincipal appliance, CallerIdentity me) {
        if (!plan.runnable()) {
            throw new IllegalArgumentException("A plan that breaks IAM limits is never applied");
        }
        WriteProgress progress = new WriteProgress();
        JournalRecord record;
        try {
            record = journal.begin(
                    plan.newRole() ? "create-role" : "fix",
                    me.account(),
                    plan.role(),
                    appliance.arn(me.partition()),
                    null);
        } catch (JournalWriteException e) {
            progress.stop(e.getMessage() + ", so no change was made.");
            plan.changes().forEach(c -> progress.notApplied.add(c.operation().summary()));
            return progress.outcome(null);
        }
        Step step = new Step(record, progress, appliance, me, plan.role());
        try {
            for (PlannedChange change : plan.changes()) {
                if (progress.stopped()) {
                    progress.notApplied.add(change.operation().summary());
                } else {
                    step.apply(change.operation());
                }
            }
        } finally {
            try {
                journal.finish(record);
            } catch (JournalWriteException e) {
                // The record stays marked open; once this process has ended nobody takes it for a plan in progress.
            }
        }
        return progress.outcome(record.id());
    }

    /** One operation: journal its intent, call IAM, journal what IAM answered. */
    private final class Step {
        private final JournalRecord record;
        private final WriteProgress progress;
        private final AppliancePrincipal appliance;
        private final CallerIdentity me;
        private final String role;
        /** The ARN IAM gave the policy this plan created: what the attachment that follows attaches. */
        private String createdPolicyArn;

        Step(
                JournalRecord record,
                WriteProgress progress,
                AppliancePrincipal appliance,
                CallerIdentity me,
                String role) {
            this.record = record;
            this.progress = progress;
            this.appliance = appliance;
            this.me = me;
            this.role = role;
        }

        void apply(IamOperation operation) {
            ObjectNode before = null;
            ObjectNode after = operation.document().orElse(null);
            if (operation instanceof IamOperation.UpdateAssumeRolePolicy update) {
                ObjectNode fresh;
                try {
                    fresh = currentTrust(update.roleName());
                } catch (SdkException e) {
                    progress.stop(operation.action() + " was not made: reading the trust policy again failed: "
                            + AwsProblems.explain(e, "iam:GetRole", "role " + role));
                    progress.notApplied.add(operation.summary());
                    return;
                }
                TrustPolicyMerge.Result merge = TrustPolicyMerge.merge(
                        PolicyDocument.parse(fresh.toString(), PolicyKind.TRUST), appliance, me.partition(), documents);
                if (!merge.changed()) {
                    skip(operation, fresh);
                    return;
                }
                before = merge.before();
                after = merge.after();
            }
            JournalEntry intent = entry(operation, before, after);
            String arn = policyArn(operation);
            if (arn != null) {
                intent.parameters().put("PolicyArn", arn);
            }
            int index;
            try {
                index = journal.write(record, intent);
            } catch (JournalWriteException e) {
                progress.stop(e.getMessage() + ", so " + operation.action() + " and the steps after it were not made.");
                progress.notApplied.add(operation.summary());
                return;
            }
            String answeredArn;
            try {
                answeredArn = call(operation, after, arn);
            } catch (SdkException e) {
                failed(operation, index, e);
                return;
            }
            JournalEntry done = intent.with(JournalEntry.State.APPLIED);
            if (answeredArn != null) {
                done.parameters().put("PolicyArn", answeredArn);
                if (operation instanceof IamOperation.CreatePolicy) {
                    createdPolicyArn = answeredArn;
                }
            }
            try {
                journal.update(record, index, done);
                progress.applied.add(operation.summary());
            } catch (JournalWriteException e) {
                progress.applied.add(operation.summary() + " (made in AWS, but the journal still shows it as pending)");
                progress.stop(
                        e.getMessage() + " after " + operation.action() + " was made in AWS, so the steps after it "
                                + "were not made; undo finds that change in AWS and reverts it.");
                return;
            }
            if (operation instanceof IamOperation.CreateRole create) {
                awaitRole(create.roleName());
            }
        }

        private void skip(IamOperation operation, ObjectNode trust) {
            try {
                journal.write(record, entry(operation, trust, trust).with(JournalEntry.State.SKIPPED));
            } catch (JournalWriteException e) {
                // Nothing is written to AWS for a skipped step; the next step's intent meets the journal's problem.
            }
            progress.skipped.add(operation.summary() + " (the trust policy already allows it)");
        }

        /** A call that threw: refused by IAM (not made), or without a clear answer (it may have been made). */
        private void failed(IamOperation operation, int index, SdkException e) {
            boolean refused = WriteErrors.refused(e);
            String why = AwsProblems.explain(e, "iam:" + operation.action(), "role " + role);
            String journalProblem = "";
            try {
                journal.mark(record, index, refused ? JournalEntry.State.NOT_APPLIED : JournalEntry.State.UNKNOWN, why);
            } catch (JournalWriteException j) {
                journalProblem =
                        " " + j.getMessage() + ", so it shows this write as pending, which undo checks in AWS.";
            }
            if (refused) {
                progress.notApplied.add(operation.summary());
                progress.stop(operation.action() + " failed: " + why + journalProblem);
            } else {
                progress.unknown.add(operation.summary());
                progress.stop(operation.action() + " got no clear answer, so it may have been made: " + why
                        + " Undo checks AWS and reverts it if it was." + journalProblem);
            }
        }

        /** The managed policy an operation names: the one it creates (its ARN is known in advance) or attaches. */
        private String policyArn(IamOperation operation) {
            if (operation instanceof IamOperation.CreatePolicy create) {
                return "arn:" + me.partition().id() + ":iam::" + me.account() + ":policy" + create.path()
                        + create.policyName();
            }
            if (operation instanceof IamOperation.AttachRolePolicy attach) {
                return createdPolicyArn != null ? createdPolicyArn : attach.policyArn();
            }
            return null;
        }
    }

    /** Makes one call; returns the ARN of the managed policy it created or attached, else null. */
    private String call(IamOperation operation, ObjectNode document, String policyArn) {
        if (operation instanceof IamOperation.CreateRole create) {
            iam.createRole(r -> r.roleName(create.roleName())
                    .path(create.path())
                    .assumeRolePolicyDocument(create.trustPolicy().toString())
                    .description(create.description())
                    .permissionsBoundary(create.permissionsBoundaryArn())
                    .maxSessionDuration(create.maxSessionDuration())
                    .tags(create.tags().stream()
                            .map(t ->
                                    Tag.builder().key(t.key()).value(t.value()).build())
                            .toList()));
        } else if (operation instanceof IamOperation.UpdateAssumeRolePolicy update) {
            propagation.retry(() -> iam.updateAssumeRolePolicy(
                    r -> r.roleName(update.roleName()).policyDocument(document.toString())));
        } else if (operation instanceof IamOperation.CreateInstanceProfile create) {
            iam.createInstanceProfile(
                    r -> r.instanceProfileName(create.instanceProfileName()).path(create.path()));
        } else if (operation instanceof IamOperation.AddRoleToInstanceProfile add) {
            propagation.retry(() -> iam.addRoleToInstanceProfile(
                    r -> r.instanceProfileName(add.instanceProfileName()).roleName(add.roleName())));
        } else if (operation instanceof IamOperation.PutRolePolicy put) {
            propagation.retry(() -> iam.putRolePolicy(r -> r.roleName(put.roleName())
                    .policyName(put.policyName())
                    .policyDocument(put.policy().toString())));
        } else if (operation instanceof IamOperation.CreatePolicy create) {
            return iam.createPolicy(r -> r.policyName(create.policyName())
                            .path(create.path())
                            .description(create.description())
                            .policyDocument(create.policy().toString()))
                    .policy()
                    .arn();
        } else if (operation instanceof IamOperation.AttachRolePolicy attach) {
            propagation.retry(() ->
                    iam.attachRolePolicy(r -> r.roleName(attach.roleName()).policyArn(policyArn)));
            return policyArn;
        }
        return null;
    }

    /** A new role may not be visible for a moment; the writes that follow retry on their own, so this only waits. */
    private void awaitRole(String role) {
        try {
            propagation.retry(() -> iam.getRole(r -> r.roleName(role)));
        } catch (SdkException e) {
            // The role was created (IAM said so); the next writes wait for it themselves.
        }
    }

    private ObjectNode currentTrust(String role) {
        String document = propagation.retry(
                () -> iam.getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument());
        return PolicyDocument.parse(document, PolicyKind.TRUST).json();
    }

    /** The journal's copy of an operation: its parameters without documents, and the documents apart. */
    static JournalEntry entry(IamOperation operation, ObjectNode before, ObjectNode after) {
        ObjectNode parameters = Json.MAPPER.createObjectNode();
        operation.parameters().forEach(parameters::put);
        return new JournalEntry(operation.action(), parameters, before, after, JournalEntry.State.PENDING);
    }
}
