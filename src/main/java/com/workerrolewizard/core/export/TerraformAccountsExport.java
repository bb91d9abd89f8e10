package com.workerrolewizard.core.export;

import com.workerrolewizard.core.text.ControlCharacters;

/**
 * Terraform for the worker role in many accounts: per account a provider alias that assumes a role in it and a call
 * of the module that holds the one-account export ({@link TerraformExport}), so the role's resources are written once.
 */
public final class TerraformAccountsExport {
    /** The session name CloudTrail shows in each account: who entered it, and why. */
    static final String SESSION_NAME = "worker-role-wizard-rollout";

    private TerraformAccountsExport() {}

    /** @param moduleSource where the one-account export lies, such as {@code ./worker-role} */
    public static String render(ExportSubject subject, Rollout rollout, String moduleSource) {
        StringBuilder out = new StringBuilder();
        String shownName = ControlCharacters.escape(subject.roleName());
        String partition = subject.applianceArn().split(":", -1)[1];
        out.append("# Worker Role Wizard ")
                .append(subject.version())
                .append(": Terraform configuration for worker role ")
                .append(shownName)
                .append(" in ")
                .append(rollout.accounts().size())
                .append(rollout.accounts().size() == 1 ? " account.\n" : " accounts.\n");
        out.append("# Per account, a provider alias assumes role ")
                .append(ControlCharacters.escape(rollout.assumeRole()))
                .append(" there and a module call creates the role\n# with the one-account configuration in ")
                .append(ControlCharacters.escape(moduleSource))
                .append(
                        " (worker-role-wizard export --format terraform;\n# with --output the export writes it there).\n");
        out.append("# Terraform has no for_each on provider blocks, hence one alias and one module call per account;\n"
                + "# OpenTofu 1.9 or later could write each once, with for_each over the account IDs.\n");
        out.append("# The account your credentials belong to needs no assume_role (the management account has no\n"
                + "# OrganizationAccountAccessRole): delete that block from its provider.\n");
        out.append("# Apply: terraform init && terraform apply\n\n");
        out.append("terraform {\n  required_version = \">= 1.5\"\n  required_providers {\n    aws = {\n"
                + "      source  = \"hashicorp/aws\"\n      version = \">= 5.0\"\n    }\n  }\n}\n\n");
        out.append("variable \"appliance_arn\" {\n")
                .append("  description = \"ARN of the backup appliance's Impersonation role, or of its account "
                        + "(arn:PARTITION:iam::ACCOUNT:root).\"\n")
                .append("  type        = string\n  default     = ")
                .append(TerraformExport.string(subject.applianceArn()))
                .append("\n}\n\n");
        out.append("variable \"role_name\" {\n  description = \"Name of the worker role.\"\n  type        = string\n")
                .append("  default     = ")
                .append(TerraformExport.string(subject.roleName()))
                .append("\n}\n\n");
        out.append("variable \"region\" {\n  description = \"The region of the AWS providers (IAM is global).\"\n"
                        + "  type        = string\n  default     = ")
                .append(TerraformExport.string(rollout.region()))
                .append("\n}\n\n");
        for (String account : rollout.accounts()) {
            out.append("provider \"aws\" {\n  alias  = \"")
                    .append(alias(account))
                    .append("\"\n  region = var.region\n  assume_role {\n");
            String roleArn = "arn:" + partition + ":iam::" + account + ":role/" + rollout.assumeRole();
            out.append("    role_arn     = ")
                    .append(TerraformExport.string(roleArn))
                    .append('\n');
            out.append("    session_name = \"").append(SESSION_NAME).append("\"\n");
            rollout.externalId()
                    .ifPresent(id -> out.append("    external_id  = ")
                            .append(TerraformExport.string(id))
                            .append('\n'));
            out.append("  }\n}\n\n");
        }
        for (String account : rollout.accounts()) {
            out.append("module \"worker_role_")
                    .append(account)
                    .append("\" {\n  source        = ")
                    .append(TerraformExport.string(moduleSource))
                    .append("\n  providers     = { aws = aws.")
                    .append(alias(account))
                    .append(" }\n  appliance_arn = var.appliance_arn\n  role_name     = var.role_name\n}\n\n");
        }
        out.append("output \"role_arns\" {\n  value = {\n");
        for (String account : rollout.accounts()) {
            out.append("    \"")
                    .append(account)
                    .append("\" = module.worker_role_")
                    .append(account)
                    .append(".role_arn\n");
        }
        out.append("  }\n}\n");
        return out.toString();
    }

    static String alias(String account) {
        return "account_" + account;
    }
}
