package com.workerrolewizard.sandbox;

/** An error the sandbox answers with, as IAM and STS do: an HTTP status, a code and a message. */
final class SandboxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;
    final String type;

    SandboxError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.type = status >= 500 ? "Receiver" : "Sender";
    }

    static SandboxError noSuchEntity(String message) {
        return new SandboxError(404, "NoSuchEntity", message);
    }

    static SandboxError alreadyExists(String message) {
        return new SandboxError(409, "EntityAlreadyExists", message);
    }

    static SandboxError validation(String message) {
        return new SandboxError(400, "ValidationError", message);
    }

    /** A parameter IAM needs was not sent; {@code member} as IAM names it ({@code roleName}, {@code PolicyName}). */
    static SandboxError missing(String member) {
        return validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: "
                + "Member must not be null");
    }

    static SandboxError malformedPolicy(String message) {
        return new SandboxError(400, "MalformedPolicyDocument", message);
    }

    static SandboxError deleteConflict(String message) {
        return new SandboxError(409, "DeleteConflict", message);
    }

    static SandboxError limitExceeded(String message) {
        return new SandboxError(409, "LimitExceeded", message);
    }
}
