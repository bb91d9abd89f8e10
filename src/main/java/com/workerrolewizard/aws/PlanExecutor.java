package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.arn.AppliancePrincipal;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Applies a confirmed plan, one operation at a time, each journaled before its call. Right before a trust
 * policy write the policy is read again and the page's statements are merged into that fresh copy, so an edit
 * made by someone else meanwhile is kept. The first failure stops the plan and says what was and was not applied.
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
        JournalRecord record = journal.begin(plan.newRole() ? "create-role" : "fix", me.account(), plan.role(),
                appliance.arn(me.partition()), null);
        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> notApplied = new ArrayList<>();
        String createdPolicyArn = null;
        Optional<String> failure = Optional.empty();
        for (PlannedChange change : plan.changes()) {
            IamOperation operation = change.operation();
            if (failure.isPresent()) {
                notApplied.add(operation.summary());
                continue;
            }
            int index = -1;
            try {
                if (operation instanceof IamOperation.UpdateAssumeRolePolicy update) {
                    ObjectNode fresh = currentTrust(update.roleName());
                    TrustPolicyMerge.Result merge = TrustPolicyMerge.merge(PolicyDocument.parse(fresh.toString(),
                            PolicyKind.TRUST), appliance, me.partition(), documents);
                    if (!merge.changed()) {
                        journal.mark(record, journal.write(record, entry(operation, fresh, fresh)), JournalEntry.State.SKIPPED);
                        skipped.add(operation.summary() + " (the trust policy already allows it)");
                        continue;
                    }
                    index = journal.write(record, entry(operation, merge.before(), merge.after()));
                    propagation.retry(() -> iam.updateAssumeRolePolicy(r -> r.roleName(update.roleName())
                            .policyDocument(merge.after().toString())));
                } else {
                    index = journal.write(record, entry(operation, null, operation.document().orElse(null)));
                    createdPolicyArn = call(operation, createdPolicyArn);
                    if (operation instanceof IamOperation.CreatePolicy || operation instanceof IamOperation.AttachRolePolicy) {
                        // The ARN IAM gave the new policy is what undo must delete and detach.
                        record.entries().get(index).parameters().put("PolicyArn", createdPolicyArn);
                    }
                }
                journal.mark(record, index, JournalEntry.State.APPLIED);
                applied.add(operation.summary());
            } catch (SdkException e) {
                if (index >= 0) {
                    journal.mark(record, index, JournalEntry.State.FAILED);
                }
                failure = Optional.of(operation.action() + " failed: " + AwsProblems.explain(e, "iam:" + operation.action(),
                        "role " + plan.role()));
                notApplied.add(operation.summary());
            }
        }
        return new ApplyOutcome(applied, skipped, notApplied, failure, record.id());
    }

    /** Makes one call; returns the ARN of a policy it created (the attachment that follows uses it). */
    private String call(IamOperation operation, String createdPolicyArn) {
        if (operation instanceof IamOperation.CreateRole create) {
            iam.createRole(r -> r.roleName(create.roleName()).path(create.path())
                    .assumeRolePolicyDocument(create.trustPolicy().toString()).description(create.description())
                    .permissionsBoundary(create.permissionsBoundaryArn()).maxSessionDuration(create.maxSessionDuration())
                    .tags(create.tags().stream().map(t -> Tag.builder().key(t.key()).value(t.value()).build()).toList()));
            propagation.retry(() -> iam.getRole(r -> r.roleName(create.roleName())));
        } else if (operation instanceof IamOperation.CreateInstanceProfile create) {
            iam.createInstanceProfile(r -> r.instanceProfileName(create.instanceProfileName()).path(create.path()));
        } else if (operation instanceof IamOperation.AddRoleToInstanceProfile add) {
            propagation.retry(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName(add.instanceProfileName())
                    .roleName(add.roleName())));
        } else if (operation instanceof IamOperation.PutRolePolicy put) {
            propagation.retry(() -> iam.putRolePolicy(r -> r.roleName(put.roleName()).policyName(put.policyName())
                    .policyDocument(put.policy().toString())));
        } else if (operation instanceof IamOperation.CreatePolicy create) {
            return iam.createPolicy(r -> r.policyName(create.policyName()).path(create.path())
                    .description(create.description()).policyDocument(create.policy().toString())).policy().arn();
        } else if (operation instanceof IamOperation.AttachRolePolicy attach) {
            String arn = createdPolicyArn != null ? createdPolicyArn : attach.policyArn();
            propagation.retry(() -> iam.attachRolePolicy(r -> r.roleName(attach.roleName()).policyArn(arn)));
            return arn;
        } else if (operation instanceof IamOperation.UpdateAssumeRolePolicy) {
            throw new IllegalStateException("Trust policy writes go through the fresh re-read");
        }
        return createdPolicyArn;
    }

    private ObjectNode currentTrust(String role) {
        String document = propagation.retry(() -> iam.getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument());
        return PolicyDocument.parse(document, PolicyKind.TRUST).json();
    }

    /** The journal's copy of an operation: its parameters without documents, and the documents apart. */
    static JournalEntry entry(IamOperation operation, ObjectNode before, ObjectNode after) {
        ObjectNode parameters = Json.MAPPER.createObjectNode();
        List<String> args = operation.cliArguments();
        String document = operation.document().map(Object::toString).orElse(null);
        for (int i = 1; i < args.size(); i++) {
            if (!args.get(i).startsWith("--")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int j = i + 1; j < args.size() && !args.get(j).startsWith("--"); j++) {
                values.add(args.get(j));
            }
            if (!values.isEmpty() && !values.get(0).equals(document)) {
                parameters.put(camel(args.get(i)), String.join(" ", values));
            }
        }
        return new JournalEntry(operation.action(), parameters, before, after, JournalEntry.State.PENDING);
    }

    /** {@code --role-name} to {@code RoleName}, as IAM names the parameter. */
    private static String camel(String option) {
        StringBuilder name = new StringBuilder();
        for (String part : option.substring(2).split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
