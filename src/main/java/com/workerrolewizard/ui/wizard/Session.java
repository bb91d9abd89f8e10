package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.aws.AwsClients;
import com.workerrolewizard.core.account.CallerIdentity;
import com.workerrolewizard.aws.LiveAccount;
import java.nio.file.Path;

/**
 * A signed-in account: the reads, the writes' clients, who the operator is, and where its journal is kept.
 * Closing it releases the clients (and stops the sandbox when it is one).
 */
public record Session(LiveAccount account, AwsClients clients, CallerIdentity me, Path journalFolder, String description,
        AutoCloseable closer) implements AutoCloseable {

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception ignored) {
            // Closing clients or the sandbox cannot fail in a way the admin could act on.
        }
    }
}
