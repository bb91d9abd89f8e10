package com.workerrolewizard.aws;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * IAM is eventually consistent: right after a create, reads and writes that name the new entity may say it
 * does not exist. Those are retried with growing pauses for a bounded time; other errors are not.
 */
public record Propagation(Duration maxWait, Duration firstPause) {
    public static final Propagation IAM = new Propagation(Duration.ofSeconds(20), Duration.ofMillis(500));

    <T> T retry(Supplier<T> call) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = firstPause.toMillis();
        while (true) {
            try {
                return call.get();
            } catch (SdkException e) {
                if (!AwsProblems.isNoSuchEntity(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                sleep(pause);
                pause = Math.min(pause * 2, 4000);
            }
        }
    }

    void retry(Runnable call) {
        retry(() -> {
            call.run();
            return null;
        });
    }

    /**
     * Waits until {@code maxWait} has passed since a write was made, for a check that did not find the write: IAM may
     * show a write it accepted only after a while. A write older than that is waited for no more.
     */
    void awaitSettled(String writtenAt) {
        Instant written;
        try {
            written = Instant.parse(writtenAt);
        } catch (DateTimeParseException | NullPointerException e) {
            return;
        }
        long left = written.plus(maxWait).toEpochMilli() - System.currentTimeMillis();
        if (left > 0) {
            sleep(left);
        }
    }

    /** True while a write made at this time may still be on its way through IAM. */
    boolean settling(String writtenAt) {
        try {
            return Instant.parse(writtenAt).plus(maxWait).isAfter(Instant.now());
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for IAM", e);
        }
    }
}
