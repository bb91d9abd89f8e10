package com.workerrolewizard.ui.export;

import com.workerrolewizard.app.export.ExportBundle;
import com.workerrolewizard.app.export.ExportRequest;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.ui.common.Texts;

/** The export step's line above the tabs, in the wizard's words: what was exported, and how the role stands. */
final class ExportSummary {
    private ExportSummary() {}

    static String of(ExportRequest request, ExportBundle made) {
        if (request.session().isEmpty()) {
            return Texts.get(
                    "export.summary.generateOnly",
                    made.subject().roleName(),
                    made.subject().applianceArn());
        }
        if (made.report().isEmpty()) {
            return Texts.get(
                    "export.summary.newRole",
                    made.subject().roleName(),
                    made.subject().plan().changes().size());
        }
        RoleReport checked = made.report().get();
        long passing =
                checked.requirements().stream().filter(r -> r.status().holds()).count();
        return Texts.get(
                "export.summary.existing",
                made.subject().roleName(),
                passing,
                checked.requirements().size(),
                made.applied().size());
    }
}
