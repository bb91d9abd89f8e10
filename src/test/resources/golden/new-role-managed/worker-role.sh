#!/usr/bin/env bash
# Worker Role Wizard 0.1.0: makes IAM role VeeamWorkerRole meet the four requirements of
# Veeam Backup for AWS worker roles (instance profile, appliance trust, EC2 trust, permissions).
# Appliance: arn:aws:iam::111122223333:role/VeeamImpersonation
# Needs the AWS CLI v2 and credentials that may change IAM roles in the target account.
# Safe to run again: each step checks first or writes the same value; the first error stops it.
set -euo pipefail

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CALLER_ARN="$(aws sts get-caller-identity --query Arn --output text)"
POLICY_ARN="arn:$(cut -d: -f2 <<<"$CALLER_ARN"):iam::$(cut -d: -f5 <<<"$CALLER_ARN"):policy/VeeamWorkerPermissions"

# Step 1. CreateRole: Create role VeeamWorkerRole on path / with a trust policy holding both of the page's statements.
if aws iam get-role --role-name VeeamWorkerRole >/dev/null 2>&1; then
  echo 'Already done: Create role VeeamWorkerRole on path / with a trust policy holding both of the page'\''s statements.'
else
  cat > "$WORK/trust-policy.json" <<'JSON'
{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Principal": {
                "AWS": "arn:aws:iam::111122223333:role/VeeamImpersonation"
            }
        },
        {
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Principal": {
                "Service": "ec2.amazonaws.com"
            }
        }
    ]
}
JSON
  aws iam create-role --role-name VeeamWorkerRole --path / --assume-role-policy-document "file://$WORK/trust-policy.json" >/dev/null
  echo 'Done: Create role VeeamWorkerRole on path / with a trust policy holding both of the page'\''s statements.'
fi

# Step 2. CreatePolicy: Create customer managed policy VeeamWorkerPermissions holding the page's permissions policy.
if aws iam get-policy --policy-arn "$POLICY_ARN" >/dev/null 2>&1; then
  echo 'Already done: Create customer managed policy VeeamWorkerPermissions holding the page'\''s permissions policy.'
else
  cat > "$WORK/permissions-policy.json" <<'JSON'
{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Action": [
                "ec2messages:AcknowledgeMessage",
                "ec2messages:DeleteMessage",
                "ec2messages:FailMessage",
                "ec2messages:GetEndpoint",
                "ec2messages:GetMessages",
                "ec2messages:SendReply",
                "iam:GetContextKeysForPrincipalPolicy",
                "iam:GetRole",
                "iam:ListInstanceProfilesForRole",
                "iam:SimulatePrincipalPolicy",
                "sqs:DeleteMessage",
                "sqs:ListQueues",
                "sqs:ReceiveMessage",
                "sqs:SendMessage",
                "ssm:DescribeAssociation",
                "ssm:DescribeDocument",
                "ssm:GetDeployablePatchSnapshotForInstance",
                "ssm:GetDocument",
                "ssm:GetManifest",
                "ssm:GetParameter",
                "ssm:GetParameters",
                "ssm:ListAssociations",
                "ssm:ListInstanceAssociations",
                "ssm:PutComplianceItems",
                "ssm:PutConfigurePackageResult",
                "ssm:PutInventory",
                "ssm:UpdateAssociationStatus",
                "ssm:UpdateInstanceAssociationStatus",
                "ssm:UpdateInstanceInformation",
                "ssmmessages:CreateControlChannel",
                "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel",
                "ssmmessages:OpenDataChannel"
            ],
            "Resource": "*",
            "Effect": "Allow"
        }
    ]
}
JSON
  aws iam create-policy --policy-name VeeamWorkerPermissions --path / --description 'Permissions of Veeam Backup for AWS worker instances' --policy-document "file://$WORK/permissions-policy.json" >/dev/null
  echo 'Done: Create customer managed policy VeeamWorkerPermissions holding the page'\''s permissions policy.'
fi

# Step 3. AttachRolePolicy: Attach managed policy VeeamWorkerPermissions to role VeeamWorkerRole.
aws iam attach-role-policy --role-name VeeamWorkerRole --policy-arn "$POLICY_ARN" >/dev/null
echo 'Done: Attach managed policy VeeamWorkerPermissions to role VeeamWorkerRole.'

# Step 4. CreateInstanceProfile: Create instance profile VeeamWorkerRole on path /.
if aws iam get-instance-profile --instance-profile-name VeeamWorkerRole >/dev/null 2>&1; then
  echo 'Already done: Create instance profile VeeamWorkerRole on path /.'
else
  aws iam create-instance-profile --instance-profile-name VeeamWorkerRole --path / >/dev/null
  echo 'Done: Create instance profile VeeamWorkerRole on path /.'
fi

# Step 5. AddRoleToInstanceProfile: Add role VeeamWorkerRole to instance profile VeeamWorkerRole.
PROFILE_HOLDS_ROLE="$(aws iam list-instance-profiles-for-role --role-name VeeamWorkerRole --query "length(InstanceProfiles[?InstanceProfileName=='VeeamWorkerRole'])" --output text)"
if [ "$PROFILE_HOLDS_ROLE" != "0" ]; then
  echo 'Already done: Add role VeeamWorkerRole to instance profile VeeamWorkerRole.'
else
  aws iam add-role-to-instance-profile --instance-profile-name VeeamWorkerRole --role-name VeeamWorkerRole >/dev/null
  echo 'Done: Add role VeeamWorkerRole to instance profile VeeamWorkerRole.'
fi

echo 'Done: role VeeamWorkerRole has the changes of the plan.'
