package com.workerrolewizard.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One write that reverts one journaled write. {@link #plan} lists them for a record, last write first, so what was
 * created last is removed first (a role leaves its profile before the profile goes). Writes whose outcome is unknown
 * are listed too: undo checks IAM for each before reverting it.
 *
 * @param index the reverted write's index in its record
 */
public record UndoStep(String action, ObjectNode parameters, JournalEntry reverts, int index, String summary) {

    public String parameter(String name) {
        return parameters.path(name).asText(null);
    }

    /** The write's outcome is unknown: undo reverts it only when IAM shows it landed. */
    public boolean uncertain() {
        return reverts.state().uncertain();
    }

    public static List<UndoStep> plan(JournalRecord record) {
        List<UndoStep> steps = new ArrayList<>();
        List<JournalEntry> entries = record.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry entry = entries.get(i);
            if (!entry.state().toUndo()) {
                continue;
            }
            if (entry.action().equals("CreatePolicy") && entry.parameter("PolicyArn") == null) {
                entry = withPolicyArn(entry, record);
            }
            steps.add(new UndoStep(
                    revertAction(entry.action()), entry.parameters().deepCopy(), entry, i, summary(entry)));
        }
        return steps;
    }

    /**
     * A policy creation whose answer never came (journal format 1 recorded the ARN only from IAM's answer): its ARN
     * follows from the account, the partition, the path and the name, as IAM forms it.
     */
    private static JournalEntry withPolicyArn(JournalEntry entry, JournalRecord record) {
        String[] appliance = record.appliance().split(":");
        String partition = appliance.length > 1 && !appliance[1].isEmpty() ? appliance[1] : "aws";
        String path = entry.parameters().path("Path").asText("/");
        ObjectNode parameters = entry.parameters().deepCopy();
        parameters.put(
                "PolicyArn",
                "arn:" + partition + ":iam::" + record.account() + ":policy" + path + entry.parameter("PolicyName"));
        return new JournalEntry(
                entry.action(),
                parameters,
                entry.before(),
                entry.after(),
                entry.state(),
                entry.time(),
                entry.detail(),
                entry.reverts());
    }

    /** The IAM action that takes back a write. */
    public static String revertAction(String action) {
        return switch (action) {
            case "CreateRole" -> "DeleteRole";
            case "UpdateAssumeRolePolicy" -> "UpdateAssumeRolePolicy";
            case "CreateInstanceProfile" -> "DeleteInstanceProfile";
            case "AddRoleToInstanceProfile" -> "RemoveRoleFromInstanceProfile";
            case "PutRolePolicy" -> "DeleteRolePolicy";
            case "CreatePolicy" -> "DeletePolicy";
            case "AttachRolePolicy" -> "DetachRolePolicy";
            default -> throw new IllegalStateException("The journal holds an unknown write: " + action);
        };
    }

    private static String summary(JournalEntry entry) {
        String role = entry.parameter("RoleName");
        String profile = entry.parameter("InstanceProfileName");
        return switch (entry.action()) {
            case "CreateRole" -> "Delete role " + role + ".";
            case "UpdateAssumeRolePolicy" ->
                "Take the statements the fix appended out of the trust policy of role " + role
                        + " (other changes made since stay).";
            case "CreateInstanceProfile" -> "Delete instance profile " + profile + ".";
            case "AddRoleToInstanceProfile" -> "Remove role " + role + " from instance profile " + profile + ".";
            case "PutRolePolicy" -> "Delete inline policy " + entry.parameter("PolicyName") + " of role " + role + ".";
            case "CreatePolicy" -> "Delete managed policy " + entry.parameter("PolicyArn") + ".";
            case "AttachRolePolicy" ->
                "Detach managed policy " + entry.parameter("PolicyArn") + " from role " + role + ".";
            default -> throw new IllegalStateException("The journal holds an unknown write: " + entry.action());
        };
    }
}
