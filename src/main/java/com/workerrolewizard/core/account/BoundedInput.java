package com.workerrolewizard.core.account;

import com.workerrolewizard.core.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the program reads a file it is given: UTF-8 text of bounded size. A regular file larger than the
 * limit is refused before a byte is read; folders, devices and sockets are refused; a pipe ({@code <(aws iam ...)},
 * a FIFO) is read up to the same limit, and one that no program writes to, or that goes silent, ends with a
 * sentence instead of a hang. Every refusal is an {@link UserFacingException} naming the file and what to do.
 */
public final class BoundedInput {
    /** Seconds to wait for a pipe's writer and for its data (decimals allowed), for tests; see {@link #WRITER_WAIT}. */
    public static final String WAIT_PROPERTY = "worker.role.wizard.input.wait.seconds";
    /** How long a pipe may wait for a program to open it for writing. */
    static final Duration WRITER_WAIT = Duration.ofSeconds(30);
    /**
     * How long an opened pipe may bring no data: longer, because {@code aws iam get-account-authorization-details}
     * prints nothing until it has read every page of a large account.
     */
    static final Duration SILENCE = Duration.ofMinutes(5);

    private static final long MB = 1024 * 1024;
    private static final int BLOCK = 256 * 1024;

    /**
     * What a file given to the program should hold, for the sentences that refuse it.
     *
     * @param option the command line option that names the file
     * @param contents what the file should hold, as a noun phrase
     * @param maxBytes the most the program reads
     * @param whenTooLarge what to do when the file is larger
     */
    public record Expectation(String option, String contents, long maxBytes, String whenTooLarge) {}

    private static final String DETAILS = "the output of 'aws iam get-account-authorization-details'";
    private static final String SMALLER_DETAILS = "leave out users and groups "
            + "('aws iam get-account-authorization-details --filter Role LocalManagedPolicy AWSManagedPolicy'), "
            + "or check the account live with --profile";
    public static final Expectation AUTHORIZATION_DETAILS =
            new Expectation("--authorization-details", DETAILS, 200 * MB, SMALLER_DETAILS);
    public static final Expectation SANDBOX_SEED =
            new Expectation("--sandbox-seed", DETAILS, 200 * MB, SMALLER_DETAILS);
    public static final Expectation CATALOG = new Expectation(
            "--catalog",
            "a list of required actions (one per line, a JSON array, or a permissions policy)",
            MB,
            "a catalog lists the actions the worker role needs, a few hundred at most; give only that list");

    private BoundedInput() {}

    /** The text of {@code file}, within the limits of {@code expected}. */
    public static String read(Path file, Expectation expected) {
        return read(file, expected, configured(WRITER_WAIT), configured(SILENCE));
    }

    static String read(Path file, Expectation expected, Duration writerWait, Duration silence) {
        FileKind kind;
        try {
            kind = FileKind.of(file, true);
            long size = kind == FileKind.REGULAR_FILE ? Files.size(file) : 0;
            if (size > expected.maxBytes()) {
                throw new UserFacingException(file + " is " + megabytes(size) + ", more than the "
                        + megabytes(expected.maxBytes()) + " that " + expected.option() + " reads: "
                        + expected.whenTooLarge() + ".");
            }
        } catch (IOException e) {
            throw cannotRead(file, expected, e);
        }
        switch (kind) {
            case ABSENT ->
                throw new UserFacingException("File " + file + " does not exist: correct the " + expected.option()
                        + " path, or save " + expected.contents() + " there.");
            case FOLDER, DEVICE, SOCKET ->
                throw new UserFacingException(file + " is " + kind.words() + ", not a file: give " + expected.option()
                        + " a file holding " + expected.contents() + ".");
            default -> {
                // A regular file within the limit, a pipe, or a special file this platform does not name: read it.
            }
        }
        return decode(file, expected, transfer(file, expected, writerWait, silence));
    }

    /** Reads on a thread of its own, so that a pipe without a writer (open blocks) or without data cannot hang us. */
    private static byte[] transfer(Path file, Expectation expected, Duration writerWait, Duration silence) {
        Transfer transfer = new Transfer(file, expected.maxBytes());
        Thread reader = new Thread(transfer, "read " + file.getFileName());
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                boolean opened = transfer.opened;
                long left = (opened ? silence : writerWait).toNanos() - (System.nanoTime() - transfer.lastProgress);
                if (left <= 0) {
                    // Interrupting ends a read; a thread still blocked in opening a FIFO stays, a daemon, until
                    // a writer comes or the program ends.
                    reader.interrupt();
                    throw new UserFacingException(
                            opened
                                    ? file + " brought no data for " + words(silence)
                                            + ": check the program that writes it, "
                                            + "or save its output to a file and give " + expected.option()
                                            + " that file."
                                    : "No program wrote to " + file + " within " + words(writerWait)
                                            + ": start the program " + "that writes to it, or give " + expected.option()
                                            + " a saved file.");
                }
                try {
                    return transfer.done.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Data may have come meanwhile: measure the silence again.
                }
            }
        } catch (InterruptedException e) {
            reader.interrupt();
            Thread.currentThread().interrupt();
            throw new UserFacingException("Reading " + file + " was cancelled.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new UserFacingException(file + " brought more than the " + megabytes(expected.maxBytes())
                        + " that " + expected.option() + " reads: " + expected.whenTooLarge() + ".");
            }
            if (cause instanceof IOException io) {
                throw cannotRead(file, expected, io);
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    /** Bytes in blocks, so growing never copies what was read and a pipe over the limit costs the limit at most. */
    private static final class Transfer implements Runnable {
        private final Path file;
        private final long maxBytes;
        private final CompletableFuture<byte[]> done = new CompletableFuture<>();
        private volatile boolean opened;
        private volatile long lastProgress = System.nanoTime();

        Transfer(Path file, long maxBytes) {
            this.file = file;
            this.maxBytes = maxBytes;
        }

        @Override
        public void run() {
            // Opening a FIFO blocks until a program opens it for writing.
            try (InputStream in = Files.newInputStream(file)) {
                lastProgress = System.nanoTime();
                opened = true;
                List<byte[]> blocks = new ArrayList<>();
                byte[] block = new byte[BLOCK];
                int filled = 0;
                long total = 0;
                int count;
                while ((count = in.read(block, filled, block.length - filled)) >= 0) {
                    lastProgress = System.nanoTime();
                    filled += count;
                    total += count;
                    if (total > maxBytes) {
                        throw new TooLarge();
                    }
                    if (filled == block.length) {
                        blocks.add(block);
                        block = new byte[BLOCK];
                        filled = 0;
                    }
                }
                blocks.add(block);
                done.complete(join(blocks, total));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }

        private static byte[] join(List<byte[]> blocks, long total) {
            byte[] all = new byte[(int) total];
            int at = 0;
            for (int i = 0; i < blocks.size() && at < total; i++) {
                int length = (int) Math.min(BLOCK, total - at);
                System.arraycopy(blocks.get(i), 0, all, at, length);
                blocks.set(i, null);
                at += length;
            }
            return all;
        }
    }

    /** A pipe brought more than the limit. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static String decode(Path file, Expectation expected, byte[] bytes) {
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new UserFacingException(file + " is UTF-16 text, as Windows PowerShell 5.1 writes with '>', "
                    + "not UTF-8: save " + expected.contents() + " as UTF-8 (such as with Out-File -Encoding utf8).");
        }
        if (!isUtf8(bytes)) {
            throw new UserFacingException(file + " is not UTF-8 text: save " + expected.contents() + " as UTF-8.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Checks the encoding through a small buffer, so that a large file is not held twice more while checked. */
    private static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            out.clear();
            result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
        } while (result.isOverflow());
        out.clear();
        return !decoder.flush(out).isError();
    }

    private static UserFacingException cannotRead(Path file, Expectation expected, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new UserFacingException("File " + file + " does not exist: correct the " + expected.option()
                    + " path, or save " + expected.contents() + " there.");
        }
        if (e instanceof AccessDeniedException) {
            return new UserFacingException(file + " cannot be read (permission denied): check the file's "
                    + "permissions, or give " + expected.option() + " a copy you may read.");
        }
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return new UserFacingException("Cannot read " + file + (reason == null ? "" : " (" + reason + ")")
                + ": check that it is a readable file.");
    }

    private static Duration configured(Duration standard) {
        String seconds = System.getProperty(WAIT_PROPERTY);
        if (seconds == null || seconds.isBlank()) {
            return standard;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(seconds.strip()) * 1000));
        } catch (NumberFormatException e) {
            return standard;
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", (bytes + MB - 1) / MB);
    }

    static String words(Duration wait) {
        long seconds = wait.toSeconds();
        if (wait.toMillis() % 1000 != 0) {
            return String.format(Locale.ROOT, "%.1f seconds", wait.toMillis() / 1000.0);
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return seconds == 60 ? "1 minute" : seconds / 60 + " minutes";
        }
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}
