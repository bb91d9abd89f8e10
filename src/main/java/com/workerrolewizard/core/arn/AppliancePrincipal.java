package com.workerrolewizard.core.arn;

import java.util.Optional;

/**
 * The backup appliance as the worker role's trust policy must name it: the ARN of its Impersonation
 * role, or its account ({@code arn:PARTITION:iam::ACCOUNT:root}). A bare 12-digit account ID stands for
 * that account's root and takes the partition of the role it is checked against.
 */
public final class AppliancePrincipal {
    private final String account;
    private final Arn role;
    private final Partition partition;

    private AppliancePrincipal(String account, Arn role, Partition partition) {
        this.account = account;
        this.role = role;
        this.partition = partition;
    }

    /** Reads what an admin typed, or explains in one sentence why it is not an appliance principal. */
    public static AppliancePrincipal parse(String text) {
        String input = text == null ? "" : text.strip();
        if (Arn.isAccountId(input)) {
            return new AppliancePrincipal(input, null, null);
        }
        Optional<Arn> arn = Arn.parse(input);
        if (arn.isPresent() && arn.get().isAccountRoot()) {
            return new AppliancePrincipal(arn.get().account(), null, arn.get().partition());
        }
        if (arn.isPresent() && arn.get().isRole()) {
            return new AppliancePrincipal(
                    arn.get().account(), arn.get(), arn.get().partition());
        }
        throw new IllegalArgumentException(reason(input, arn));
    }

    private static String reason(String input, Optional<Arn> arn) {
        String expected = "give the ARN of the appliance's Impersonation role (arn:aws:iam::123456789012:role/NAME) "
                + "or its 12-digit account ID.";
        if (input.isEmpty()) {
            return "The appliance is missing: " + expected;
        }
        if (arn.isPresent() && arn.get().resource().startsWith("assumed-role/")) {
            return "\"" + input + "\" is a session of a role, not the role itself: " + expected;
        }
        if (input.startsWith("arn:") && arn.isEmpty()) {
            return "\"" + input + "\" is not an ARN of the aws, aws-cn or aws-us-gov partition: " + expected;
        }
        return "\"" + input + "\" is not an IAM role ARN or an AWS account: " + expected;
    }

    public String account() {
        return account;
    }

    public Optional<Arn> role() {
        return Optional.ofNullable(role);
    }

    public boolean isAccount() {
        return role == null;
    }

    /** The partition the admin named, if any (a bare account ID names none). */
    public Optional<Partition> partition() {
        return Optional.ofNullable(partition);
    }

    /** The principal ARN to write into a trust policy, in the given partition when none was named. */
    public String arn(Partition fallback) {
        if (role != null) {
            return role.toString();
        }
        return Arn.accountRoot(partition == null ? fallback : partition, account)
                .toString();
    }

    /** The ARN as given, with {@code aws} for a bare account ID. */
    public String arn() {
        return arn(Partition.AWS);
    }

    @Override
    public String toString() {
        return arn();
    }
}
