package com.workerrolewizard.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs work off the JavaFX thread and hands its outcome back on it: the FX thread never waits on the network
 * or the disk. View models take one; tests give them {@link #direct()}, which runs everything on the caller's thread.
 */
public interface Background {
    /** Starts the work; {@code onSuccess} or {@code onError} runs on the FX thread. Cancel through the returned task. */
    <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** A started piece of work. */
    interface Running {
        void cancel();
    }

    static Background fx() {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "wizard-background");
            thread.setDaemon(true);
            return thread;
        });
        return new Background() {
            @Override
            public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                boolean[] cancelled = {false};
                Future<?> future = pool.submit(() -> {
                    try {
                        T result = work.call();
                        Platform.runLater(() -> {
                            if (!cancelled[0]) {
                                onSuccess.accept(result);
                            }
                        });
                    } catch (Throwable e) {
                        Platform.runLater(() -> {
                            if (!cancelled[0]) {
                                onError.accept(e);
                            }
                        });
                    }
                });
                return () -> {
                    cancelled[0] = true;
                    future.cancel(true);
                };
            }
        };
    }

    static Background direct() {
        return new Background() {
            @Override
            public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                try {
                    onSuccess.accept(work.call());
                } catch (Throwable e) {
                    onError.accept(e);
                }
                return () -> {};
            }
        };
    }
}
