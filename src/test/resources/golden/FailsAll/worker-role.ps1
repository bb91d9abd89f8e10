# Worker Role Wizard 0.1.0: makes IAM role FailsAll meet the four requirements of
# Veeam Backup for AWS worker roles (instance profile, appliance trust, EC2 trust, permissions).
# Appliance: arn:aws:iam::111122223333:role/VeeamImpersonation
# Needs the AWS CLI v2 and credentials that may change IAM roles in the target account.
# Safe to run again: each step checks first or writes the same value; the first error stops it.
# The trust policy below is the role's trust policy as it was read, with the page's missing
# statements appended: if someone changed the role's trust policy since, export again.
#Requires -Version 5.1
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

function Invoke-Aws {
    # Runs the AWS CLI; a failed call stops the script.
    & aws @args
    if ($LASTEXITCODE -ne 0) { throw "aws $($args -join ' ') failed (exit code $LASTEXITCODE)." }
}

function Test-Aws {
    # True when the AWS CLI call succeeds: a step already done is skipped. Windows PowerShell 5.1
    # turns redirected error output into a stopping error under 'Stop', so not in here.
    $previous = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try { & aws @args *> $null } finally { $ErrorActionPreference = $previous }
    return ($LASTEXITCODE -eq 0)
}

$work = Join-Path ([System.IO.Path]::GetTempPath()) ([System.Guid]::NewGuid().ToString())
New-Item -ItemType Directory -Path $work | Out-Null
try {
    # Step 1. UpdateAssumeRolePolicy: Append the page's appliance statement and the page's EC2 statement to the trust policy of role FailsAll, keeping every statement it has.
    [System.IO.File]::WriteAllText((Join-Path $work 'trust-policy.json'), @'
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
'@)
    Invoke-Aws iam update-assume-role-policy --role-name FailsAll --policy-document "file://$(Join-Path $work 'trust-policy.json')" | Out-Null
    Write-Host 'Done: Append the page''s appliance statement and the page''s EC2 statement to the trust policy of role FailsAll, keeping every statement it has.'

    # Step 2. PutRolePolicy: Add inline policy VeeamWorkerPermissions (the page's permissions policy) to role FailsAll.
    [System.IO.File]::WriteAllText((Join-Path $work 'permissions-policy.json'), @'
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
'@)
    Invoke-Aws iam put-role-policy --role-name FailsAll --policy-name VeeamWorkerPermissions --policy-document "file://$(Join-Path $work 'permissions-policy.json')" | Out-Null
    Write-Host 'Done: Add inline policy VeeamWorkerPermissions (the page''s permissions policy) to role FailsAll.'

    # Step 3. CreateInstanceProfile: Create instance profile FailsAll on path /.
    if (Test-Aws iam get-instance-profile --instance-profile-name FailsAll) {
        Write-Host 'Already done: Create instance profile FailsAll on path /.'
    } else {
        Invoke-Aws iam create-instance-profile --instance-profile-name FailsAll --path / | Out-Null
        Write-Host 'Done: Create instance profile FailsAll on path /.'
    }

    # Step 4. AddRoleToInstanceProfile: Add role FailsAll to instance profile FailsAll.
    if ((Invoke-Aws iam list-instance-profiles-for-role --role-name FailsAll --query "length(InstanceProfiles[?InstanceProfileName=='FailsAll'])" --output text).Trim() -ne '0') {
        Write-Host 'Already done: Add role FailsAll to instance profile FailsAll.'
    } else {
        Invoke-Aws iam add-role-to-instance-profile --instance-profile-name FailsAll --role-name FailsAll | Out-Null
        Write-Host 'Done: Add role FailsAll to instance profile FailsAll.'
    }

    Write-Host 'Done: role FailsAll has the changes of the plan.'
} finally {
    Remove-Item -Recurse -Force -Path $work
}
