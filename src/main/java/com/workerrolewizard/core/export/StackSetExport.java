package com.workerrolewizard.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.workerrolewizard.core.plan.ShellQuote;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bash script of AWS CLI v2 commands that rolls the worker role out to an AWS Organization with a service-managed
 * CloudFormation StackSet: the template is {@link CloudFormationExport}'s, embedded or in a file beside the script.
 * It creates the StackSet (or updates it), its stack instances for the targets, an ordinary stack in the management
 * account when that is a target (StackSets never deploy there), and waits for every operation.
 */
public final class StackSetExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackSetExport() {}

    /**
     * @param templateFile the template's file name beside the script; empty to embed the template in the script
     */
    public static String render(ExportSubject subject, Rollout rollout, Optional<String> templateFile) {
        String shownName = ControlCharacters.escape(subject.roleName());
        StringBuilder out = new StringBuilder("#!/usr/bin/env bash\n");
        out.append("# Worker Role Wizard ")
                .append(subject.version())
                .append(": rolls out IAM role ")
                .append(shownName)
                .append(" (a Veeam Backup for AWS worker role) to the\n")
                .append("# accounts of an AWS Organization with a service-managed CloudFormation StackSet.\n")
                .append("# Appliance: ")
                .append(ControlCharacters.escape(subject.applianceArn()))
                .append('\n');
        out.append(HEADER.replace("%ROLE%", shownName));
        out.append("set -euo pipefail\n\n");
        out.append(TARGETS_COMMENT);
        List<String> ous = new ArrayList<>(rollout.organizationalUnits());
        if (rollout.wholeOrganization() && ous.isEmpty()) {
            ous.add("organization");
        }
        out.append("TARGET_OUS=").append(q(String.join(",", ous))).append('\n');
        out.append("TARGET_ACCOUNTS=")
                .append(q(String.join(",", rollout.accounts())))
                .append('\n');
        out.append(
                        "# IAM is global: a role created in one region exists in all of them, so one region of stack instances is\n")
                .append("# enough (a second region would try to create the same role again and fail).\n");
        out.append("REGION=").append(q(rollout.region())).append('\n');
        out.append(SETTINGS);
        out.append("PARAMETERS=").append(q(parameters(subject))).append("\n\n");
        out.append(VALIDATION);
        if (templateFile.isEmpty()) {
            String template = CloudFormationExport.render(subject);
            String marker = ScriptSteps.endMarker("YAML", template);
            out.append("WORK=\"$(mktemp -d)\"\ntrap 'rm -rf \"$WORK\"' EXIT\n")
                    .append("TEMPLATE=\"$WORK/worker-role.yaml\"\n")
                    .append("cat > \"$TEMPLATE\" <<'")
                    .append(marker)
                    .append("'\n")
                    .append(template)
                    .append(template.endsWith("\n") ? "" : "\n")
                    .append(marker)
                    .append("\n\n");
        } else {
            out.append("# The CloudFormation template, written beside this script by the export.\n")
                    .append("TEMPLATE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)/\"")
                    .append(q(templateFile.get()))
                    .append('\n')
                    .append("if [ ! -f \"$TEMPLATE\" ]; then\n")
                    .append(
                            "  echo \"The template $TEMPLATE is missing: keep it beside this script, or export both again.\" >&2\n")
                    .append("  exit 2\nfi\n\n");
        }
        out.append(BODY);
        out.append("echo ")
                .append(q("Done: role " + ControlCharacters.escape(subject.roleName()) + " is rolled out by StackSet"))
                .append(" \"$STACK_SET_NAME\" \"in region $REGION.\"\n");
        return out.toString();
    }

    /** The template's parameters as the JSON list --parameters takes: any role name stays one exact value. */
    static String parameters(ExportSubject subject) {
        ArrayNode list = JSON.createArrayNode();
        for (Map.Entry<String, String> parameter :
                CloudFormationExport.parameters(subject).entrySet()) {
            list.addObject().put("ParameterKey", parameter.getKey()).put("ParameterValue", parameter.getValue());
        }
        return list.toString();
    }

    private static String q(String text) {
        return text.isEmpty() ? "\"\"" : ShellQuote.posix(text);
    }

    private static final String HEADER = """
            # Run it with the AWS CLI v2 and credentials of the organization's management account (or of a delegated
            # administrator for StackSets), once trusted access for CloudFormation StackSets is enabled in Organizations.
            # Automatic deployment gives the role to accounts that join a targeted OU later.
            # StackSets never deploy to the management account: when it is a target, this script deploys an ordinary
            # stack there. An account that has a role named %ROLE% already fails its stack instance (the name is taken):
            # fix such accounts with 'worker-role-wizard fix --accounts ...' instead.
            # Safe to run again: an existing StackSet is updated, each operation is waited for, the first error stops it.
            """;

    private static final String TARGETS_COMMENT = """
            # The targets, comma-separated: organizational unit IDs (ou-...), or organization for every account; and/or
            # account IDs. Accounts alone are those accounts wherever they are; with OUs, only those in the OUs.
            """;

    private static final String SETTINGS = """
            STACK_SET_NAME=veeam-worker-role
            # The ordinary stack in the management account.
            MANAGEMENT_STACK_NAME=veeam-worker-role
            # Automatic deployment acts on OUs (for accounts alone, the organization's root): an account that joins one
            # gets the role, an account that leaves loses it. false keeps the StackSet to the targets named here.
            AUTO_DEPLOYMENT=true
            POLL_SECONDS="${POLL_SECONDS:-15}"
            """;

    private static final String VALIDATION = """
            if [ -z "$TARGET_OUS" ] && [ -z "$TARGET_ACCOUNTS" ]; then
              echo "No target: set TARGET_OUS or TARGET_ACCOUNTS at the top of this script, then run it again." >&2
              exit 2
            fi
            IFS=, read -r -a OUS <<<"$TARGET_OUS"
            IFS=, read -r -a ACCOUNTS <<<"$TARGET_ACCOUNTS"
            for ou in ${OUS[@]+"${OUS[@]}"}; do
              if ! [[ "$ou" =~ ^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32}|organization)$ ]]; then
                echo "TARGET_OUS holds \\"$ou\\", which is no OU ID (ou-ab12-cd34ef56): correct it at the top of this script." >&2
                exit 2
              fi
            done
            for account in ${ACCOUNTS[@]+"${ACCOUNTS[@]}"}; do
              if ! [[ "$account" =~ ^[0-9]{12}$ ]]; then
                echo "TARGET_ACCOUNTS holds \\"$account\\", which is no 12-digit account ID: correct it at the top of this script." >&2
                exit 2
              fi
            done
            if [ "$AUTO_DEPLOYMENT" != true ] && [ "$AUTO_DEPLOYMENT" != false ]; then
              echo "AUTO_DEPLOYMENT is \\"$AUTO_DEPLOYMENT\\": set it to true or false at the top of this script." >&2
              exit 2
            fi

            """;

    private static final String BODY = """
            CALLER_ACCOUNT="$(aws sts get-caller-identity --region "$REGION" --query Account --output text)"
            MANAGEMENT_ACCOUNT="$(aws organizations describe-organization --region "$REGION" --query Organization.MasterAccountId --output text)"
            CALL_AS=()
            if [ "$CALLER_ACCOUNT" != "$MANAGEMENT_ACCOUNT" ]; then
              # Credentials of a delegated administrator: StackSets calls must say so.
              CALL_AS=(--call-as DELEGATED_ADMIN)
            fi
            # What a delegated administrator cannot do: the management account's own stack needs its credentials.
            MANAGEMENT_ADVICE="with its credentials, deploy the CloudFormation export there as an ordinary stack (aws cloudformation deploy --template-file worker-role.yaml --stack-name $MANAGEMENT_STACK_NAME --capabilities CAPABILITY_NAMED_IAM)."

            # Polls a StackSet operation until it ends; a failed or stopped one ends the script with the accounts it failed in.
            wait_for_operation() {
              local operation="$1" status
              echo "Waiting for StackSet operation $operation."
              while true; do
                status="$(aws cloudformation describe-stack-set-operation --stack-set-name "$STACK_SET_NAME" --operation-id "$operation" ${CALL_AS[@]+"${CALL_AS[@]}"} --region "$REGION" --query StackSetOperation.Status --output text)"
                case "$status" in
                  SUCCEEDED)
                    echo "StackSet operation $operation succeeded."
                    return 0
                    ;;
                  RUNNING | QUEUED | STOPPING)
                    sleep "$POLL_SECONDS"
                    ;;
                  *)
                    echo "StackSet operation $operation ended $status; the stack instances that did not succeed:" >&2
                    aws cloudformation list-stack-set-operation-results --stack-set-name "$STACK_SET_NAME" --operation-id "$operation" ${CALL_AS[@]+"${CALL_AS[@]}"} --region "$REGION" --query 'Summaries[?Status!=`SUCCEEDED`].[Account,Status,StatusReason]' --output text >&2 || true
                    exit 1
                    ;;
                esac
              done
            }

            # The OUs, with organization as the organization's root.
            ROOT_ID=""
            root_id() {
              if [ -z "$ROOT_ID" ]; then
                ROOT_ID="$(aws organizations list-roots --region "$REGION" --query 'Roots[0].Id' --output text)"
              fi
              echo "$ROOT_ID"
            }
            OU_IDS=""
            for ou in ${OUS[@]+"${OUS[@]}"}; do
              if [ "$ou" = organization ]; then
                ou="$(root_id)"
                ROOT_ID="$ou"
              fi
              OU_IDS="${OU_IDS:+$OU_IDS,}$ou"
            done

            # The management account is a target when it is named, or when it is in a targeted OU.
            MANAGEMENT_TARGETED=false
            MEMBER_ACCOUNTS=""
            for account in ${ACCOUNTS[@]+"${ACCOUNTS[@]}"}; do
              if [ "$account" = "$MANAGEMENT_ACCOUNT" ]; then
                MANAGEMENT_TARGETED=true
              else
                MEMBER_ACCOUNTS="${MEMBER_ACCOUNTS:+$MEMBER_ACCOUNTS,}$account"
              fi
            done
            if [ -n "$OU_IDS" ] && [ -z "$TARGET_ACCOUNTS" ]; then
              if [ "$CALLER_ACCOUNT" = "$MANAGEMENT_ACCOUNT" ]; then
                child="$MANAGEMENT_ACCOUNT"
                while true; do
                  parent="$(aws organizations list-parents --child-id "$child" --region "$REGION" --query 'Parents[0].[Id,Type]' --output text)"
                  read -r parent_id parent_type <<<"$parent"
                  if [[ ",$OU_IDS," == *",$parent_id,"* ]]; then
                    MANAGEMENT_TARGETED=true
                    break
                  fi
                  if [ "$parent_type" = ROOT ]; then
                    break
                  fi
                  child="$parent_id"
                done
              else
                echo "If the management account $MANAGEMENT_ACCOUNT is in $OU_IDS, StackSets do not deploy to it: $MANAGEMENT_ADVICE" >&2
              fi
            fi

            # The StackSet: created, or updated (with the stacks it has) when it exists.
            if DESCRIBED="$(aws cloudformation describe-stack-set --stack-set-name "$STACK_SET_NAME" ${CALL_AS[@]+"${CALL_AS[@]}"} --region "$REGION" --query StackSet.Status --output text 2>&1)"; then
              echo "StackSet $STACK_SET_NAME exists: updating its template and its stacks."
              OPERATION="$(aws cloudformation update-stack-set --stack-set-name "$STACK_SET_NAME" --template-body "file://$TEMPLATE" --parameters "$PARAMETERS" --capabilities CAPABILITY_NAMED_IAM --auto-deployment "Enabled=$AUTO_DEPLOYMENT,RetainStacksOnAccountRemoval=false" ${CALL_AS[@]+"${CALL_AS[@]}"} --region "$REGION" --query OperationId --output text)"
              wait_for_operation "$OPERATION"
            elif [[ "$DESCRIBED" == *StackSetNotFoundException* ]]; then
              aws cloudformation create-stack-set --stack-set-name "$STACK_SET_NAME" --description "Veeam Backup for AWS worker role" --template-body "file://$TEMPLATE" --parameters "$PARAMETERS" --capabilities CAPABILITY_NAMED_IAM --permission-model SERVICE_MANAGED --auto-deployment "Enabled=$AUTO_DEPLOYMENT,RetainStacksOnAccountRemoval=false" ${CALL_AS[@]+"${CALL_AS[@]}"} --region "$REGION" --query StackSetId --output text >/dev/null
              echo "Created StackSet $STACK_SET_NAME."
            else
              echo "$DESCRIBED" >&2
              exit 1
            fi

            # The stack instances. Creating them takes OUs: accounts are the OUs' accounts (or the organization's) filtered to them.
            if [ -n "$MEMBER_ACCOUNTS" ] || [ -z "$TARGET_ACCOUNTS" ]; then
              if [ -n "$TARGET_ACCOUNTS" ]; then
                DEPLOYMENT_TARGETS="OrganizationalUnitIds=${OU_IDS:-$(root_id)},Accounts=$MEMBER_ACCOUNTS,AccountFilterType=INTERSECTION"
              else
                DEPLOYMENT_TARGETS="OrganizationalUnitIds=$OU_IDS"
              fi
              OPERATION="$(aws cloudformation create-stack-instances --stack-set-name "$STACK_SET_NAME" --deployment-targets "$DEPLOYMENT_TARGETS" --regions "$REGION" ${CALL_AS[@]+"${CALL_AS[@]}"} --region "$REGION" --query OperationId --output text)"
              wait_for_operation "$OPERATION"
            fi

            # The management account: an ordinary stack of the same template.
            if [ "$MANAGEMENT_TARGETED" = true ]; then
              if [ "$CALLER_ACCOUNT" != "$MANAGEMENT_ACCOUNT" ]; then
                echo "The management account $MANAGEMENT_ACCOUNT is a target, and StackSets never deploy to it: $MANAGEMENT_ADVICE" >&2
                exit 1
              fi
              if STACK_STATUS="$(aws cloudformation describe-stacks --stack-name "$MANAGEMENT_STACK_NAME" --region "$REGION" --query 'Stacks[0].StackStatus' --output text 2>&1)"; then
                if UPDATED="$(aws cloudformation update-stack --stack-name "$MANAGEMENT_STACK_NAME" --template-body "file://$TEMPLATE" --parameters "$PARAMETERS" --capabilities CAPABILITY_NAMED_IAM --region "$REGION" --query StackId --output text 2>&1)"; then
                  aws cloudformation wait stack-update-complete --stack-name "$MANAGEMENT_STACK_NAME" --region "$REGION" || { echo "Stack $MANAGEMENT_STACK_NAME in the management account did not update: see aws cloudformation describe-stack-events --stack-name $MANAGEMENT_STACK_NAME" >&2; exit 1; }
                elif [[ "$UPDATED" == *"No updates are to be performed"* ]]; then
                  echo "Stack $MANAGEMENT_STACK_NAME in the management account is up to date."
                else
                  echo "$UPDATED" >&2
                  exit 1
                fi
              elif [[ "$STACK_STATUS" == *"does not exist"* ]]; then
                aws cloudformation create-stack --stack-name "$MANAGEMENT_STACK_NAME" --template-body "file://$TEMPLATE" --parameters "$PARAMETERS" --capabilities CAPABILITY_NAMED_IAM --region "$REGION" --query StackId --output text >/dev/null
                aws cloudformation wait stack-create-complete --stack-name "$MANAGEMENT_STACK_NAME" --region "$REGION" || { echo "Stack $MANAGEMENT_STACK_NAME in the management account was not created: see aws cloudformation describe-stack-events --stack-name $MANAGEMENT_STACK_NAME" >&2; exit 1; }
              else
                echo "$STACK_STATUS" >&2
                exit 1
              fi
              echo "Stack $MANAGEMENT_STACK_NAME holds the role in the management account $MANAGEMENT_ACCOUNT."
            fi

            """;
}
