package com.workerrolewizard.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's knobs for tests and benchmarks: added latency on every call, and faults injected into
 * chosen operations (throttling, server errors, slow answers, AccessDenied), each a number of times or for good.
 */
public final class Faults {
    /** What a faulty operation answers. */
    public enum Kind {
        THROTTLING,
        SERVER_ERROR,
        TIMEOUT,
        ACCESS_DENIED,
        /** What IAM answers for an entity created a moment ago that has not propagated yet. */
        NOT_YET_PROPAGATED
    }

    private record Fault(Kind kind, AtomicInteger remaining) {}

    private record Hold(CountDownLatch held, CountDownLatch release) {}

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private volatile long latencyMillis;
    private volatile long timeoutMillis = 30_000;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    public Faults latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    public long latency() {
        return latencyMillis;
    }

    /** How long a TIMEOUT fault keeps the caller waiting before answering. */
    public Faults timeoutDelay(long millis) {
        this.timeoutMillis = millis;
        return this;
    }

    /** Injects a fault into an action ({@code GetRole}, {@code ListRoles}, ...) for the next {@code times} calls. */
    public Faults inject(String action, Kind kind, int times) {
        faults.put(action, new Fault(kind, new AtomicInteger(times)));
        return this;
    }

    /** Injects a fault into every call of the action, until cleared. */
    public Faults always(String action, Kind kind) {
        return inject(action, kind, Integer.MAX_VALUE);
    }

    /** Injects a fault into every call of the action made in one account of the sandbox's organization. */
    public Faults always(String action, Kind kind, String accountId) {
        return inject(action + "@" + accountId, kind, Integer.MAX_VALUE);
    }

    /**
     * Holds every call of the action before it is made, until {@code release} opens: a request in flight for as long
     * as a test needs (to kill the caller mid-write, or to answer after the caller gave up). {@code held} counts down
     * as each call arrives; once released, the calls are made and answered as usual.
     */
    public Faults hold(String action, CountDownLatch held, CountDownLatch release) {
        holds.put(action, new Hold(held, release));
        return this;
    }

    public Faults clear() {
        faults.clear();
        holds.clear();
        latencyMillis = 0;
        return this;
    }

    /** Applies latency and the fault due for this call (in this account, or in any), if any. */
    void before(String action, String callerArn, String accountId) throws InterruptedException {
        if (latencyMillis > 0) {
            Thread.sleep(latencyMillis);
        }
        Hold hold = holds.get(action);
        if (hold != null) {
            hold.held.countDown();
            hold.release.await();
        }
        Fault fault = faults.getOrDefault(action + "@" + accountId, faults.get(action));
        if (fault == null || fault.remaining.getAndDecrement() <= 0) {
            return;
        }
        switch (fault.kind) {
            case THROTTLING -> throw new SandboxError(400, "Throttling", "Rate exceeded");
            case SERVER_ERROR ->
                throw new SandboxError(
                        500,
                        "ServiceFailure",
                        "The request processing has failed " + "because of an unknown error, exception or failure.");
            case TIMEOUT -> {
                Thread.sleep(timeoutMillis);
                throw new SandboxError(500, "ServiceFailure", "The request timed out.");
            }
            case NOT_YET_PROPAGATED ->
                throw SandboxError.noSuchEntity("The entity cannot be found (not yet propagated).");
            case ACCESS_DENIED ->
                throw new SandboxError(
                        403,
                        "AccessDenied",
                        "User: " + callerArn
                                + " is not authorized to perform: iam:" + action
                                + " because no identity-based policy allows the iam:"
                                + action + " action");
        }
    }
}
