package com.workerrolewizard;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Files that are not plain files, for the tests of hostile input: FIFOs (made with {@code mkfifo}), devices and
 * sparse files. Where the machine lacks one (no {@code mkfifo}, no {@code /dev/zero}), the test skips with a
 * visible message, as {@link SharedFolder} does.
 */
public final class SpecialFiles {
    private SpecialFiles() {}

    /** A FIFO made with {@code mkfifo}, or empty (with a message on stderr) where there is no mkfifo. */
    public static Optional<Path> fifo(Path path) throws InterruptedException {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString())
                    .redirectErrorStream(true)
                    .start();
            if (mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0) {
                return Optional.of(path);
            }
        } catch (IOException e) {
            // No mkfifo on this machine.
        }
        System.err.println("SKIPPED: mkfifo is not available here; the test with a FIFO did not run.");
        return Optional.empty();
    }

    /** A device file such as {@code /dev/zero}, or empty (with a message on stderr) where it is missing. */
    public static Optional<Path> device(String name) {
        Path device = Path.of(name);
        if (Files.exists(device) && !Files.isRegularFile(device) && !Files.isDirectory(device)) {
            return Optional.of(device);
        }
        System.err.println("SKIPPED: " + name + " is not a device here; the test with it did not run.");
        return Optional.empty();
    }

    /** A sparse file of {@code bytes}: it takes no room on disk, and it is as large as that to anything that asks. */
    public static Path sparse(Path path, long bytes) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(bytes);
        }
        return path;
    }
}
