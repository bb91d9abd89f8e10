package com.workerrolewizard.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.evaluation.PrincipalTarget;
import com.workerrolewizard.core.evaluation.TrustEvaluation;
import com.workerrolewizard.core.evaluation.TrustEvaluator;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.ApplianceTrustCheck;
import com.workerrolewizard.core.requirement.Ec2TrustCheck;
import com.workerrolewizard.core.requirement.RequirementId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A role's new trust policy: its current one with the page's missing statements appended. Every existing
 * statement stays exactly as it was; a principal that is already allowed (even under a Condition) gets no
 * second statement, so merging a merged policy changes nothing. A Deny that blocks a principal is
 * reported, never removed: that decision is the admin's.
 */
public final class TrustPolicyMerge {
    private TrustPolicyMerge() {}

    /**
     * @param added   what was appended ("the page's appliance statement"), empty when nothing changed
     * @param fixes   the requirements the appended statements make hold (when nothing else blocks them)
     * @param blocked one sentence per principal a Deny keeps out
     * @param removed one sentence per unique ID of a deleted principal taken out (IAM refuses to save them)
     */
    public record Result(
            ObjectNode before,
            ObjectNode after,
            List<String> added,
            Set<RequirementId> fixes,
            List<String> blocked,
            List<String> removed) {
        public Result {
            added = List.copyOf(added);
            fixes = Set.copyOf(fixes);
            blocked = List.copyOf(blocked);
            removed = List.copyOf(removed);
        }

        public boolean changed() {
            return !added.isEmpty();
        }
    }

    public static Result merge(
            PolicyDocument current, AppliancePrincipal appliance, Partition partition, WorkerDocuments documents) {
        ObjectNode after = current.json();
        List<String> added = new ArrayList<>();
        Set<RequirementId> fixes = EnumSet.noneOf(RequirementId.class);
        List<String> blocked = new ArrayList<>();
        PrincipalTarget applianceTarget = ApplianceTrustCheck.target(appliance, partition);
        Optional<Partition> named = appliance.partition();
        if (named.isPresent() && named.get() != partition) {
            blocked.add("The appliance " + appliance.arn() + " is in partition " + named.get() + " and the role in "
                    + partition
                    + ": IAM cannot trust a principal of another partition, so no statement is added for it.");
        } else if (needs(current, applianceTarget, blocked)) {
            statements(after).add(documents.applianceStatement(appliance, partition));
            added.add("the page's appliance statement");
            fixes.add(RequirementId.APPLIANCE_TRUST);
        }
        if (needs(current, Ec2TrustCheck.target(partition), blocked)) {
            statements(after).add(documents.ec2Statement());
            added.add("the page's EC2 statement");
            fixes.add(RequirementId.EC2_TRUST);
        }
        List<String> removed = added.isEmpty() ? List.of() : removeDeletedPrincipals(after);
        return new Result(current.json(), after, added, fixes, blocked, removed);
    }

    /**
     * IAM shows the unique ID of a deleted principal (AROA...) in a trust policy, but refuses to save a policy
     * that holds one ("Invalid principal in policy"). A write must take such IDs out; the plan says so. A
     * statement left with no principal at all goes; every other key of every statement stays.
     */
    private static List<String> removeDeletedPrincipals(ObjectNode document) {
        List<String> removed = new ArrayList<>();
        JsonNode statements = document.get("Statement");
        if (!(statements instanceof ArrayNode array)) {
            return removed;
        }
        for (int i = array.size() - 1; i >= 0; i--) {
            JsonNode principal = array.get(i).has("Principal")
                    ? array.get(i).get("Principal")
                    : array.get(i).path("NotPrincipal");
            if (!(principal instanceof ObjectNode principals) || !principals.has("AWS")) {
                continue;
            }
            JsonNode aws = principals.get("AWS");
            String label = "statement " + (i + 1);
            if (aws.isTextual() && Arn.isUniqueId(aws.asText())) {
                removed.add(0, label + " named " + aws.asText() + ", the ID of a deleted principal");
                principals.remove("AWS");
            } else if (aws instanceof ArrayNode values) {
                for (int j = values.size() - 1; j >= 0; j--) {
                    if (Arn.isUniqueId(values.get(j).asText())) {
                        removed.add(0, label + " named " + values.get(j).asText() + ", the ID of a deleted principal");
                        values.remove(j);
                    }
                }
                if (values.isEmpty()) {
                    principals.remove("AWS");
                }
            }
            if (principals.isEmpty()) {
                array.remove(i);
            }
        }
        return removed;
    }

    private static boolean needs(PolicyDocument current, PrincipalTarget target, List<String> blocked) {
        TrustEvaluation evaluation = TrustEvaluator.evaluate(current, target);
        Optional<String> deny =
                evaluation.unconditionalDeny().map(d -> d.statement().label());
        if (deny.isPresent()) {
            blocked.add(
                    "The trust policy's " + deny.get() + " denies sts:AssumeRole to " + target.describe()
                            + "; the plan leaves it as it is, and no added statement can win over it: remove or narrow it yourself.");
            return false;
        }
        return evaluation.bestUnconditionalAllow().isEmpty()
                && evaluation.conditionalAllow().isEmpty();
    }

    /** The Statement array, turning a single statement object into an array that holds it first. */
    private static ArrayNode statements(ObjectNode document) {
        JsonNode statement = document.get("Statement");
        if (statement instanceof ArrayNode array) {
            return array;
        }
        ArrayNode array = document.arrayNode();
        if (statement != null) {
            array.add(statement);
        }
        document.set("Statement", array);
        return array;
    }
}
