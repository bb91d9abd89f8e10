# Worker Role Wizard 0.1.0: Terraform configuration for worker role VeeamWorkerRole.
# Apply: terraform init && terraform apply

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "appliance_arn" {
  description = "ARN of the backup appliance's Impersonation role, or of its account (arn:PARTITION:iam::ACCOUNT:root)."
  type        = string
  default     = "arn:aws:iam::111122223333:role/VeeamImpersonation"
}

variable "role_name" {
  description = "Name of the worker role."
  type        = string
  default     = "VeeamWorkerRole"
}

resource "aws_iam_role" "worker" {
  name               = var.role_name
  path               = "/"
  assume_role_policy = <<-EOT
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": "sts:AssumeRole",
                "Principal": {
                    "AWS": "${var.appliance_arn}"
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
  EOT
}

resource "aws_iam_role_policy" "worker_permissions" {
  name   = "VeeamWorkerPermissions"
  role   = aws_iam_role.worker.id
  policy = <<-EOT
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
  EOT
}

resource "aws_iam_instance_profile" "worker" {
  name = var.role_name
  path = "/"
  role = aws_iam_role.worker.name
}

output "role_arn" {
  value = aws_iam_role.worker.arn
}

output "instance_profile_arn" {
  value = aws_iam_instance_profile.worker.arn
}
