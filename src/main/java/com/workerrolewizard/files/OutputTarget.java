package com.workerrolewizard.files;

import com.workerrolewizard.core.account.FileKind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an export where the admin asked, for both faces: only at a new name or over a regular file, never over or
 * through anything else. A device, a named pipe or a socket is never replaced (as root, a rename would replace
 * {@code /dev/null} itself), and a symbolic link, dangling or not, is refused rather than replaced or written
 * through: the admin names the file itself.
 */
public final class OutputTarget {
    /** Why the place asked for cannot take the export. */
    public enum Refusal {
        /** A folder stands there. */
        FOLDER,
        /** The folder it would go into does not exist. */
        NO_FOLDER,
        /** A regular file stands there and replacing it was not allowed. */
        EXISTS,
        /** A symbolic link stands there; {@link RefusedException#detail()} is where it points. */
        SYMBOLIC_LINK,
        /** A device, named pipe or socket stands there; {@link RefusedException#detail()} says which, in words. */
        NOT_A_FILE
    }

    /** The place cannot take the export; nothing was written. Each face says why in its own words. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Refusal refusal;
        private final transient Path target;
        private final String detail;

        RefusedException(Refusal refusal, Path target, String detail) {
            super(refusal + " at " + target);
            this.refusal = refusal;
            this.target = target;
            this.detail = detail;
        }

        public Refusal refusal() {
            return refusal;
        }

        /** The place as the admin gave it. */
        public Path target() {
            return target;
        }

        /** Where a link points, or what kind of special file stands there; empty for the other refusals. */
        public String detail() {
            return detail;
        }
    }

    private OutputTarget() {}

    /**
     * Writes {@code content} at {@code target} atomically (see {@link AtomicFile}).
     *
     * @param replace whether a regular file already at {@code target} may be replaced
     * @param posixPermissions such as {@link AtomicFile#DOCUMENT}
     * @throws RefusedException when the place cannot take it; nothing was written
     * @throws IOException when writing failed; the place is as it was
     */
    public static void write(Path target, String content, boolean replace, String posixPermissions) throws IOException {
        Path absolute = target.toAbsolutePath();
        FileKind kind = FileKind.of(absolute, false);
        switch (kind) {
            case ABSENT -> {
                Path folder = absolute.getParent();
                if (folder == null || !Files.isDirectory(folder)) {
                    throw new RefusedException(Refusal.NO_FOLDER, target, folder == null ? "" : folder.toString());
                }
            }
            case REGULAR_FILE -> {
                if (!replace) {
                    throw new RefusedException(Refusal.EXISTS, target, "");
                }
            }
            case FOLDER -> throw new RefusedException(Refusal.FOLDER, target, "");
            case SYMBOLIC_LINK ->
                throw new RefusedException(
                        Refusal.SYMBOLIC_LINK,
                        target,
                        Files.readSymbolicLink(absolute).toString());
            default -> throw new RefusedException(Refusal.NOT_A_FILE, target, kind.words());
        }
        AtomicFile.write(absolute, content, posixPermissions);
    }

    /** Why a write failed, in words for a sentence (never a Java class name). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? "an input/output error" : reason;
    }
}
