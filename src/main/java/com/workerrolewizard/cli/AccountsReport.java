package com.workerrolewizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.app.accounts.AccountResult;
import com.workerrolewizard.core.report.CheckReport;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.core.text.ControlCharacters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check} over several accounts: a matrix of accounts (and roles) by requirements, a line per problem under it,
 * and a summary; or the contract's JSON object with {@code accounts}. An account that could not be entered counts as
 * UNKNOWN.
 */
final class AccountsReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AccountsReport() {}

    static String json(String appliance, List<AccountResult> results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("appliance", appliance);
        ArrayNode accounts = root.putArray("accounts");
        for (AccountResult result : results) {
            ObjectNode account = accounts.addObject();
            account.put("account", result.account().id());
            account.put("name", result.account().name());
            if (result.problem().isPresent()) {
                account.put("problem", result.problem().get());
            } else {
                account.putNull("problem");
            }
            account.set("roles", JsonReport.roles(result.roles()));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("The check report cannot be written as JSON", e);
        }
    }

    /** The Markdown or HTML document for a change ticket: the matrix, then each account in full. */
    static String document(String appliance, String catalog, List<AccountResult> results, boolean html) {
        List<CheckReport.AccountSection> sections = results.stream()
                .map(r -> new CheckReport.AccountSection(
                        r.account().id(), r.account().name(), r.problem().orElse(null), r.roles()))
                .toList();
        CheckReport.Context context = new CheckReport.Context(
                appliance,
                results.size() + " accounts entered from the signed-in identity",
                catalog,
                java.time.Instant.now(),
                java.util.Map.of());
        return html ? CheckReport.accountsHtml(sections, context) : CheckReport.accountsMarkdown(sections, context);
    }

    static String text(String appliance, String catalog, List<AccountResult> results) {
        List<RequirementId> columns = new ArrayList<>(RequirementId.four());
        boolean access = results.stream()
                .flatMap(r -> r.roles().stream())
                .flatMap(r -> r.requirements().stream())
                .anyMatch(r -> r.id() == RequirementId.APPLIANCE_ACCESS);
        if (access) {
            columns.add(RequirementId.APPLIANCE_ACCESS);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Account", "Name", "Role"));
        columns.forEach(c -> header.add(c.id()));
        rows.add(header);
        List<String> problems = new ArrayList<>();
        for (AccountResult result : results) {
            String id = result.account().id().isEmpty() ? "-" : result.account().id();
            String name = shown(result.account().name());
            String label = name.isEmpty() ? id : id + " " + name;
            if (result.problem().isPresent()) {
                List<String> row = new ArrayList<>(List.of(id, name, "-"));
                columns.forEach(c -> row.add("UNKNOWN"));
                rows.add(row);
                problems.add(label + ": " + shown(result.problem().get()));
                continue;
            }
            if (result.roles().isEmpty()) {
                rows.add(List.of(id, name, "(no role)"));
            }
            for (RoleReport report : result.roles()) {
                List<String> row = new ArrayList<>(List.of(id, name, shown(report.role())));
                for (RequirementId column : columns) {
                    row.add(report.requirements().stream()
                            .filter(r -> r.id() == column)
                            .findFirst()
                            .map(r -> r.status().name())
                            .orElse("-"));
                }
                rows.add(row);
                for (RequirementResult requirement : report.requirements()) {
                    if (requirement.status() != Status.PASS) {
                        problems.add(label + ", " + shown(report.role()) + ", "
                                + requirement.id().id() + " [" + requirement.status() + "]: "
                                + shown(requirement.detail()));
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (!problems.isEmpty()) {
            out.append('\n');
            problems.forEach(p -> out.append("- ").append(p).append('\n'));
        }
        out.append('\n').append(summary(results)).append('\n');
        out.append("Appliance ")
                .append(shown(appliance))
                .append("; ")
                .append(shown(catalog))
                .append('\n');
        return out.toString();
    }

    private static String summary(List<AccountResult> results) {
        long unreachable = results.stream().filter(r -> r.problem().isPresent()).count();
        long failing = results.stream()
                .filter(r -> r.problem().isEmpty() && r.roles().stream().anyMatch(x -> x.any(Status.FAIL)))
                .count();
        long undecided = results.stream()
                .filter(r -> r.problem().isEmpty()
                        && r.roles().stream().noneMatch(x -> x.any(Status.FAIL))
                        && r.roles().stream().anyMatch(x -> x.any(Status.UNKNOWN)))
                .count();
        long ready = results.size() - unreachable - failing - undecided;
        List<String> parts = new ArrayList<>();
        parts.add(ready + " ready");
        if (failing > 0) {
            parts.add(failing + " failing");
        }
        if (undecided > 0) {
            parts.add(undecided + " not fully checked");
        }
        if (unreachable > 0) {
            parts.add(unreachable + " could not be entered or read");
        }
        return results.size() + (results.size() == 1 ? " account" : " accounts") + " checked: "
                + String.join(", ", parts) + ".";
    }

    /** 0 when every account's roles hold, 1 on any FAIL, else 3 on any UNKNOWN or account not entered. */
    static int exitCode(List<AccountResult> results) {
        List<RoleReport> all = results.stream().flatMap(r -> r.roles().stream()).toList();
        int roles = ExitCode.of(all);
        if (roles == ExitCode.FAILING) {
            return roles;
        }
        return results.stream().anyMatch(r -> r.problem().isPresent()) ? ExitCode.UNDECIDED : roles;
    }

    private static String shown(String text) {
        return ControlCharacters.escape(text);
    }
}
