package com.workerrolewizard.core.plan;

/** How the page's permissions policy is given to the role. */
public enum PermissionsMode {
    /** An inline policy of the role ({@value FixPlanner#POLICY_NAME} unless that name is taken). */
    INLINE,
    /** A customer managed policy, attached to the role: reusable by several worker roles. */
    MANAGED
}
