package com.workerrolewizard.app.session;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A session on the built-in sandbox shared by a test class's tests: signed in before the first, closed after the last.
 * Register it with {@code @RegisterExtension static final SandboxSession SANDBOX = new SandboxSession();}.
 */
public final class SandboxSession implements BeforeAllCallback, AfterAllCallback {
    private Session session;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = new Sessions(ReferenceDocuments.load().builtInCatalog()).sandbox();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        session.close();
    }

    /** The signed-in session (within the test class's tests). */
    public Session get() {
        return session;
    }
}
