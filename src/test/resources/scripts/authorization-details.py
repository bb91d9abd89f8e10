#!/usr/bin/env python3
"""Prints what 'aws iam get-account-authorization-details' prints, with boto3 (an independent client: not this
project's code), for an endpoint such as moto. Usage: authorization-details.py ENDPOINT_URL > file.json"""
import json
import sys

import boto3

iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="test", aws_secret_access_key="test")
merged = {"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [], "Policies": []}
for page in iam.get_paginator("get_account_authorization_details").paginate(
        Filter=["Role", "LocalManagedPolicy", "AWSManagedPolicy"]):
    for key in merged:
        merged[key].extend(page.get(key, []))
json.dump(merged, sys.stdout, indent=2, default=str)
