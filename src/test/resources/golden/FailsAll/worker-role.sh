#!/usr/bin/env bash
# Worker Role Wizard 0.1.0: makes IAM role FailsAll meet the four requirements of
# Veeam Backup for AWS worker roles (instance profile, appliance trust, EC2 trust, permissions).
# Appliance: arn:aws:iam::111122223333:role/VeeamImpersonation
# Needs the AWS CLI v2 and credentials that may change IAM roles in the target account.
# Safe to run again: each step checks first or writes the same value; the first error stops it.
# The trust policy below is the role's trust policy as it was read, with the page's missing
# statements appended: if someone changed the role's trust policy since, export again.
set -euo pipefail

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Step 1. UpdateAssumeRolePolicy: Append the page's appliance statement and the page's EC2 statement to the trust policy of role FailsAll, keeping every statement it has.
cat > "$WORK/trust-policy.json" <<'JSON'
{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Principal": {
                "Service": "lambda.amazonaws.com"
            }
        },
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
aws iam update-assume-role-policy --role-name FailsAll --policy-document "file://$WORK/trust-policy.json" >/dev/null
echo 'Done: Append the page'\''s appliance statement and the page'\''s EC2 statement to the trust policy of role FailsAll, keeping every statement it has.'

# Step 2. PutRolePolicy: Add inline policy VeeamWorkerPermissions (the page's permissions policy) to role FailsAll.
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
aws iam put-role-policy --role-name FailsAll --policy-name VeeamWorkerPermissions --policy-document "file://$WORK/permissions-policy.json" >/dev/null
echo 'Done: Add inline policy VeeamWorkerPermissions (the page'\''s permissions policy) to role FailsAll.'

# Step 3. CreateInstanceProfile: Create instance profile FailsAll on path /.
if aws iam get-instance-profile --instance-profile-name FailsAll >/dev/null 2>&1; then
  echo 'Already done: Create instance profile FailsAll on path /.'
else
  aws iam create-instance-profile --instance-profile-name FailsAll --path / >/dev/null
  echo 'Done: Create instance profile FailsAll on path /.'
fi

# Step 4. AddRoleToInstanceProfile: Add role FailsAll to instance profile FailsAll.
PROFILE_HOLDS_ROLE="$(aws iam list-instance-profiles-for-role --role-name FailsAll --query "length(InstanceProfiles[?InstanceProfileName=='FailsAll'])" --output text)"
if [ "$PROFILE_HOLDS_ROLE" != "0" ]; then
  echo 'Already done: Add role FailsAll to instance profile FailsAll.'
else
  aws iam add-role-to-instance-profile --instance-profile-name FailsAll --role-name FailsAll >/dev/null
  echo 'Done: Add role FailsAll to instance profile FailsAll.'
fi

echo 'Done: role FailsAll has the changes of the plan.'
