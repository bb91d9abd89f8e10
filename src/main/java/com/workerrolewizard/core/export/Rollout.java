package com.workerrolewizard.core.export;

import java.util.List;
import java.util.Optional;

/**
 * Where a multi-account export rolls the role out: named accounts, organizational units (or the whole organization),
 * the region the StackSet's instances live in, and how Terraform enters each account.
 *
 * @param accounts            12-digit account IDs, in the order given
 * @param organizationalUnits {@code ou-...} IDs
 * @param wholeOrganization   every account of the organization (its root)
 * @param region              the one region of the stack instances and of the Terraform providers
 * @param assumeRole          the role Terraform assumes in each account
 */
public record Rollout(
        List<String> accounts,
        List<String> organizationalUnits,
        boolean wholeOrganization,
        String region,
        String assumeRole,
        Optional<String> externalId) {
    /** IAM is global, so any region works; the CLI's and CloudFormation's first region is the least surprising. */
    public static final String DEFAULT_REGION = "us-east-1";

    public static final String DEFAULT_ASSUME_ROLE = "OrganizationAccountAccessRole";

    public Rollout {
        accounts = List.copyOf(accounts);
        organizationalUnits = List.copyOf(organizationalUnits);
    }

    /** No target named: the StackSet script takes them from the variables at its top. */
    public static Rollout none(String region) {
        return new Rollout(List.of(), List.of(), false, region, DEFAULT_ASSUME_ROLE, Optional.empty());
    }

    public boolean targeted() {
        return !accounts.isEmpty() || !organizationalUnits.isEmpty() || wholeOrganization;
    }
}
