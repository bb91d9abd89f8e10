package com.workerrolewizard.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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

    private AtomicFile() {}

    /**
     * @param posixPermissions such as {@link #OWNER_ONLY}; ignored where the file system has no POSIX permissions
     */
    public static void write(Path target, String content, String posixPermissions) throws IOException {
        write(target, content, posixPermissions, false);
    }

    /**
     * Like {@link #write}, and durable: the new content is on the disk before the rename, and the rename is on the
     * disk before this returns (the folder is synced too), so a power cut right after leaves the new file, never an
     * empty one. For the journal, which must hold a write before its call is made.
     */
    public static void writeDurably(Path target, String content, String posixPermissions) throws IOException {
        write(target, content, posixPermissions, true);
    }

    private static void write(Path target, String content, String posixPermissions, boolean durable)
            throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        try {
            if (durable) {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    channel.force(true);
                }
            } else {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
            }
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
            if (durable) {
                syncFolder(absolute.getParent());
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes a rename in the folder durable; where a folder cannot be opened for that (Windows), the rename is. */
    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (!System.getProperty("os.name", "")
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("win")) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }
    }
}
