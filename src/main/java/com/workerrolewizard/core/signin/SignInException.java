package com.workerrolewizard.core.signin;

import com.workerrolewizard.core.UserFacingException;

/** Signing in failed for a reason the person can act on; the message is one sentence saying what to do. */
public final class SignInException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public SignInException(String message) {
        super(message);
    }
}
