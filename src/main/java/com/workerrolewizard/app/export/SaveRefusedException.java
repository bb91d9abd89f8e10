package com.workerrolewizard.app.export;

import com.workerrolewizard.core.UserFacingException;
import java.nio.file.Path;

/**
 * A file was not written, and why, so that each face can say it in its own words (--output and --force on the command
 * line, the file chooser in the wizard). Its message is the command line's sentence.
 */
public final class SaveRefusedException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The target is a folder. */
        FOLDER,
        /** The target's folder does not exist. */
        NO_FOLDER,
        /** A file is there and replacing it was not allowed. */
        EXISTS,
        /** The target is a symbolic link (detail: where it points). */
        SYMBOLIC_LINK,
        /** The target is a device, a FIFO or a socket (detail: what it is). */
        NOT_A_FILE,
        /** Writing failed (detail: why, in words). */
        FAILED
    }

    private final Reason reason;
    private final transient Path target;
    private final String detail;

    SaveRefusedException(Reason reason, Path target, String detail, String message) {
        super(message);
        this.reason = reason;
        this.target = target;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public Path target() {
        return target;
    }

    public String detail() {
        return detail;
    }
}
