package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.journal.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Finds out from IAM's current state whether a journaled write whose outcome is unknown (a crash while it was in
 * flight, a timeout, a 5xx) landed: is the policy there, is the role in the profile, does the trust policy hold what
 * the write set. A write not found is looked for again once IAM has had time to show it.
 */
final class Reconciler {
    /** What IAM shows: whether the write landed, and the fact that says so, in words. */
    record Finding(boolean landed, String fact) {}

    private final IamClient iam;
    private final Propagation propagation;

    Reconciler(IamClient iam, Propagation propagation) {
        this.iam = iam;
        this.propagation = propagation;
    }

    Finding check(JournalEntry write) {
        Finding found = look(write);
        if (!found.landed() && propagation.settling(write.time())) {
            propagation.awaitSettled(write.time());
            found = look(write);
        }
        return found;
    }

    private Finding look(JournalEntry write) {
        String role = write.parameter("RoleName");
        String profile = write.parameter("InstanceProfileName");
        String policy = write.parameter("PolicyName");
        String arn = write.parameter("PolicyArn");
        return switch (write.action()) {
            case "CreateRole" ->
                exists(() -> iam.getRole(r -> r.roleName(role)))
                        ? new Finding(true, "role " + role + " exists")
                        : new Finding(false, "role " + role + " does not exist");
            case "UpdateAssumeRolePolicy" -> trust(role, write.before(), write.after());
            case "PutRolePolicy" ->
                exists(() -> iam.getRolePolicy(r -> r.roleName(role).policyName(policy)))
                        ? new Finding(true, "inline policy " + policy + " is on role " + role)
                        : new Finding(false, "inline policy " + policy + " is not on role " + role);
            case "CreateInstanceProfile" ->
                exists(() -> iam.getInstanceProfile(r -> r.instanceProfileName(profile)))
                        ? new Finding(true, "instance profile " + profile + " exists")
                        : new Finding(false, "instance profile " + profile + " does not exist");
            case "AddRoleToInstanceProfile" ->
                inProfile(role, profile)
                        ? new Finding(true, "role " + role + " is in instance profile " + profile)
                        : new Finding(false, "role " + role + " is not in instance profile " + profile);
            case "CreatePolicy" ->
                exists(() -> iam.getPolicy(r -> r.policyArn(arn)))
                        ? new Finding(true, "managed policy " + arn + " exists")
                        : new Finding(false, "managed policy " + arn + " does not exist");
            case "AttachRolePolicy" ->
                attached(role, arn)
                        ? new Finding(true, "managed policy " + arn + " is attached to role " + role)
                        : new Finding(false, "managed policy " + arn + " is not attached to role " + role);
            default -> throw new IllegalStateException("No check for " + write.action());
        };
    }

    private Finding trust(String role, ObjectNode before, ObjectNode after) {
        String document;
        try {
            document = iam.getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument();
        } catch (SdkException e) {
            if (AwsProblems.isNoSuchEntity(e)) {
                return new Finding(false, "role " + role + " does not exist any more");
            }
            throw e;
        }
        ObjectNode current = PolicyDocument.parse(document, PolicyKind.TRUST).json();
        if (current.equals(after)) {
            return new Finding(true, "the trust policy of role " + role + " is the one the fix wrote");
        }
        if (before != null && current.equals(before)) {
            return new Finding(false, "the trust policy of role " + role + " is still the one it had before the fix");
        }
        List<JsonNode> appended = statements(after);
        appended.removeAll(statements(before));
        List<JsonNode> now = statements(current);
        if (!appended.isEmpty() && now.containsAll(appended)) {
            return new Finding(
                    true,
                    "the trust policy of role " + role + " holds the statements the fix appended "
                            + "(and was edited since)");
        }
        return new Finding(
                false, "the trust policy of role " + role + " does not hold the statements the fix appended");
    }

    private boolean inProfile(String role, String profile) {
        try {
            return iam.getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().roles().stream()
                    .anyMatch(r -> r.roleName().equalsIgnoreCase(role));
        } catch (SdkException e) {
            if (AwsProblems.isNoSuchEntity(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean attached(String role, String arn) {
        try {
            return iam.listAttachedRolePoliciesPaginator(r -> r.roleName(role)).attachedPolicies().stream()
                    .anyMatch(p -> p.policyArn().equals(arn));
        } catch (SdkException e) {
            if (AwsProblems.isNoSuchEntity(e)) {
                return false;
            }
            throw e;
        }
    }

    /** True when the read succeeds, false when IAM says the entity does not exist; other errors are thrown. */
    private static boolean exists(Supplier<?> read) {
        try {
            read.get();
            return true;
        } catch (SdkException e) {
            if (AwsProblems.isNoSuchEntity(e)) {
                return false;
            }
            throw e;
        }
    }

    private static List<JsonNode> statements(ObjectNode document) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode statement = document == null ? null : document.get("Statement");
        if (statement instanceof ArrayNode array) {
            array.forEach(list::add);
        } else if (statement != null) {
            list.add(statement);
        }
        return list;
    }
}
