package com.workerrolewizard.core.plan;

import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan as an admin reads it before anything is written: what fails, each operation with its document
 * (the trust policy as a before/after diff) and the equivalent AWS CLI command, then what the plan cannot
 * fix and what it assumed. Names and texts from outside are shown with their control characters escaped, so none
 * can fake a line or a colour.
 */
public final class PlanText {
    private PlanText() {}

    public static String render(FixPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append(plan.newRole() ? "Plan to create role " : "Plan for role ").append(shown(plan.role()));
        if (plan.roleArn() != null) {
            out.append(" (").append(shown(plan.roleArn())).append(')');
        }
        out.append("\nAppliance ").append(shown(plan.appliance())).append("\n\n");
        boolean failing = false;
        for (RequirementResult result : plan.before()) {
            if (result.status() == Status.FAIL || result.status() == Status.UNKNOWN) {
                out.append("  ")
                        .append(String.format("%-9s", "[" + result.status() + "]"))
                        .append(' ')
                        .append(result.id().id())
                        .append(": ")
                        .append(shown(result.detail()))
                        .append('\n');
                failing = true;
            }
        }
        if (failing) {
            out.append('\n');
        }
        if (plan.empty()) {
            out.append(
                    plan.blockers().isEmpty()
                            ? "Nothing to change: the role meets every requirement it can.\n"
                            : "Nothing the plan can change.\n");
        }
        int step = 1;
        for (PlannedChange change : plan.changes()) {
            IamOperation operation = change.operation();
            out.append("Step ").append(step++).append(". ").append(operation.action());
            if (!change.fixes().isEmpty()) {
                out.append("  (fixes ")
                        .append(change.fixes().stream().map(RequirementId::id).collect(Collectors.joining(", ")))
                        .append(')');
            }
            out.append('\n').append("  ").append(shown(operation.summary())).append('\n');
            if (operation instanceof IamOperation.UpdateAssumeRolePolicy update) {
                out.append("  Trust policy (- before, + after):\n");
                indent(
                        out,
                        TextDiff.lines(PolicyJson.pretty(update.before()), PolicyJson.pretty(update.after())),
                        "    ");
            } else {
                operation.document().ifPresent(d -> {
                    out.append("  Document:\n");
                    indent(out, PolicyJson.pretty(d).lines().toList(), "    ");
                });
            }
            out.append("  AWS CLI:\n    ")
                    .append(shown(ShellQuote.awsCli(operation.cliArguments())))
                    .append("\n\n");
        }
        section(out, "Cannot be fixed by this plan", plan.blockers());
        section(out, "Limits this plan would break (it will not run)", plan.problems());
        section(out, "Notes", plan.notes());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append(":\n");
        lines.forEach(l -> out.append("  - ").append(shown(l)).append('\n'));
        out.append('\n');
    }

    /** Documents come escaped from PolicyJson and the CLI line from ShellQuote; escaping them again changes nothing. */
    private static void indent(StringBuilder out, List<String> lines, String prefix) {
        lines.forEach(l -> out.append(prefix).append(shown(l)).append('\n'));
    }

    private static String shown(String text) {
        return ControlCharacters.escape(text);
    }
}
