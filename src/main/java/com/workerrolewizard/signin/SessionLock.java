package com.workerrolewizard.signin;

import com.workerrolewizard.core.signin.SignInException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One login (or refresh) of an Identity Center session at a time: an OS lock on an empty file beside the token,
 * for other processes (another run, the wizard), and a lock per file for the threads of this one. A second login
 * waits for the first, then finds its token, rather than opening another browser tab.
 */
final class SessionLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 200;
    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean waited;

    private SessionLock(ReentrantLock local, FileChannel channel, FileLock lock, boolean waited) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
        this.waited = waited;
    }

    /**
     * @param onWait called once when another login holds the session (to say so)
     * @param maxWait how long to wait for it before giving up with a sentence
     */
    static SessionLock acquire(Path file, BooleanSupplier cancelled, Runnable onWait, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
        boolean waited = false;
        try {
            while (!local.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                waited = tell(waited, onWait);
                stopIfNeeded(file, cancelled, deadline, maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("The IAM Identity Center login was interrupted; nothing was saved.");
        }
        FileChannel channel = null;
        try {
            channel = open(file);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                waited = tell(waited, onWait);
                stopIfNeeded(file, cancelled, deadline, maxWait);
                Thread.sleep(POLL_MILLIS);
            }
            return new SessionLock(local, channel, lock, waited);
        } catch (IOException e) {
            release(local, channel);
            throw new SignInException("The IAM Identity Center lock file " + file + " cannot be opened ("
                    + e.getClass().getSimpleName() + "): check that " + file.getParent() + " is a writable folder.");
        } catch (InterruptedException e) {
            release(local, channel);
            Thread.currentThread().interrupt();
            throw new SignInException("The IAM Identity Center login was interrupted; nothing was saved.");
        } catch (RuntimeException e) {
            release(local, channel);
            throw e;
        }
    }

    /** True when another login held the session first: its token may now be there. */
    boolean waited() {
        return waited;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it as well.
        }
        release(local, channel);
    }

    private static FileChannel open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another process made it a moment ago: the same lock file.
            }
        }
        return FileChannel.open(file, StandardOpenOption.WRITE);
    }

    private static boolean tell(boolean told, Runnable onWait) {
        if (!told) {
            onWait.run();
        }
        return true;
    }

    private static void stopIfNeeded(Path file, BooleanSupplier cancelled, long deadline, Duration maxWait) {
        if (cancelled.getAsBoolean()) {
            throw new SignInException("The IAM Identity Center login was cancelled; nothing was saved.");
        }
        if (System.nanoTime() > deadline) {
            throw new SignInException("Another IAM Identity Center login of this session has held " + file
                    + " for more than " + Math.max(1, maxWait.toMinutes())
                    + " minutes: finish or stop it, then run login "
                    + "again.");
        }
    }

    private static void release(ReentrantLock local, FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing was written through it.
            }
        }
        if (local.isHeldByCurrentThread()) {
            local.unlock();
        }
    }
}
