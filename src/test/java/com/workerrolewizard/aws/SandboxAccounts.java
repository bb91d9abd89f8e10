package com.workerrolewizard.aws;

import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import java.time.Duration;
import java.util.Optional;

/** A live account on the sandbox, through the real SDK over HTTP, as the product opens one. */
final class SandboxAccounts {
    static final ActionCatalog PAGE = ReferenceDocuments.load().builtInCatalog();

    private SandboxAccounts() {}

    static LiveAccount open(Sandbox sandbox) {
        return open(sandbox, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    static LiveAccount open(Sandbox sandbox, Duration callTimeout, Duration attemptTimeout) {
        ConnectionSettings settings = new ConnectionSettings(
                sandbox.credentials(),
                Optional.of("us-east-1"),
                Optional.of(sandbox.endpoint()),
                Optional.empty(),
                callTimeout,
                attemptTimeout);
        return new LiveAccount(new AwsClients(settings), PAGE, "the sandbox account");
    }
}
