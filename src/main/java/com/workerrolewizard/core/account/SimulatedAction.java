package com.workerrolewizard.core.account;

/**
 * IAM's policy simulator's decision for one action on resource {@code "*"}.
 *
 * @param allowedByOrganizations false when an Organizations SCP denies it, null when the simulator did not say
 * @param allowedByBoundary      false when the permissions boundary refuses it, null when there is none
 */
public record SimulatedAction(
        String action,
        boolean allowed,
        boolean explicitDeny,
        Boolean allowedByOrganizations,
        Boolean allowedByBoundary) {

    /** Why the simulator refuses it, in an admin's words. */
    public String reason() {
        if (Boolean.FALSE.equals(allowedByOrganizations)) {
            return "denied by an Organizations service control policy (IAM policy simulator)";
        }
        if (Boolean.FALSE.equals(allowedByBoundary)) {
            return "outside the permissions boundary (IAM policy simulator)";
        }
        return explicitDeny
                ? "explicitly denied (IAM policy simulator)"
                : "not allowed by any statement (IAM policy simulator)";
    }
}
