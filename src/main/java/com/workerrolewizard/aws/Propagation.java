package com.workerrolewizard.aws;

import java.time.Duration;
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

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for IAM", e);
        }
    }
}
