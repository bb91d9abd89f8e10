package com.workerrolewizard.bench;

import com.workerrolewizard.aws.AwsClients;
import com.workerrolewizard.aws.ConnectionSettings;
import com.workerrolewizard.aws.LiveAccount;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import java.util.Arrays;
import java.util.Optional;

/**
 * How long a role snapshot takes when every IAM call takes {@code latency} ms (the sandbox adds it), against
 * the sum of its calls' latencies. Run after {@code mvn -B -q package -DskipTests test-compile}:
 * {@code java -cp target/test-classes:target/worker-role-wizard.jar com.workerrolewizard.bench.SnapshotBenchmark 100}
 */
public final class SnapshotBenchmark {
    private SnapshotBenchmark() {}

    public static void main(String[] args) {
        long latency = args.length > 0 ? Long.parseLong(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        try (Sandbox sandbox = Sandbox.start()) {
            ConnectionSettings settings = new ConnectionSettings(
                    sandbox.credentials(), Optional.of("us-east-1"), Optional.of(sandbox.endpoint()), Optional.empty());
            try (LiveAccount account = new LiveAccount(
                    new AwsClients(settings), ReferenceDocuments.load().builtInCatalog(), "the sandbox")) {
                account.callerIdentity();
                account.role("VeeamWorkerReady"); // warm-up: class loading, connections
                sandbox.faults().latency(latency);
                long[] millis = new long[runs];
                long calls = 0;
                int peak = 0;
                for (int i = 0; i < runs; i++) {
                    sandbox.resetCounters();
                    long start = System.nanoTime();
                    account.role("VeeamWorkerReady");
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                    calls = sandbox.calls();
                    peak = Math.max(peak, sandbox.peakConcurrency());
                }
                Arrays.sort(millis);
                System.out.printf(
                        "latency %d ms per call: snapshot median %d ms (min %d, max %d) over %d runs;"
                                + " %d calls per snapshot, %d ms if made one after another; at most %d at once%n",
                        latency, millis[runs / 2], millis[0], millis[runs - 1], runs, calls, calls * latency, peak);
            }
        }
    }
}
