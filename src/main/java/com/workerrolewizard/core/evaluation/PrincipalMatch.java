package com.workerrolewizard.core.evaluation;

/** How a statement's principals cover the principal asking to assume the role, best first. */
public enum PrincipalMatch {
    /** Named exactly (the appliance role's ARN, {@code ec2.amazonaws.com}). */
    EXACT,
    /** Covered through its account ({@code arn:aws:iam::ACCOUNT:root} or the bare account ID). */
    ACCOUNT,
    /** Covered because the statement names everyone ({@code "*"}, {@code {"AWS": "*"}}, or a NotPrincipal). */
    EVERYONE,
    NONE
}
