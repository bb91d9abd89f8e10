package com.workerrolewizard.core.evaluation;

import com.workerrolewizard.core.policy.Principals;

/** The principal that asks to assume the role: decides whether a statement's principals name it. */
public interface PrincipalTarget {
    /** How the listed principals (read as a plain {@code Principal}, negation aside) cover this target. */
    PrincipalMatch match(Principals principals);

    /** The target as the admin knows it, for details ("the appliance arn:…", "the EC2 service"). */
    String describe();
}
