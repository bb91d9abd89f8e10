package com.workerrolewizard.core.account;

import com.workerrolewizard.core.arn.Partition;
import java.util.List;
import java.util.Optional;

/**
 * What a plan needs to know about the account beyond one role: which names are taken, and the quotas.
 * A source that cannot see something answers unknown, and the plan says so.
 */
public interface AccountFacts {
    /** IAM's default quota for a role trust policy, in characters (raisable to 4,096). */
    int DEFAULT_TRUST_POLICY_QUOTA = 2048;

    /** The roles in the instance profile of that name, or empty when no such profile exists. */
    Known<Optional<List<String>>> instanceProfile(String name);

    /** Whether a role of that name exists (names are unique regardless of case). */
    Known<Boolean> roleExists(String name);

    /** Whether a customer managed policy of that name exists. */
    Known<Boolean> customerManagedPolicyExists(String name);

    /** The account's trust policy size quota ({@code AssumeRolePolicySizeQuota}). */
    int trustPolicySizeQuota();

    /** The account's ID, when known. */
    Optional<String> accountId();

    Optional<Partition> partition();

    /** What this source cannot see, for the plan's notes. */
    default List<String> caveats() {
        return List.of();
    }

    /** Facts for a plan made without any account (exports): nothing is taken, quotas are IAM's defaults. */
    static AccountFacts none() {
        return new AccountFacts() {
            @Override
            public Known<Optional<List<String>>> instanceProfile(String name) {
                return Known.of(Optional.empty());
            }

            @Override
            public Known<Boolean> roleExists(String name) {
                return Known.of(false);
            }

            @Override
            public Known<Boolean> customerManagedPolicyExists(String name) {
                return Known.of(false);
            }

            @Override
            public int trustPolicySizeQuota() {
                return DEFAULT_TRUST_POLICY_QUOTA;
            }

            @Override
            public Optional<String> accountId() {
                return Optional.empty();
            }

            @Override
            public Optional<Partition> partition() {
                return Optional.empty();
            }
        };
    }
}
