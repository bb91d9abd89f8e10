package com.workerrolewizard.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer of the journal at a time: an OS lock on {@code journal.lock} beside it, held for each read-modify-write
 * (never across an AWS call), so runs of the command line and the wizard never lose each other's records. The OS lock
 * belongs to the whole process, so threads of one process take turns on an in-process lock first.
 */
final class JournalLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    /** Nobody holds the lock longer than one file write: waiting this long means a stuck program. */
    private static final long WAIT_MILLIS = 60_000;

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, creating the folder and the lock file when needed. */
    static JournalLock take(Path lockFile) throws IOException {
        Path absolute = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(absolute, p -> new ReentrantLock());
        try {
            if (!local.tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IOException("another part of this program held it for over a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for it");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute.getParent());
            channel = open(absolute);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            FileLock lock = tryLock(channel);
            while (lock == null) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(
                            "another run of the program held " + absolute.getFileName() + " for over a minute");
                }
                Thread.sleep(20);
                lock = tryLock(channel);
            }
            return new JournalLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            local.unlock();
            throw new IOException("interrupted while waiting for it");
        }
    }

    /** The lock, or null while someone holds it (this process too, reaching the file by another path). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    private static FileChannel open(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another run made it a moment ago: the same lock.
            }
        }
        return FileChannel.open(file, StandardOpenOption.WRITE);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock; there is nothing more to do.
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it too.
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }
}
