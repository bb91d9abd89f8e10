package com.workerrolewizard.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One write that reverts one journaled write. {@link #plan} lists them for the newest applied record, last
 * write first, so what was created last is removed first (a role leaves its profile before the profile goes).
 */
public record UndoStep(String action, ObjectNode parameters, JournalEntry reverts, String summary) {

    public String parameter(String name) {
        return parameters.path(name).asText(null);
    }

    public static List<UndoStep> plan(JournalRecord record) {
        List<JournalEntry> applied = new ArrayList<>(record.applied());
        java.util.Collections.reverse(applied);
        List<UndoStep> steps = new ArrayList<>();
        for (JournalEntry entry : applied) {
            String role = entry.parameter("RoleName");
            String profile = entry.parameter("InstanceProfileName");
            String policy = entry.parameter("PolicyName");
            String arn = entry.parameter("PolicyArn");
            ObjectNode p = entry.parameters().deepCopy();
            steps.add(switch (entry.action()) {
                case "CreateRole" -> new UndoStep("DeleteRole", p, entry, "Delete role " + role + ".");
                case "UpdateAssumeRolePolicy" -> new UndoStep("UpdateAssumeRolePolicy", p, entry,
                        "Take the statements the fix appended out of the trust policy of role " + role
                                + " (other changes made since stay).");
                case "CreateInstanceProfile" -> new UndoStep("DeleteInstanceProfile", p, entry,
                        "Delete instance profile " + profile + ".");
                case "AddRoleToInstanceProfile" -> new UndoStep("RemoveRoleFromInstanceProfile", p, entry,
                        "Remove role " + role + " from instance profile " + profile + ".");
                case "PutRolePolicy" -> new UndoStep("DeleteRolePolicy", p, entry,
                        "Delete inline policy " + policy + " of role " + role + ".");
                case "CreatePolicy" -> new UndoStep("DeletePolicy", p, entry, "Delete managed policy " + arn + ".");
                case "AttachRolePolicy" -> new UndoStep("DetachRolePolicy", p, entry,
                        "Detach managed policy " + arn + " from role " + role + ".");
                default -> throw new IllegalStateException("The journal holds an unknown write: " + entry.action());
            });
        }
        return steps;
    }
}
