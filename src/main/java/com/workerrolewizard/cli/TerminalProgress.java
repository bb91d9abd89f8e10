package com.workerrolewizard.cli;

import com.workerrolewizard.core.account.Progress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Progress of a long read on one line of standard error, redrawn at most ten times a second and cleared at the end;
 * only where standard error is a terminal, so it never reaches a file, a pipe or the JSON on standard output.
 */
final class TerminalProgress implements Progress, AutoCloseable {
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream err;
    private long lastDraw;
    private boolean drawn;
    private int read;

    private TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** A line on standard error when it is a terminal; otherwise nothing at all. */
    static Progress forStandardError() {
        return standardErrorIsTerminal() ? new TerminalProgress(System.err) : Progress.NONE;
    }

    /** Closes the line of a progress that drew one. */
    static void finish(Progress progress) {
        if (progress instanceof TerminalProgress terminal) {
            terminal.close();
        }
    }

    @Override
    public synchronized void rolesRead(int count) {
        read = count;
        draw("Reading roles: " + count + " read", false);
    }

    @Override
    public synchronized void rolesChecked(int done, int total) {
        draw("Checking roles: " + done + " of " + total + (read > 0 ? " (" + read + " read)" : ""), done == total);
    }

    @Override
    public synchronized void accountsChecked(int done, int total) {
        draw("Checking accounts: " + done + " of " + total, done == total);
    }

    private void draw(String text, boolean always) {
        long now = System.nanoTime();
        if (!always && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        err.print("\r\u001b[K" + text);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }

    /** On Linux, file descriptor 2 points at a terminal device; elsewhere, a console means an interactive session. */
    static boolean standardErrorIsTerminal() {
        if (System.getenv("TERM") != null && System.getenv("TERM").equals("dumb")) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (java.io.IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
