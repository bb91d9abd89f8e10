package com.workerrolewizard.ui;

import com.workerrolewizard.sandbox.Sandbox;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javafx.application.Platform;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The sandbox's keys, handed out only off the FX thread. The SDK signs every request on the thread that makes it and
 * asks its credentials provider each time, so every call a session's account makes (IAM and STS alike) passes here
 * first: one made on the FX thread is recorded with where it came from, and fails.
 */
final class FxThreadGuard implements AwsCredentialsProvider {
    private final AwsCredentials keys;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> onFxThread = new CopyOnWriteArrayList<>();

    FxThreadGuard(Sandbox sandbox) {
        this.keys = sandbox.credentials().resolveCredentials();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        requests.incrementAndGet();
        if (Platform.isFxApplicationThread()) {
            String where = Arrays.stream(new Throwable().getStackTrace())
                    .map(StackTraceElement::toString)
                    .filter(frame -> frame.startsWith("com.workerrolewizard."))
                    .limit(8)
                    .collect(Collectors.joining("\n  "));
            onFxThread.add(where);
            throw new IllegalStateException("A request to the account was made on the FX thread:\n  " + where);
        }
        return keys;
    }

    /** Requests signed so far, on any thread. */
    int requests() {
        return requests.get();
    }

    /** Where each request made on the FX thread came from. */
    List<String> onFxThread() {
        return List.copyOf(onFxThread);
    }
}
