package com.workerrolewizard.core.account;

/**
 * Input the program cannot work from (a missing file, text that is not the expected JSON, a role that
 * is not there). The message is one sentence naming the problem and what to do.
 */
public class UnreadableInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreadableInputException(String message) {
        super(message);
    }
}
