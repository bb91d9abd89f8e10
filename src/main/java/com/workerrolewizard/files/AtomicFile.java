package com.workerrolewizard.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way the program writes a file: into a temporary file beside the target (owner-only from its first
 * byte), then one rename, so an error or a crash never leaves half a file and the target is either old or new.
 */
public final class AtomicFile {
    /** Permissions of a file only its owner reads: the journal, the token cache. */
    public static final String OWNER_ONLY = "rw-------";
    /** Permissions of an ordinary document others on the machine may read: exports. */
    public static final String DOCUMENT = "rw-r--r--";
    /** Permissions of a script: exported bash scripts. */
    public static final String SCRIPT = "rwxr-xr-x";

    private AtomicFile() {
    }

    /**
     * @param posixPermissions such as {@link #OWNER_ONLY}; ignored where the file system has no POSIX permissions
     */
    public static void write(Path target, String content, String posixPermissions) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(posixPermissions));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the folder's access rules apply.
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
