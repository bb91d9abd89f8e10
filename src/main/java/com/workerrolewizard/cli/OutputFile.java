package com.workerrolewizard.cli;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.files.AtomicFile;
import com.workerrolewizard.files.OutputTarget;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes an export for --output (see {@link OutputTarget}): atomically, at a new name, or over a regular file
 * when the admin said --force; never over a device, a pipe, a folder or a symbolic link.
 */
final class OutputFile {
    private OutputFile() {
    }

    static void write(Path target, String content, boolean force, boolean executable) {
        try {
            OutputTarget.write(target, content, force, executable ? AtomicFile.SCRIPT : AtomicFile.DOCUMENT);
        } catch (OutputTarget.RefusedException e) {
            throw new UserFacingException(sentence(e));
        } catch (IOException e) {
            throw new UserFacingException("Cannot write " + target + " (" + OutputTarget.reason(e)
                    + "): check the folder's permissions and free space.");
        }
    }

    private static String sentence(OutputTarget.RefusedException e) {
        Path target = e.target();
        return switch (e.refusal()) {
            case FOLDER -> target + " is a folder: give a file name, such as " + target.resolve("worker-role.json") + ".";
            case NO_FOLDER -> "Folder " + e.detail() + " does not exist: create it first or choose another --output.";
            case EXISTS -> target + " exists already: add --force to replace it, or choose another --output.";
            case SYMBOLIC_LINK -> target + " is a symbolic link (to " + e.detail() + "): --output never writes through "
                    + "or over a link, even with --force; give the file itself or choose another --output.";
            case NOT_A_FILE -> target + " is " + e.detail() + ", not a regular file: --output never replaces one, "
                    + "even with --force; choose another --output.";
        };
    }
}
