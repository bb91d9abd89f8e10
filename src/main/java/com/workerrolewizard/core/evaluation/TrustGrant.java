package com.workerrolewizard.core.evaluation;

import com.workerrolewizard.core.policy.Statement;

/** A trust policy statement that applies to {@code sts:AssumeRole} for the target, and how. */
public record TrustGrant(Statement statement, PrincipalMatch match) {}
