package com.workerrolewizard.cli;

import com.workerrolewizard.core.account.UnreadableInputException;
import com.workerrolewizard.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an export atomically: to a temporary file beside the target, then one rename, so an error never
 * leaves half a file; an existing file is replaced only when the admin said --force.
 */
final class OutputFile {
    private OutputFile() {
    }

    static void write(Path target, String content, boolean force, boolean executable) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new UnreadableInputException(target + " is a folder: give a file name, such as " + target.resolve("worker-role.json") + ".");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UnreadableInputException("Folder " + folder + " does not exist: create it first or choose another --output.");
        }
        if (Files.exists(absolute) && !force) {
            throw new UnreadableInputException(target + " exists already: add --force to replace it, or choose another --output.");
        }
        try {
            AtomicFile.write(absolute, content, executable ? AtomicFile.SCRIPT : AtomicFile.DOCUMENT);
        } catch (IOException e) {
            throw new UnreadableInputException("Cannot write " + target + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): check the folder's permissions and free space.");
        }
    }
}
