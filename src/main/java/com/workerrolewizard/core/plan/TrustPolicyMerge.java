package com.workerrolewizard.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.evaluation.PrincipalTarget;
import com.workerrolewizard.core.evaluation.TrustEvaluation;
import com.workerrolewizard.core.evaluation.TrustEvaluator;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.ApplianceTrustCheck;
import com.workerrolewizard.core.requirement.Ec2TrustCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A role's new trust policy: its current one with the page's missing statements appended. Every existing
 * statement stays exactly as it was; a principal that is already allowed (even under a Condition) gets no
 * second statement, so merging a merged policy changes nothing. A Deny that blocks a principal is
 * reported, never removed: that decision is the admin's.
 */
public final class TrustPolicyMerge {
    private TrustPolicyMerge() {
    }

    /**
     * @param added   what was appended ("the page's appliance statement"), empty when nothing changed
     * @param blocked one sentence per principal a Deny keeps out
     */
    public record Result(ObjectNode before, ObjectNode after, List<String> added, List<String> blocked) {
        public Result {
            added = List.copyOf(added);
            blocked = List.copyOf(blocked);
        }

        public boolean changed() {
            return !added.isEmpty();
        }
    }

    public static Result merge(PolicyDocument current, AppliancePrincipal appliance, Partition partition,
            WorkerDocuments documents) {
        ObjectNode after = current.json();
        List<String> added = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        PrincipalTarget applianceTarget = ApplianceTrustCheck.target(appliance, partition);
        Optional<Partition> named = appliance.partition();
        if (named.isPresent() && named.get() != partition) {
            blocked.add("The appliance " + appliance.arn() + " is in partition " + named.get() + " and the role in "
                    + partition + ": IAM cannot trust a principal of another partition, so no statement is added for it.");
        } else if (needs(current, applianceTarget, blocked)) {
            statements(after).add(documents.applianceStatement(appliance, partition));
            added.add("the page's appliance statement");
        }
        if (needs(current, Ec2TrustCheck.target(partition), blocked)) {
            statements(after).add(documents.ec2Statement());
            added.add("the page's EC2 statement");
        }
        return new Result(current.json(), after, added, blocked);
    }

    private static boolean needs(PolicyDocument current, PrincipalTarget target, List<String> blocked) {
        TrustEvaluation evaluation = TrustEvaluator.evaluate(current, target);
        Optional<String> deny = evaluation.unconditionalDeny().map(d -> d.statement().label());
        if (deny.isPresent()) {
            blocked.add("The trust policy's " + deny.get() + " denies sts:AssumeRole to " + target.describe()
                    + "; the plan leaves it as it is, and no added statement can win over it: remove or narrow it yourself.");
            return false;
        }
        return evaluation.bestUnconditionalAllow().isEmpty() && evaluation.conditionalAllow().isEmpty();
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
