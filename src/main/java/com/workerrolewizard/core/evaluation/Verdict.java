package com.workerrolewizard.core.evaluation;

/** What IAM decides for one action on every resource. */
public enum Verdict {
    ALLOWED,
    /** An explicit Deny applies; no Allow can win over it. */
    DENIED,
    /** No statement allows it on every resource (IAM's implicit deny). */
    NOT_ALLOWED,
    /** The identity policies allow it, the permissions boundary does not. */
    OUTSIDE_BOUNDARY;

    public boolean granted() {
        return this == ALLOWED;
    }
}
