package com.workerrolewizard.app.role;

import com.workerrolewizard.core.requirement.RoleReport;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long to look again after a write: IAM is eventually consistent, so right after a write a read may still show
 * the old state for a few seconds. One policy for both faces: check every second for up to twenty seconds, stop as
 * soon as the role holds all its requirements.
 */
public record Recheck(Duration maxWait, Duration pause) {
    public static final Recheck IAM = new Recheck(Duration.ofSeconds(20), Duration.ofSeconds(1));
    /** For tests against an endpoint that shows every write at once. */
    public static final Recheck ONCE = new Recheck(Duration.ZERO, Duration.ZERO);

    /** The first report that holds, or the last one when the time is up. */
    RoleReport until(Supplier<RoleReport> check) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        RoleReport report = check.get();
        while (!report.holds() && System.nanoTime() + pause.toNanos() <= deadline) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
            report = check.get();
        }
        return report;
    }
}
