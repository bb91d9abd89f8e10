package com.workerrolewizard.core.evaluation;

/** What IAM decides for one action on every resource. */
public enum Verdict {
    ALLOWED,
    /** An explicit Deny applies; no Allow can win over it. */
    DENIED,
    /** No statement allows it on every resource (IAM's implicit deny). */
    NOT_ALLOWED,
    /**
     * Only an Allow whose {@code NotResource} names every resource the action acts on allows it: nowhere the worker
     * needs it. The policy simulator, which evaluates the literal resource "*", cannot see this.
     */
    EXCLUDED,
    /** The identity policies allow it, the permissions boundary does not. */
    OUTSIDE_BOUNDARY;

    public boolean granted() {
        return this == ALLOWED;
    }
}
