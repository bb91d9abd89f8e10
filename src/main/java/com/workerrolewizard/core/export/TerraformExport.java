package com.workerrolewizard.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.policy.PolicyJson;

/**
 * Terraform (HCL, AWS provider 5+) for a passing worker role, with the current resources: {@code aws_iam_role},
 * {@code aws_iam_role_policy} (or {@code aws_iam_policy} plus {@code aws_iam_role_policy_attachment}) and
 * {@code aws_iam_instance_profile}. Documents are heredoc JSON rather than {@code jsonencode}, which would sort
 * their keys: the page's key order is kept. An existing role is adopted with {@code import} blocks.
 */
public final class TerraformExport {
    /** Stands for the appliance principal in the tree until the heredoc is written; printable, so JSON leaves it alone. */
    private static final String APPLIANCE_MARK = "@@worker-role-wizard:appliance_arn@@";

    private TerraformExport() {
    }

    public static String render(ExportSubject subject) {
        Deployment deployment = Deployment.of(subject);
        StringBuilder out = new StringBuilder();
        out.append("# Worker Role Wizard ").append(subject.version()).append(": Terraform configuration for worker role ")
                .append(subject.roleName()).append(".\n# Apply: terraform init && terraform apply\n");
        if (subject.existingRole()) {
            out.append("# Role ").append(subject.roleName()).append(" exists: the import blocks adopt it (Terraform 1.5 or "
                    + "later);\n# its trust policy here is the role's own, with the page's missing statements appended.\n");
        }
        out.append("\nterraform {\n  required_version = \">= 1.5\"\n  required_providers {\n    aws = {\n"
                + "      source  = \"hashicorp/aws\"\n      version = \">= 5.0\"\n    }\n  }\n}\n\n");
        out.append("variable \"appliance_arn\" {\n")
                .append("  description = \"ARN of the backup appliance's Impersonation role, or of its account (arn:PARTITION:iam::ACCOUNT:root).\"\n")
                .append("  type        = string\n")
                .append("  default     = ").append(string(subject.applianceArn())).append("\n}\n\n");
        out.append("variable \"role_name\" {\n  description = \"Name of the worker role.\"\n  type        = string\n")
                .append("  default     = ").append(string(subject.roleName())).append("\n}\n\n");

        out.append("resource \"aws_iam_role\" \"worker\" {\n  name = var.role_name\n  path = ")
                .append(string(deployment.path())).append('\n');
        deployment.createRole().ifPresent(create -> roleOptions(out, create));
        ObjectNode trust = Deployment.withAppliance(subject.trustPolicy(), subject.applianceArn(),
                p -> TextNode.valueOf(APPLIANCE_MARK));
        out.append("  assume_role_policy = ").append(heredoc(trust)).append("}\n\n");

        if (subject.mode() == PermissionsMode.INLINE) {
            out.append("resource \"aws_iam_role_policy\" \"worker_permissions\" {\n  name   = ")
                    .append(string(deployment.policyName())).append("\n  role   = aws_iam_role.worker.id\n  policy = ")
                    .append(heredoc(subject.permissionsPolicy())).append("}\n\n");
        } else {
            out.append("resource \"aws_iam_policy\" \"worker_permissions\" {\n  name        = ")
                    .append(string(deployment.policyName())).append("\n  path        = \"/\"\n")
                    .append("  description = \"Permissions of Veeam Backup for AWS worker instances\"\n  policy      = ")
                    .append(heredoc(subject.permissionsPolicy())).append("}\n\n");
            out.append("resource \"aws_iam_role_policy_attachment\" \"worker_permissions\" {\n")
                    .append("  role       = aws_iam_role.worker.name\n")
                    .append("  policy_arn = aws_iam_policy.worker_permissions.arn\n}\n\n");
        }
        out.append("resource \"aws_iam_instance_profile\" \"worker\" {\n  name = ")
                .append(deployment.instanceProfileName().equals(subject.roleName()) ? "var.role_name"
                        : string(deployment.instanceProfileName()))
                .append("\n  path = ").append(string(deployment.path())).append("\n  role = aws_iam_role.worker.name\n}\n\n");
        if (subject.existingRole()) {
            out.append("import {\n  to = aws_iam_role.worker\n  id = ").append(string(subject.roleName())).append("\n}\n\n");
            if (deployment.importProfile()) {
                out.append("import {\n  to = aws_iam_instance_profile.worker\n  id = ")
                        .append(string(deployment.instanceProfileName())).append("\n}\n\n");
            }
        }
        out.append("output \"role_arn\" {\n  value = aws_iam_role.worker.arn\n}\n\n");
        out.append("output \"instance_profile_arn\" {\n  value = aws_iam_instance_profile.worker.arn\n}\n");
        return out.toString();
    }

    private static void roleOptions(StringBuilder out, IamOperation.CreateRole create) {
        if (create.description() != null) {
            out.append("  description = ").append(string(create.description())).append('\n');
        }
        if (create.permissionsBoundaryArn() != null) {
            out.append("  permissions_boundary = ").append(string(create.permissionsBoundaryArn())).append('\n');
        }
        if (create.maxSessionDuration() != null) {
            out.append("  max_session_duration = ").append(create.maxSessionDuration()).append('\n');
        }
        if (!create.tags().isEmpty()) {
            out.append("  tags = {\n");
            create.tags().forEach(t -> out.append("    ").append(string(t.key())).append(" = ").append(string(t.value()))
                    .append('\n'));
            out.append("  }\n");
        }
    }

    /** A JSON document as an indented heredoc; template sequences in it are escaped, the appliance mark is a variable. */
    private static String heredoc(ObjectNode document) {
        StringBuilder out = new StringBuilder("<<-EOT\n");
        for (String line : PolicyJson.pretty(document).lines().toList()) {
            out.append("    ").append(escapeTemplate(line).replace(APPLIANCE_MARK, "${var.appliance_arn}")).append('\n');
        }
        return out.append("  EOT\n").toString();
    }

    /** HCL reads ${ and %{ in strings and heredocs as templates; a policy's own ${aws:username} must stay literal. */
    static String escapeTemplate(String text) {
        return text.replace("${", "$${").replace("%{", "%%{");
    }

    static String string(String text) {
        return "\"" + escapeTemplate(text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")) + "\"";
    }
}
