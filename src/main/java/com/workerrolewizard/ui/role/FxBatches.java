package com.workerrolewizard.ui.role;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items made on a background thread to the FX thread in few tasks of bounded size: at most one task waits
 * in the FX thread's queue at any time, whatever the producer's pace, and each applies at most {@code most} items,
 * so thousands of results never flood the FX thread with a task each nor hold it in one long task.
 */
final class FxBatches<T> {
    private final Consumer<Runnable> fxThread;
    private final int most;
    private final Consumer<List<T>> apply;
    private final Queue<T> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean posted = new AtomicBoolean();
    private volatile boolean cancelled;
    /** Runs once every item is applied, after the producer said it is done (FX thread only). */
    private Runnable last;

    /**
     * @param fxThread runs a task on the FX thread ({@code Platform::runLater})
     * @param apply    applies one batch, on the FX thread
     */
    FxBatches(Consumer<Runnable> fxThread, int most, Consumer<List<T>> apply) {
        this.fxThread = fxThread;
        this.most = most;
        this.apply = apply;
    }

    /** Any thread. */
    void add(T item) {
        if (cancelled) {
            return;
        }
        waiting.add(item);
        post();
    }

    private void post() {
        if (!cancelled && posted.compareAndSet(false, true)) {
            fxThread.accept(this::drain);
        }
    }

    /** FX thread, once the producer has added its last item: {@code then} runs after that item is applied. */
    void then(Runnable then) {
        if (waiting.isEmpty() && !posted.get()) {
            then.run();
        } else {
            last = then;
        }
    }

    /** Nothing more is applied: items waiting are dropped, tasks already posted do nothing. */
    void cancel() {
        cancelled = true;
        waiting.clear();
        last = null;
    }

    private void drain() {
        if (cancelled) {
            return;
        }
        List<T> batch = new ArrayList<>(Math.min(most, 1024));
        for (T item; batch.size() < most && (item = waiting.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            apply.accept(batch);
        }
        // Cleared before looking again, so an item added meanwhile is either in the next task or posts one itself.
        posted.set(false);
        if (!waiting.isEmpty()) {
            post();
        }
        if (last != null && waiting.isEmpty() && !posted.get()) {
            Runnable then = last;
            last = null;
            then.run();
        }
    }
}
