package com.workerrolewizard.ui.role;

import com.workerrolewizard.ui.common.Background;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Background work that waits until the test runs it, on the test's thread: the test decides what has finished when. */
final class QueuedBackground implements Background {
    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        boolean[] cancelled = {false};
        queued.add(() -> {
            if (cancelled[0]) {
                return;
            }
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                if (!cancelled[0]) {
                    onError.accept(e);
                }
                return;
            }
            if (!cancelled[0]) {
                onSuccess.accept(result);
            }
        });
        return () -> cancelled[0] = true;
    }

    /** How many started pieces of work wait (cancelled ones included). */
    int waiting() {
        return queued.size();
    }

    /** Runs the oldest piece of work waiting, with its outcome (which may start more). */
    void runNext() {
        queued.remove().run();
    }

    void runAll() {
        while (!queued.isEmpty()) {
            runNext();
        }
    }
}
