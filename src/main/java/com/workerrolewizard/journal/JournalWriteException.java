package com.workerrolewizard.journal;

/**
 * The journal could not be changed (a full disk, a folder that is not writable, a file another program broke):
 * the writer decides what that means for the AWS write it was recording. The message is one sentence.
 */
public final class JournalWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JournalWriteException(String message) {
        super(message);
    }
}
