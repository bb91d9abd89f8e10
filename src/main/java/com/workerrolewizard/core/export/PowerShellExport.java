package com.workerrolewizard.core.export;

import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.PlannedChange;
import com.workerrolewizard.core.plan.ShellQuote;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The same plan as {@link BashScriptExport}, for Windows admins: PowerShell 5.1 or later calling the AWS CLI v2
 * (the one tool whose commands match the plan's, so the two scripts read alike). Idempotent; stops at the first error.
 */
public final class PowerShellExport {
    private PowerShellExport() {}

    public static String render(ExportSubject subject) {
        StringBuilder out = new StringBuilder();
        ScriptSteps.header(subject, "#").forEach(l -> out.append(l).append('\n'));
        out.append("#Requires -Version 5.1\n")
                .append("$ErrorActionPreference = 'Stop'\n")
                .append("Set-StrictMode -Version 3\n\n")
                .append("function Invoke-Aws {\n")
                .append("    # Runs the AWS CLI; a failed call stops the script.\n")
                .append("    & aws @args\n")
                .append(
                        "    if ($LASTEXITCODE -ne 0) { throw \"aws $($args -join ' ') failed (exit code $LASTEXITCODE).\" }\n")
                .append("}\n\n")
                .append("function Test-Aws {\n")
                .append(
                        "    # True when the AWS CLI call succeeds: a step already done is skipped. Windows PowerShell 5.1\n")
                .append("    # turns redirected error output into a stopping error under 'Stop', so not in here.\n")
                .append("    $previous = $ErrorActionPreference\n")
                .append("    $ErrorActionPreference = 'Continue'\n")
                .append("    try { & aws @args *> $null } finally { $ErrorActionPreference = $previous }\n")
                .append("    return ($LASTEXITCODE -eq 0)\n")
                .append("}\n\n")
                .append("$work = Join-Path ([System.IO.Path]::GetTempPath()) ([System.Guid]::NewGuid().ToString())\n")
                .append("New-Item -ItemType Directory -Path $work | Out-Null\n")
                .append("try {\n");
        List<IamOperation> operations = subject.plan().operations();
        if (ScriptSteps.needsAccount(operations)) {
            String name = ScriptSteps.managedPolicyName(operations);
            out.append("    $callerArn = (Invoke-Aws sts get-caller-identity --query Arn --output text).Trim()\n")
                    .append("    $parts = $callerArn.Split(':')\n")
                    .append("    $policyArn = \"arn:$($parts[1]):iam::$($parts[4]):policy/")
                    .append(ShellQuote.plain(name) ? name + "\"" : "\" + " + q(name))
                    .append("\n\n");
        }
        int step = 1;
        for (PlannedChange change : subject.plan().changes()) {
            IamOperation operation = change.operation();
            out.append("    # Step ")
                    .append(step++)
                    .append(". ")
                    .append(operation.action())
                    .append(": ")
                    .append(ControlCharacters.escape(operation.summary()))
                    .append('\n');
            step(out, operation);
            out.append('\n');
        }
        out.append("    Write-Host ")
                .append(q(ControlCharacters.escape(ScriptSteps.closing(subject))))
                .append('\n');
        if (!subject.plan().blockers().isEmpty()) {
            out.append("    exit 1\n");
        }
        out.append("} finally {\n    Remove-Item -Recurse -Force -Path $work\n}\n");
        return out.toString();
    }

    private static void step(StringBuilder out, IamOperation operation) {
        String guard = guard(operation);
        String indent = guard == null ? "    " : "        ";
        String done =
                q(ControlCharacters.escape("Already done: " + BashScriptExport.stripDot(operation.summary()) + "."));
        if (guard != null) {
            out.append("    if (")
                    .append(guard)
                    .append(") {\n        Write-Host ")
                    .append(done)
                    .append("\n    } else {\n");
        }
        // .NET writes UTF-8 without a byte-order mark: every character of a kept statement stays as it is. A
        // here-string ends only at a line starting with '@, which pretty JSON never has (its lines start with
        // spaces or brackets).
        operation
                .document()
                .ifPresent(d -> out.append(indent)
                        .append("[System.IO.File]::WriteAllText((Join-Path $work '")
                        .append(ScriptSteps.documentFile(operation))
                        .append("'), @'\n")
                        .append(PolicyJson.pretty(d))
                        .append("'@)\n"));
        out.append(indent)
                .append("Invoke-Aws ")
                .append(ScriptSteps.arguments(operation).stream()
                        .map(PowerShellExport::word)
                        .collect(Collectors.joining(" ")))
                .append(" | Out-Null\n");
        out.append(indent)
                .append("Write-Host ")
                .append(q(ControlCharacters.escape("Done: " + BashScriptExport.stripDot(operation.summary()) + ".")))
                .append('\n');
        if (guard != null) {
            out.append("    }\n");
        }
    }

    private static String guard(IamOperation operation) {
        if (operation instanceof IamOperation.CreateRole r) {
            return "Test-Aws iam get-role --role-name " + q(r.roleName());
        }
        if (operation instanceof IamOperation.CreateInstanceProfile p) {
            return "Test-Aws iam get-instance-profile --instance-profile-name " + q(p.instanceProfileName());
        }
        if (operation instanceof IamOperation.AddRoleToInstanceProfile a) {
            String profile = a.instanceProfileName();
            // A plain name keeps the form an admin reads easily; any other goes in single quotes, where nothing
            // expands.
            String query = ShellQuote.plain(profile)
                    ? "\"length(InstanceProfiles[?InstanceProfileName=='" + profile + "'])\""
                    : q(ScriptSteps.profileQuery(profile));
            return "(Invoke-Aws iam list-instance-profiles-for-role --role-name " + q(a.roleName()) + " --query "
                    + query + " --output text).Trim() -ne '0'";
        }
        if (operation instanceof IamOperation.CreatePolicy) {
            return "Test-Aws iam get-policy --policy-arn $policyArn";
        }
        return null;
    }

    private static String word(ScriptSteps.Word word) {
        if (word.literal()) {
            return q(word.text());
        }
        if (word.text().startsWith("file:")) {
            return "\"file://$(Join-Path $work '" + word.text().substring("file:".length()) + "')\"";
        }
        return "$policyArn";
    }

    private static String q(String text) {
        return ShellQuote.powershell(text);
    }
}
