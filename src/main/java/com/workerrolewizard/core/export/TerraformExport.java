package com.workerrolewizard.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Terraform (HCL, AWS provider 5+) for a passing worker role, with the current resources: {@code aws_iam_role},
 * {@code aws_iam_role_policy} (or {@code aws_iam_policy} plus {@code aws_iam_role_policy_attachment}) and
 * {@code aws_iam_instance_profile}. Documents are heredoc JSON rather than {@code jsonencode}, which would sort
 * their keys: the page's key order is kept. An existing role is adopted with {@code import} blocks.
 */
public final class TerraformExport {

    private TerraformExport() {}

    public static String render(ExportSubject subject) {
        Deployment deployment = Deployment.of(subject);
        StringBuilder out = new StringBuilder();
        String shownName = ControlCharacters.escape(subject.roleName());
        out.append("# Worker Role Wizard ")
                .append(subject.version())
                .append(": Terraform configuration for worker role ")
                .append(shownName)
                .append(".\n# Apply: terraform init && terraform apply\n");
        if (subject.existingRole()) {
            out.append("# Role ")
                    .append(shownName)
                    .append(" exists: the import blocks adopt it (Terraform 1.5 or "
                            + "later);\n# its trust policy here is the role's own")
                    .append(
                            subject.existing().map(e -> e.trustChanged()).orElse(false)
                                    ? ", with the page's missing statements appended.\n"
                                    : ".\n");
        }
        out.append("\nterraform {\n  required_version = \">= 1.5\"\n  required_providers {\n    aws = {\n"
                + "      source  = \"hashicorp/aws\"\n      version = \">= 5.0\"\n    }\n  }\n}\n\n");
        out.append("variable \"appliance_arn\" {\n")
                .append(
                        "  description = \"ARN of the backup appliance's Impersonation role, or of its account (arn:PARTITION:iam::ACCOUNT:root).\"\n")
                .append("  type        = string\n")
                .append("  default     = ")
                .append(string(subject.applianceArn()))
                .append("\n}\n\n");
        out.append("variable \"role_name\" {\n  description = \"Name of the worker role.\"\n  type        = string\n")
                .append("  default     = ")
                .append(string(subject.roleName()))
                .append("\n}\n\n");

        // Stands for the appliance principal until the heredoc is written: random, so no text of the policy equals it.
        // Terraform pastes the variable into the JSON as it is, so an ARN JSON would have to escape stays literal.
        String applianceMark = "@@appliance-" + UUID.randomUUID() + "@@";
        ObjectNode trust = jsonPlain(subject.applianceArn())
                ? Deployment.withAppliance(
                        subject.trustPolicy(), subject.applianceArn(), p -> TextNode.valueOf(applianceMark))
                : subject.trustPolicy();
        List<String[]> role = new ArrayList<>();
        role.add(new String[] {"name", "var.role_name"});
        role.add(new String[] {"path", string(deployment.path())});
        deployment.createRole().ifPresent(create -> {
            if (create.description() != null) {
                role.add(new String[] {"description", string(create.description())});
            }
            if (create.maxSessionDuration() != null) {
                role.add(new String[] {"max_session_duration", String.valueOf(create.maxSessionDuration())});
            }
        });
        if (deployment.permissionsBoundary() != null) {
            role.add(new String[] {"permissions_boundary", string(deployment.permissionsBoundary())});
        }
        role.add(new String[] {"assume_role_policy", heredoc(trust, applianceMark)});
        block(
                out,
                "resource \"aws_iam_role\" \"worker\"",
                role,
                deployment.createRole().map(IamOperation.CreateRole::tags).orElse(List.of()));

        if (subject.mode() == PermissionsMode.INLINE) {
            block(
                    out,
                    "resource \"aws_iam_role_policy\" \"worker_permissions\"",
                    List.of(
                            new String[] {"name", string(deployment.policyName())},
                            new String[] {"role", "aws_iam_role.worker.id"},
                            new String[] {"policy", heredoc(subject.permissionsPolicy(), null)}),
                    List.of());
        } else {
            block(
                    out,
                    "resource \"aws_iam_policy\" \"worker_permissions\"",
                    List.of(
                            new String[] {"name", string(deployment.policyName())},
                            new String[] {"path", "\"/\""},
                            new String[] {"description", "\"Permissions of Veeam Backup for AWS worker instances\""},
                            new String[] {"policy", heredoc(subject.permissionsPolicy(), null)}),
                    List.of());
            block(
                    out,
                    "resource \"aws_iam_role_policy_attachment\" \"worker_permissions\"",
                    List.of(
                            new String[] {"role", "aws_iam_role.worker.name"},
                            new String[] {"policy_arn", "aws_iam_policy.worker_permissions.arn"}),
                    List.of());
        }
        block(
                out,
                "resource \"aws_iam_instance_profile\" \"worker\"",
                List.of(
                        new String[] {
                            "name",
                            deployment.instanceProfileName().equals(subject.roleName())
                                    ? "var.role_name"
                                    : string(deployment.instanceProfileName())
                        },
                        new String[] {"path", string(deployment.instanceProfilePath())},
                        new String[] {"role", "aws_iam_role.worker.name"}),
                List.of());
        if (subject.existingRole()) {
            importBlock(out, "aws_iam_role.worker", subject.roleName());
            if (deployment.importProfile()) {
                importBlock(out, "aws_iam_instance_profile.worker", deployment.instanceProfileName());
            }
            if (deployment.importPolicy()) {
                importBlock(
                        out,
                        "aws_iam_role_policy.worker_permissions",
                        subject.roleName() + ":" + deployment.policyName());
            }
        }
        out.append("output \"role_arn\" {\n  value = aws_iam_role.worker.arn\n}\n\n");
        out.append("output \"instance_profile_arn\" {\n  value = aws_iam_instance_profile.worker.arn\n}\n");
        return out.toString();
    }

    /** A block whose attributes are aligned on their = as terraform fmt aligns them; tags (a map) come last. */
    private static void block(
            StringBuilder out, String header, List<String[]> attributes, List<IamOperation.Tag> tags) {
        int width = attributes.stream().mapToInt(a -> a[0].length()).max().orElse(0);
        if (!tags.isEmpty()) {
            width = Math.max(width, "tags".length());
        }
        out.append(header).append(" {\n");
        for (String[] attribute : attributes) {
            out.append("  ")
                    .append(String.format("%-" + width + "s", attribute[0]))
                    .append(" = ")
                    .append(attribute[1]);
            if (!attribute[1].endsWith("\n")) {
                out.append('\n');
            }
        }
        if (!tags.isEmpty()) {
            int keyWidth =
                    tags.stream().mapToInt(t -> string(t.key()).length()).max().orElse(0);
            out.append("  ").append(String.format("%-" + width + "s", "tags")).append(" = {\n");
            tags.forEach(t -> out.append("    ")
                    .append(String.format("%-" + keyWidth + "s", string(t.key())))
                    .append(" = ")
                    .append(string(t.value()))
                    .append('\n'));
            out.append("  }\n");
        }
        out.append("}\n\n");
    }

    private static void importBlock(StringBuilder out, String to, String id) {
        out.append("import {\n  to = ")
                .append(to)
                .append("\n  id = ")
                .append(string(id))
                .append("\n}\n\n");
    }

    /**
     * A JSON document as an indented heredoc; template sequences in it are escaped, the appliance mark (if any) is a
     * variable. Pretty JSON has no control character and no line that is only a word, so no line can end the heredoc;
     * the marker is chosen to differ from every line all the same.
     */
    private static String heredoc(ObjectNode document, String applianceMark) {
        String json = PolicyJson.pretty(document);
        String marker = ScriptSteps.endMarker("EOT", json);
        StringBuilder out = new StringBuilder("<<-").append(marker).append('\n');
        for (String line : json.lines().toList()) {
            String escaped = escapeTemplate(line);
            out.append("    ")
                    .append(applianceMark == null ? escaped : escaped.replace(applianceMark, "${var.appliance_arn}"))
                    .append('\n');
        }
        return out.append("  ").append(marker).append('\n').toString();
    }

    /** Text JSON writes as it is: no quote, backslash or control character. */
    private static boolean jsonPlain(String text) {
        return text.indexOf('"') < 0 && text.indexOf('\\') < 0 && !ControlCharacters.any(text);
    }

    /** HCL reads ${ and %{ in strings and heredocs as templates; a policy's own ${aws:username} must stay literal. */
    static String escapeTemplate(String text) {
        return text.replace("${", "$${").replace("%{", "%%{");
    }

    /** A quoted HCL string that reads back as exactly this text: escapes for \\, ", control characters and templates. */
    static String string(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\\' || c == '"') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (ControlCharacters.isControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return "\"" + escapeTemplate(out.toString()) + "\"";
    }
}
