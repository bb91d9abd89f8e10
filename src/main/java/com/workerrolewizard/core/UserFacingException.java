package com.workerrolewizard.core;

/**
 * A problem the person using the program can act on (a missing file, a role that is not there, a refused sign-in,
 * a plan that breaks a limit): its message is one sentence naming the problem and what to do, shown as it is by
 * both faces (the command line exits 2). It lives at the bottom of the house so that every layer may throw it.
 * Anything else that goes wrong is a fault of the program, reported as such.
 */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserFacingException(String message) {
        super(message);
    }
}
