# Worker Role Wizard 0.1.0: makes IAM role DenyTrust meet the four requirements of
# Veeam Backup for AWS worker roles (instance profile, appliance trust, EC2 trust, permissions).
# Appliance: arn:aws:iam::111122223333:role/VeeamImpersonation
# Needs the AWS CLI v2 and credentials that may change IAM roles in the target account.
# Safe to run again: each step checks first or writes the same value; the first error stops it.
# NOT FIXED by this script: The trust policy's statement 3 (Sid "BlockVeeam") denies sts:AssumeRole to the appliance role arn:aws:iam::111122223333:role/VeeamImpersonation; the plan leaves it as it is, and no added statement can win over it: remove or narrow it yourself.
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
    Write-Host 'Role DenyTrust still does not meet every requirement: see NOT FIXED at the top of this script.'
    exit 1
} finally {
    Remove-Item -Recurse -Force -Path $work
}
