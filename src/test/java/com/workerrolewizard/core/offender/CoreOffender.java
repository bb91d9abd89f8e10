package com.workerrolewizard.core.offender;

/**
 * A test-only class in a core package that breaks the core's rule on purpose: the architecture test
 * proves its rule reports it. Production code never sees it.
 */
public final class CoreOffender {
    public javafx.scene.control.Label label() {
        return new javafx.scene.control.Label("not allowed in the core");
    }
}
