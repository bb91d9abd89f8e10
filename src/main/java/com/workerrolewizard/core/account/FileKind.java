package com.workerrolewizard.core.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What stands at a path: a regular file, a folder, a named pipe, a device... Java's own attributes call every
 * special file "other"; the Unix mode tells a pipe (which may be read) from a device (which may not).
 */
public enum FileKind {
    ABSENT("nothing"),
    REGULAR_FILE("a file"),
    FOLDER("a folder"),
    SYMBOLIC_LINK("a symbolic link"),
    PIPE("a named pipe"),
    DEVICE("a device"),
    SOCKET("a socket"),
    /** A special file of a kind this platform does not name (a Windows named pipe, say). */
    OTHER("a special file");

    private static final int TYPE_MASK = 0170000;
    private static final int PIPE_TYPE = 0010000;
    private static final int CHARACTER_DEVICE_TYPE = 0020000;
    private static final int BLOCK_DEVICE_TYPE = 0060000;
    private static final int SOCKET_TYPE = 0140000;

    private final String words;

    FileKind(String words) {
        this.words = words;
    }

    /** The kind in words with its article, for sentences: "a device". */
    public String words() {
        return words;
    }

    /** What {@code path} is; with {@code followLinks} false a symbolic link is {@link #SYMBOLIC_LINK}, dangling or not. */
    public static FileKind of(Path path, boolean followLinks) throws IOException {
        LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, options);
        } catch (NoSuchFileException e) {
            return ABSENT;
        }
        if (attributes.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        if (attributes.isDirectory()) {
            return FOLDER;
        }
        if (attributes.isRegularFile()) {
            return REGULAR_FILE;
        }
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", options);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return OTHER;
        }
        return switch (mode & TYPE_MASK) {
            case PIPE_TYPE -> PIPE;
            case CHARACTER_DEVICE_TYPE, BLOCK_DEVICE_TYPE -> DEVICE;
            case SOCKET_TYPE -> SOCKET;
            default -> OTHER;
        };
    }
}
