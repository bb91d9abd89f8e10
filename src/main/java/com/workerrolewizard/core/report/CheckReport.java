package com.workerrolewizard.core.report;

import com.workerrolewizard.core.requirement.RequirementId;
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

    /** One account of a check across accounts: its reports, or the problem that kept it from being checked. */
    public record AccountSection(String account, String name, String problem, List<RoleReport> roles) {
        public AccountSection {
            roles = List.copyOf(roles);
        }
    }

    private CheckReport() {}

    /**
     * A check across accounts: a matrix (account by requirement, the worst status of its roles), the accounts that
     * could not be checked with why, then each account's roles in full. {@code context.account()} says which accounts.
     */
    public static String accountsMarkdown(List<AccountSection> accounts, Context context) {
        List<RequirementId> columns = columns(accounts);
        StringBuilder md = new StringBuilder("# Worker role check: " + accounts.size() + " accounts\n\n");
        md.append("- Appliance: `").append(code(context.appliance())).append("`\n");
        md.append("- Accounts: ").append(cell(context.account())).append('\n');
        md.append("- Required actions: ").append(cell(context.catalog())).append('\n');
        md.append("- Checked: ")
                .append(context.checked().truncatedTo(ChronoUnit.SECONDS))
                .append("\n\n| Account | Name |");
        columns.forEach(c -> md.append(' ').append(c.id()).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(columns.size())).append('\n');
        for (AccountSection account : accounts) {
            md.append("| ")
                    .append(cell(account.account()))
                    .append(" | ")
                    .append(cell(account.name()))
                    .append(" |");
            columns.forEach(c -> md.append(' ').append(worst(account, c)).append(" |"));
            md.append('\n');
        }
        for (AccountSection account : accounts) {
            md.append("\n## Account ").append(text(account.account()));
            if (!account.name().isEmpty()) {
                md.append(" (").append(text(account.name())).append(')');
            }
            md.append("\n");
            if (account.problem() != null) {
                md.append("\nNot checked: ").append(cell(account.problem())).append('\n');
            }
            account.roles().forEach(role -> roleMarkdown(md, role, context, "### ", "#### "));
        }
        return md.toString();
    }

    public static String accountsHtml(List<AccountSection> accounts, Context context) {
        List<RequirementId> columns = columns(accounts);
        String title = "Worker role check: " + accounts.size() + " accounts";
        StringBuilder html = new StringBuilder(
                        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>")
                .append(escape(title))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(title))
                .append("</h1>\n<dl>\n");
        definition(html, "Appliance", "<code>" + escape(context.appliance()) + "</code>");
        definition(html, "Accounts", escape(context.account()));
        definition(html, "Required actions", escape(context.catalog()));
        definition(
                html,
                "Checked",
                escape(context.checked().truncatedTo(ChronoUnit.SECONDS).toString()));
        html.append("</dl>\n<table>\n<thead><tr><th>Account</th><th>Name</th>");
        columns.forEach(c -> html.append("<th>").append(escape(c.id())).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (AccountSection account : accounts) {
            html.append("<tr><td><a href=\"#account-")
                    .append(escape(account.account()))
                    .append("\">")
                    .append(escape(account.account()))
                    .append("</a></td><td>")
                    .append(escape(account.name()))
                    .append("</td>");
            for (RequirementId column : columns) {
                String status = worst(account, column);
                html.append("<td class=\"status ")
                        .append(status.toLowerCase(java.util.Locale.ROOT))
                        .append("\">")
                        .append(status)
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (AccountSection account : accounts) {
            html.append("<section id=\"account-")
                    .append(escape(account.account()))
                    .append("\">\n<h2>Account ")
                    .append(escape(account.account()))
                    .append(account.name().isEmpty() ? "" : " (" + escape(account.name()) + ")")
                    .append("</h2>\n");
            if (account.problem() != null) {
                html.append("<p class=\"status unknown\">Not checked: ")
                        .append(escape(account.problem()))
                        .append("</p>\n");
            }
            account.roles().forEach(role -> roleHtml(html, role, context, "h3", "h4"));
            html.append("</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** The requirements any account's roles were checked against, in the contract's order. */
    private static List<RequirementId> columns(List<AccountSection> accounts) {
        return java.util.Arrays.stream(RequirementId.values())
                .filter(id -> accounts.stream()
                        .flatMap(a -> a.roles().stream())
                        .flatMap(r -> r.requirements().stream())
                        .anyMatch(r -> r.id() == id))
                .toList();
    }

    /** The worst status of the account's roles for one requirement; UNKNOWN for an account not checked. */
    private static String worst(AccountSection account, RequirementId id) {
        if (account.problem() != null && account.roles().isEmpty()) {
            return Status.UNKNOWN.name();
        }
        return account.roles().stream()
                .flatMap(r -> r.requirements().stream())
                .filter(r -> r.id() == id)
                .map(RequirementResult::status)
                .max(java.util.Comparator.comparingInt(CheckReport::severity))
                .map(Status::name)
                .orElse("-");
    }

    private static int severity(Status status) {
        return switch (status) {
            case PASS -> 0;
            case WARN -> 1;
            case UNKNOWN -> 2;
            case FAIL -> 3;
        };
    }

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
            roleMarkdown(md, report, context, reports.size() > 1 ? "## " : null, reports.size() > 1 ? "### " : "## ");
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
            roleHtml(html, report, context, "h2", "h3");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** One role's section: its heading ({@code heading} null: none), table, missing actions, changes, verdict. */
    private static void roleMarkdown(StringBuilder md, RoleReport report, Context context, String heading, String sub) {
        md.append('\n');
        if (heading != null) {
            md.append(heading).append(text(report.role())).append("\n\n");
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

    private static void roleHtml(StringBuilder html, RoleReport report, Context context, String heading, String sub) {
        html.append("<section>\n<")
                .append(heading)
                .append('>')
                .append(escape(report.role()))
                .append("</")
                .append(heading)
                .append(">\n<p>Role <code>")
                .append(escape(report.arn() == null ? report.role() : report.arn()))
                .append("</code></p>\n");
        html.append("<table>\n<thead><tr><th>Requirement</th><th>Status</th><th>Detail</th></tr></thead>\n<tbody>\n");
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
                html.append('<')
                        .append(sub)
                        .append(">Missing actions</")
                        .append(sub)
                        .append(">\n<ul>\n");
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
            html.append('<')
                    .append(sub)
                    .append(">Changes applied by Worker Role Wizard</")
                    .append(sub)
                    .append(">\n");
            html.append(applied.isEmpty() ? "<p>None.</p>\n" : "<ul>\n");
            applied.forEach(line -> html.append("<li>").append(escape(line)).append("</li>\n"));
            html.append(applied.isEmpty() ? "" : "</ul>\n");
        }
        html.append("<p class=\"verdict\">").append(escape(verdict(report))).append("</p>\n</section>\n");
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
                ? "Every requirement passes: the role is ready for Veeam Backup for AWS workers."
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
