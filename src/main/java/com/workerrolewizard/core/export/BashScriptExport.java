package com.workerrolewizard.core.export;

import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.PlannedChange;
import com.workerrolewizard.core.plan.ShellQuote;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.List;
import java.util.stream.Collectors;

/** A bash script of AWS CLI v2 commands that applies the plan; idempotent, stops at the first error. */
public final class BashScriptExport {
    private BashScriptExport() {}

    public static String render(ExportSubject subject) {
        StringBuilder out = new StringBuilder("#!/usr/bin/env bash\n");
        ScriptSteps.header(subject, "#").forEach(l -> out.append(l).append('\n'));
        out.append("set -euo pipefail\n\n");
        out.append("WORK=\"$(mktemp -d)\"\ntrap 'rm -rf \"$WORK\"' EXIT\n");
        List<IamOperation> operations = subject.plan().operations();
        if (ScriptSteps.needsAccount(operations)) {
            String name = ScriptSteps.managedPolicyName(operations);
            out.append("CALLER_ARN=\"$(aws sts get-caller-identity --query Arn --output text)\"\n")
                    .append(
                            "POLICY_ARN=\"arn:$(cut -d: -f2 <<<\"$CALLER_ARN\"):iam::$(cut -d: -f5 <<<\"$CALLER_ARN\"):policy/")
                    .append(ShellQuote.plain(name) ? name + "\"" : "\"" + q(name))
                    .append('\n');
        }
        out.append('\n');
        int step = 1;
        for (PlannedChange change : subject.plan().changes()) {
            IamOperation operation = change.operation();
            out.append("# Step ")
                    .append(step++)
                    .append(". ")
                    .append(operation.action())
                    .append(": ")
                    .append(ControlCharacters.escape(operation.summary()))
                    .append('\n');
            step(out, operation);
            out.append('\n');
        }
        out.append("echo ")
                .append(q(ControlCharacters.escape(ScriptSteps.closing(subject))))
                .append('\n');
        if (!subject.plan().blockers().isEmpty()) {
            out.append("exit 1\n");
        }
        return out.toString();
    }

    private static void step(StringBuilder out, IamOperation operation) {
        String guard = guard(operation);
        String indent = guard == null ? "" : "  ";
        if (operation instanceof IamOperation.AddRoleToInstanceProfile a) {
            out.append("PROFILE_HOLDS_ROLE=\"$(aws iam list-instance-profiles-for-role --role-name ")
                    .append(q(a.roleName()))
                    .append(" --query ")
                    .append(query(a.instanceProfileName()))
                    .append(" --output text)\"\n");
        }
        if (guard != null) {
            out.append("if ")
                    .append(guard)
                    .append("; then\n  echo ")
                    .append(q(ControlCharacters.escape("Already done: " + stripDot(operation.summary()) + ".")))
                    .append("\nelse\n");
        }
        operation.document().ifPresent(d -> {
            String json = PolicyJson.pretty(d);
            String marker = ScriptSteps.endMarker("JSON", json);
            out.append(indent)
                    .append("cat > \"$WORK/")
                    .append(ScriptSteps.documentFile(operation))
                    .append("\" <<'")
                    .append(marker)
                    .append("'\n")
                    .append(json)
                    .append(marker)
                    .append('\n');
        });
        out.append(indent)
                .append("aws ")
                .append(ScriptSteps.arguments(operation).stream()
                        .map(BashScriptExport::word)
                        .collect(Collectors.joining(" ")))
                .append(" >/dev/null\n");
        out.append(indent)
                .append("echo ")
                .append(q(ControlCharacters.escape("Done: " + stripDot(operation.summary()) + ".")))
                .append('\n');
        if (guard != null) {
            out.append("fi\n");
        }
    }

    /** The check that makes a create step safe to run again; null for calls that are idempotent as they are. */
    private static String guard(IamOperation operation) {
        if (operation instanceof IamOperation.CreateRole r) {
            return "aws iam get-role --role-name " + q(r.roleName()) + " >/dev/null 2>&1";
        }
        if (operation instanceof IamOperation.CreateInstanceProfile p) {
            return "aws iam get-instance-profile --instance-profile-name " + q(p.instanceProfileName())
                    + " >/dev/null 2>&1";
        }
        if (operation instanceof IamOperation.AddRoleToInstanceProfile) {
            // The count is read before the if: inside an if condition, set -e would not stop on a failed call.
            return "[ \"$PROFILE_HOLDS_ROLE\" != \"0\" ]";
        }
        if (operation instanceof IamOperation.CreatePolicy) {
            return "aws iam get-policy --policy-arn \"$POLICY_ARN\" >/dev/null 2>&1";
        }
        return null;
    }

    /**
     * The --query that counts the role's instance profiles of this name. A plain name keeps the form an admin reads
     * easily; any other is one single-quoted word, the name a JMESPath raw string ({@code \'} for a quote).
     */
    private static String query(String profile) {
        if (ShellQuote.plain(profile)) {
            return "\"length(InstanceProfiles[?InstanceProfileName=='" + profile + "'])\"";
        }
        return q(ScriptSteps.profileQuery(profile));
    }

    private static String word(ScriptSteps.Word word) {
        if (word.literal()) {
            return q(word.text());
        }
        if (word.text().startsWith("file:")) {
            return "\"file://$WORK/" + word.text().substring("file:".length()) + "\"";
        }
        return "\"$" + word.text() + "\"";
    }

    private static String q(String text) {
        return ShellQuote.posix(text);
    }

    static String stripDot(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
