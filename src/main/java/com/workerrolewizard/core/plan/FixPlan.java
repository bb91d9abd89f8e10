package com.workerrolewizard.core.plan;

import com.workerrolewizard.core.requirement.RequirementResult;
import java.util.List;

/**
 * The exact changes that make a role meet the four requirements, in the order they must run.
 *
 * @param role      the role's name
 * @param roleArn   its ARN (for a new role, the ARN it will have when the account is known, else null)
 * @param before    the four results before the plan (empty for a new role)
 * @param changes   the IAM operations, in order
 * @param blockers  requirements the plan cannot make pass, each with why (a Deny, a boundary, a partition)
 * @param problems  limits the plan would break: a plan with problems must not run
 * @param notes     what the admin should know (assumptions the source could not check)
 */
public record FixPlan(
        String role,
        String roleArn,
        String appliance,
        boolean newRole,
        List<RequirementResult> before,
        List<PlannedChange> changes,
        List<String> blockers,
        List<String> problems,
        List<String> notes) {
    public FixPlan {
        before = List.copyOf(before);
        changes = List.copyOf(changes);
        blockers = List.copyOf(blockers);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean runnable() {
        return problems.isEmpty();
    }

    public boolean empty() {
        return changes.isEmpty();
    }

    public List<IamOperation> operations() {
        return changes.stream().map(PlannedChange::operation).toList();
    }

    /**
     * The changes that fix one requirement, each with the change it needs right before it (an instance profile is
     * created before the role goes into it). A new role's plan stays whole: nothing of it works alone.
     */
    public FixPlan onlyFor(com.workerrolewizard.core.requirement.RequirementId id) {
        if (newRole) {
            return this;
        }
        List<PlannedChange> kept = new java.util.ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            boolean fixes = changes.get(i).fixes().contains(id);
            boolean prepares = changes.get(i).fixes().isEmpty()
                    && i + 1 < changes.size()
                    && changes.get(i + 1).fixes().contains(id);
            if (fixes || prepares) {
                kept.add(changes.get(i));
            }
        }
        return new FixPlan(role, roleArn, appliance, newRole, before, kept, blockers, problems, notes);
    }

    /** The same plan with one more change at its end (the appliance side, asked for separately). */
    public FixPlan with(PlannedChange change) {
        List<PlannedChange> more = new java.util.ArrayList<>(changes);
        more.add(change);
        return new FixPlan(role, roleArn, appliance, newRole, before, more, blockers, problems, notes);
    }

    /** The same plan, saying what it cannot fix and why. */
    public FixPlan withBlocker(String blocker) {
        List<String> more = new java.util.ArrayList<>(blockers);
        more.add(blocker);
        return new FixPlan(role, roleArn, appliance, newRole, before, changes, more, problems, notes);
    }

    /** The same plan with a note (a hint, a caveat). */
    public FixPlan withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new FixPlan(role, roleArn, appliance, newRole, before, changes, blockers, problems, more);
    }
}
