package com.workerrolewizard.core.policy;

/**
 * A policy document that IAM would not accept, with a message that names what is wrong and where
 * (a JSON path such as {@code Statement[1].Effect}, or a line and column for syntax errors).
 */
public final class MalformedPolicyException extends com.workerrolewizard.core.UserFacingException {
    private static final long serialVersionUID = 1L;

    public MalformedPolicyException(String message) {
        super(message);
    }
}
