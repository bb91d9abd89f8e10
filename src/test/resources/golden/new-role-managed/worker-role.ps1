# Worker Role Wizard 0.1.0: makes IAM role VeeamWorkerRole meet the four requirements of
# Veeam Backup for AWS worker roles (instance profile, appliance trust, EC2 trust, permissions).
# Appliance: arn:aws:iam::111122223333:role/VeeamImpersonation
# Needs the AWS CLI v2 and credentials that may change IAM roles in the target account.
# Safe to run again: each step checks first or writes the same value; the first error stops it.
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
    $callerArn = (Invoke-Aws sts get-caller-identity --query Arn --output text).Trim()
    $parts = $callerArn.Split(':')
    $policyArn = "arn:$($parts[1]):iam::$($parts[4]):policy/VeeamWorkerPermissions"

    # Step 1. CreateRole: Create role VeeamWorkerRole on path / with a trust policy holding both of the page's statements.
    if (Test-Aws iam get-role --role-name VeeamWorkerRole) {
        Write-Host 'Already done: Create role VeeamWorkerRole on path / with a trust policy holding both of the page''s statements.'
    } else {
        [System.IO.File]::WriteAllText((Join-Path $work 'trust-policy.json'), @'
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
'@)
        Invoke-Aws iam create-role --role-name VeeamWorkerRole --path / --assume-role-policy-document "file://$(Join-Path $work 'trust-policy.json')" | Out-Null
        Write-Host 'Done: Create role VeeamWorkerRole on path / with a trust policy holding both of the page''s statements.'
    }

    # Step 2. CreatePolicy: Create customer managed policy VeeamWorkerPermissions holding the page's permissions policy.
    if (Test-Aws iam get-policy --policy-arn $policyArn) {
        Write-Host 'Already done: Create customer managed policy VeeamWorkerPermissions holding the page''s permissions policy.'
    } else {
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
        Invoke-Aws iam create-policy --policy-name VeeamWorkerPermissions --path / --description 'Permissions of Veeam Backup for AWS worker instances' --policy-document "file://$(Join-Path $work 'permissions-policy.json')" | Out-Null
        Write-Host 'Done: Create customer managed policy VeeamWorkerPermissions holding the page''s permissions policy.'
    }

    # Step 3. AttachRolePolicy: Attach managed policy VeeamWorkerPermissions to role VeeamWorkerRole.
    Invoke-Aws iam attach-role-policy --role-name VeeamWorkerRole --policy-arn $policyArn | Out-Null
    Write-Host 'Done: Attach managed policy VeeamWorkerPermissions to role VeeamWorkerRole.'

    # Step 4. CreateInstanceProfile: Create instance profile VeeamWorkerRole on path /.
    if (Test-Aws iam get-instance-profile --instance-profile-name VeeamWorkerRole) {
        Write-Host 'Already done: Create instance profile VeeamWorkerRole on path /.'
    } else {
        Invoke-Aws iam create-instance-profile --instance-profile-name VeeamWorkerRole --path / | Out-Null
        Write-Host 'Done: Create instance profile VeeamWorkerRole on path /.'
    }

    # Step 5. AddRoleToInstanceProfile: Add role VeeamWorkerRole to instance profile VeeamWorkerRole.
    if ((Invoke-Aws iam list-instance-profiles-for-role --role-name VeeamWorkerRole --query "length(InstanceProfiles[?InstanceProfileName=='VeeamWorkerRole'])" --output text).Trim() -ne '0') {
        Write-Host 'Already done: Add role VeeamWorkerRole to instance profile VeeamWorkerRole.'
    } else {
        Invoke-Aws iam add-role-to-instance-profile --instance-profile-name VeeamWorkerRole --role-name VeeamWorkerRole | Out-Null
        Write-Host 'Done: Add role VeeamWorkerRole to instance profile VeeamWorkerRole.'
    }

    Write-Host 'Done: role VeeamWorkerRole has the changes of the plan.'
} finally {
    Remove-Item -Recurse -Force -Path $work
}
