#!/usr/bin/env bash
# Worker Role Wizard 0.1.0: makes IAM role DenyTrust meet the four requirements of
# Veeam Backup for AWS worker roles (instance profile, appliance trust, EC2 trust, permissions).
# Appliance: arn:aws:iam::111122223333:role/VeeamImpersonation
# Needs the AWS CLI v2 and credentials that may change IAM roles in the target account.
# Safe to run again: each step checks first or writes the same value; the first error stops it.
# NOT FIXED by this script: The trust policy's statement 3 (Sid "BlockVeeam") denies sts:AssumeRole to the appliance role arn:aws:iam::111122223333:role/VeeamImpersonation; the plan leaves it as it is, and no added statement can win over it: remove or narrow it yourself.
set -euo pipefail

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo 'Role DenyTrust still does not meet every requirement: see NOT FIXED at the top of this script.'
exit 1
