package com.workerrolewizard.core.report;

import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.core.text.ControlCharacters;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The check of one or more roles as a document for a change ticket: Markdown (a wiki, a ticket system) or a
 * self-contained HTML page (an e-mail, a browser). Both say which account, appliance and action catalog were used,
 * when, each requirement's status and detail, the missing actions with their reasons, and what this tool applied to
 * each role (from its journal). Every outside value is escaped for where it goes.
 */
public final class CheckReport {
    /**
     * @param appliedByRole for each role (by name), one line per change this tool applied and did not undo; a role
     *                      absent from the map is shown without that section (nothing was asked of the journal)
     */
    public record Context(
            String appliance,
            String account,
            String catalog,
            Instant checked,
            Map<String, List<String>> appliedByRole) {}

    private CheckReport() {}

    public static String markdown(List<RoleReport> reports, Context context) {
        StringBuilder md = new StringBuilder();
        md.append("# ")
                .append(
                        reports.size() == 1
                                ? "Worker role check: " + text(reports.get(0).role())
                                : "Worker role check: " + reports.size() + " roles")
                .append("\n\n");
        md.append("- Appliance: `").append(code(context.appliance())).append("`\n");
        md.append("- Account: ").append(cell(context.account())).append('\n');
        md.append("- Required actions: ").append(cell(context.catalog())).append('\n');
        md.append("- Checked: ")
                .append(context.checked().truncatedTo(ChronoUnit.SECONDS))
                .append("\n");
        for (RoleReport report : reports) {
            md.append('\n');
            if (reports.size() > 1) {
                md.append("## ").append(text(report.role())).append("\n\n");
            }
            md.append("- Role: `")
                    .append(code(report.arn() == null ? report.role() : report.arn()))
                    .append("`\n\n");
            md.append("| Requirement | Status | Detail |\n|---|---|---|\n");
            for (RequirementResult result : report.requirements()) {
                md.append("| ")
                        .append(cell(result.id().title()))
                        .append(" | ")
                        .append(result.status().name())
                        .append(" | ")
                        .append(cell(result.detail()))
                        .append(" |\n");
            }
            String sub = reports.size() > 1 ? "### " : "## ";
            report.requirements().stream().filter(r -> !r.missing().isEmpty()).forEach(r -> {
                md.append('\n').append(sub).append("Missing actions\n\n");
                r.missing()
                        .forEach(action -> md.append("- `")
                                .append(code(action))
                                .append('`')
                                .append(
                                        r.reasons().containsKey(action)
                                                ? ": " + cell(r.reasons().get(action))
                                                : "")
                                .append('\n'));
            });
            List<String> applied = context.appliedByRole().get(report.role());
            if (applied != null) {
                md.append('\n').append(sub).append("Changes applied by Worker Role Wizard\n\n");
                if (applied.isEmpty()) {
                    md.append("None.\n");
                }
                applied.forEach(line -> md.append("- ").append(cell(line)).append('\n'));
            }
            md.append('\n').append(verdict(report)).append('\n');
        }
        return md.toString();
    }

    public static String html(List<RoleReport> reports, Context context) {
        String title = reports.size() == 1
                ? "Worker role check: " + reports.get(0).role()
                : "Worker role check: " + reports.size() + " roles";
        StringBuilder html = new StringBuilder(
                        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>")
                .append(escape(title))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<dl>\n");
        definition(html, "Appliance", "<code>" + escape(context.appliance()) + "</code>");
        definition(html, "Account", escape(context.account()));
        definition(html, "Required actions", escape(context.catalog()));
        definition(
                html,
                "Checked",
                escape(context.checked().truncatedTo(ChronoUnit.SECONDS).toString()));
        html.append("</dl>\n");
        for (RoleReport report : reports) {
            html.append("<section>\n<h2>")
                    .append(escape(report.role()))
                    .append("</h2>\n<p>Role <code>")
                    .append(escape(report.arn() == null ? report.role() : report.arn()))
                    .append("</code></p>\n");
            html.append(
                    "<table>\n<thead><tr><th>Requirement</th><th>Status</th><th>Detail</th></tr></thead>\n<tbody>\n");
            for (RequirementResult result : report.requirements()) {
                html.append("<tr><td>")
                        .append(escape(result.id().title()))
                        .append("</td><td class=\"status ")
                        .append(result.status().name().toLowerCase(java.util.Locale.ROOT))
                        .append("\">")
                        .append(result.status().name())
                        .append("</td><td>")
                        .append(escape(result.detail()))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
            for (RequirementResult r : report.requirements()) {
                if (!r.missing().isEmpty()) {
                    html.append("<h3>Missing actions</h3>\n<ul>\n");
                    r.missing()
                            .forEach(action -> html.append("<li><code>")
                                    .append(escape(action))
                                    .append("</code>")
                                    .append(
                                            r.reasons().containsKey(action)
                                                    ? ": " + escape(r.reasons().get(action))
                                                    : "")
                                    .append("</li>\n"));
                    html.append("</ul>\n");
                }
            }
            List<String> applied = context.appliedByRole().get(report.role());
            if (applied != null) {
                html.append("<h3>Changes applied by Worker Role Wizard</h3>\n");
                html.append(applied.isEmpty() ? "<p>None.</p>\n" : "<ul>\n");
                applied.forEach(line -> html.append("<li>").append(escape(line)).append("</li>\n"));
                html.append(applied.isEmpty() ? "" : "</ul>\n");
            }
            html.append("<p class=\"verdict\">").append(escape(verdict(report))).append("</p>\n</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2em; color: #1f2328; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #d0d7de; padding: 6px 10px; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            code { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
            .status { font-weight: 600; white-space: nowrap; }
            .pass { color: #1a7f37; } .warn { color: #9a6700; } .fail { color: #cf222e; } .unknown { color: #8250df; }
            .verdict { font-weight: 600; }
            """;

    private static void definition(StringBuilder html, String term, String value) {
        html.append("<dt>").append(term).append("</dt><dd>").append(value).append("</dd>\n");
    }

    private static String verdict(RoleReport report) {
        boolean allPass = report.requirements().stream().allMatch(r -> r.status() == Status.PASS);
        return allPass
                ? "All four requirements pass: the role is ready for Veeam Backup for AWS workers."
                : "Not every requirement passes yet: see the details above.";
    }

    /** Text in a Markdown table cell or list item: its pipes escaped, one line, control characters shown as escapes. */
    private static String cell(String text) {
        return text == null
                ? ""
                : ControlCharacters.escape(text.replace("\\", "\\\\")
                        .replace("|", "\\|")
                        .replace("\r", "")
                        .replace("\n", "<br>"));
    }

    /** Text in a heading: one line, control characters shown as escapes. */
    private static String text(String value) {
        return ControlCharacters.escape(value.replace("\n", " "));
    }

    /** Text inside backticks: a backtick cannot end the span early. */
    private static String code(String value) {
        return ControlCharacters.escape(value.replace("`", "'"));
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return ControlCharacters.escape(text)
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
