package com.workerrolewizard.ui.export;

import com.workerrolewizard.app.export.ExportBundle;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.ui.common.Texts;
import java.util.Locale;
import java.util.Optional;

/** What the export step can copy or save. */
public enum ExportItem {
    TRUST,
    PERMISSIONS,
    BUNDLE,
    /** The scripts and templates that create the whole role, for another account. */
    WHOLE_ROLE,
    REPORT;

    /** The item's text in what an export made (the bundle in the format shown); empty when it has none. */
    Optional<String> text(ExportBundle made, ExportFormat bundleFormat) {
        return switch (this) {
            case TRUST -> Optional.of(made.trust());
            case PERMISSIONS -> Optional.of(made.permissions());
            case BUNDLE -> Optional.ofNullable(made.bundles().get(bundleFormat));
            case WHOLE_ROLE -> Optional.ofNullable(made.wholeRole().get(bundleFormat));
            case REPORT -> made.reportMarkdown();
        };
    }

    /** Whether the item is a script or template in the format chosen (a bash script is saved executable). */
    boolean bundle() {
        return this == BUNDLE || this == WHOLE_ROLE;
    }

    /** The item's name in the step's sentences ("Copied the trust policy"). */
    String label() {
        return Texts.get("export.item." + name().toLowerCase(Locale.ROOT));
    }

    /** The file name the chooser proposes; a bundle's depends on its format. */
    String fileName(ExportFormat bundleFormat) {
        return switch (this) {
            case TRUST -> "worker-role-trust-policy.json";
            case PERMISSIONS -> "worker-role-permissions-policy.json";
            case BUNDLE -> bundleFormat.fileName();
            case WHOLE_ROLE -> bundleFormat.fileName().replace("worker-role", "create-worker-role");
            case REPORT -> "worker-role-check-report.md";
        };
    }
}
