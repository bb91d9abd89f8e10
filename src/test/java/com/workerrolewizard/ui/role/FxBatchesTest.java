package com.workerrolewizard.ui.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Results made on a background thread reach the FX thread in few bounded tasks, in order, and a cancel drops the rest. */
class FxBatchesTest {
    /** Stands for the FX thread's queue: the test's thread runs what is posted, one task at a time. */
    private final BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();

    private final AtomicInteger mostWaiting = new AtomicInteger();

    private void post(Runnable task) {
        fxQueue.add(task);
        mostWaiting.accumulateAndGet(fxQueue.size(), Math::max);
    }

    @Test
    void fiveThousandResultsFromABackgroundThreadArriveInOrderInBoundedBatchesWithOneTaskWaitingAtMost()
            throws Exception {
        List<List<Integer>> batches = new ArrayList<>();
        FxBatches<Integer> handing = new FxBatches<>(this::post, 500, batches::add);
        Thread producer = new Thread(() -> IntStream.range(0, 5000).forEach(handing::add), "producer");
        producer.start();
        while (producer.isAlive() || !fxQueue.isEmpty()) {
            Runnable task = fxQueue.poll(10, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
        }
        List<String> ran = new ArrayList<>();
        handing.then(() -> ran.add("last"));

        assertThat(mostWaiting.get())
                .as("never more than one task in the FX thread's queue")
                .isEqualTo(1);
        assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeBetween(1, 500));
        assertThat(batches.stream().flatMap(List::stream).toList())
                .as("every result, once, in order")
                .isEqualTo(IntStream.range(0, 5000).boxed().toList());
        assertThat(ran).as("nothing left to apply: the last step runs at once").containsExactly("last");
    }

    @Test
    void aBacklogIsAppliedInTasksOfAtMostTheBatchSizeAndTheLastStepWaitsForIt() {
        List<List<Integer>> batches = new ArrayList<>();
        FxBatches<Integer> handing = new FxBatches<>(this::post, 500, batches::add);
        IntStream.range(0, 1234).forEach(handing::add);
        assertThat(fxQueue).as("1,234 results, one task posted").hasSize(1);
        List<String> ran = new ArrayList<>();
        handing.then(() ->
                ran.add("last after " + batches.stream().mapToInt(List::size).sum()));
        assertThat(ran).as("waits for the results still queued").isEmpty();

        while (!fxQueue.isEmpty()) {
            fxQueue.remove().run();
        }

        assertThat(batches).extracting(List::size).containsExactly(500, 500, 234);
        assertThat(ran).containsExactly("last after 1234");
    }

    @Test
    void afterACancelNothingMoreIsApplied() {
        List<List<Integer>> batches = new ArrayList<>();
        FxBatches<Integer> handing = new FxBatches<>(this::post, 500, batches::add);
        IntStream.range(0, 10).forEach(handing::add);
        List<String> ran = new ArrayList<>();
        handing.then(() -> ran.add("last"));

        handing.cancel();
        handing.add(11);
        while (!fxQueue.isEmpty()) {
            fxQueue.remove().run();
        }

        assertThat(batches).isEmpty();
        assertThat(ran).isEmpty();
    }
}
