package com.workerrolewizard.app.export;

import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.export.ExportSubject;
import com.workerrolewizard.core.requirement.RoleReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one export made, for a face to show, copy or save: the two documents, the bundles (a format that cannot
 * be made holds its reason in {@code bundleProblems} instead), and for a role of the account its check and the check
 * report in Markdown.
 *
 * @param applied   what this tool applied to the role and did not undo, one line each (empty without an account)
 * @param wholeRole the bundles that create the whole role whatever an account holds (for another account); for a
 *                  role still to be created they are the bundles themselves
 * @param validation IAM Access Analyzer's findings on the two documents, a line each (or why they were not validated)
 */
public record ExportBundle(
        ExportSubject subject,
        String trust,
        String permissions,
        Map<ExportFormat, String> bundles,
        Map<ExportFormat, String> bundleProblems,
        Optional<RoleReport> report,
        Optional<String> reportMarkdown,
        List<String> applied,
        Map<ExportFormat, String> wholeRole,
        List<String> validation) {
    /** The formats a bundle can take (JSON is the two documents). */
    public static final List<ExportFormat> FORMATS =
            List.of(ExportFormat.CLI, ExportFormat.POWERSHELL, ExportFormat.CLOUDFORMATION, ExportFormat.TERRAFORM);

    public ExportBundle {
        bundles = Map.copyOf(bundles);
        bundleProblems = Map.copyOf(bundleProblems);
        applied = List.copyOf(applied);
        wholeRole = Map.copyOf(wholeRole);
        validation = List.copyOf(validation);
    }
}
