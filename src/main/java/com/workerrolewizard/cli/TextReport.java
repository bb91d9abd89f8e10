package com.workerrolewizard.cli;

import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check --format text}: one line per requirement with a mark that reads without colour
 * ({@code [PASS]}, {@code [WARN]}, {@code [FAIL]}, {@code [UNKNOWN]}), the id and the reason, wrapped
 * under its column. Colour is added only on a terminal that wants it. Names and texts from outside are shown with
 * their control characters escaped, so none can fake a line or a colour.
 */
final class TextReport {
    private static final int WIDTH = 100;
    private static final int DETAIL_COLUMN = 2 + 9 + 1 + 17 + 1;

    private TextReport() {}

    static String render(String appliance, String catalog, List<RoleReport> reports, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (RoleReport report : reports) {
            out.append("Role ")
                    .append(shown(report.role()))
                    .append("  ")
                    .append(shown(report.arn()))
                    .append('\n');
            for (RequirementResult result : report.requirements()) {
                String mark = String.format("%-9s", "[" + result.status() + "]");
                out.append("  ")
                        .append(colour ? paint(mark, result.status()) : mark)
                        .append(' ')
                        .append(String.format("%-17s", result.id().id()))
                        .append(' ');
                wrap(out, shown(result.detail()));
                // The detail names up to five actions per reason; past that, the full list follows.
                if (result.missing().size() > 5) {
                    out.append(" ".repeat(DETAIL_COLUMN));
                    wrap(out, shown("Missing: " + String.join(", ", result.missing())));
                }
            }
            out.append('\n');
        }
        out.append(summary(reports)).append('\n');
        out.append("Appliance ")
                .append(shown(appliance))
                .append("; ")
                .append(shown(catalog))
                .append('\n');
        return out.toString();
    }

    private static String summary(List<RoleReport> reports) {
        long failing = reports.stream().filter(r -> r.any(Status.FAIL)).count();
        long undecided = reports.stream()
                .filter(r -> !r.any(Status.FAIL) && r.any(Status.UNKNOWN))
                .count();
        long passing = reports.size() - failing - undecided;
        List<String> parts = new ArrayList<>();
        parts.add(passing + " meet" + (passing == 1 ? "s" : "") + " all four requirements");
        if (failing > 0) {
            parts.add(failing + " fail" + (failing == 1 ? "s" : ""));
        }
        if (undecided > 0) {
            parts.add(undecided + " could not be fully checked");
        }
        return reports.size() + (reports.size() == 1 ? " role" : " roles") + " checked: " + String.join(", ", parts)
                + ".";
    }

    private static void wrap(StringBuilder out, String text) {
        int room = WIDTH - DETAIL_COLUMN;
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > room) {
                out.append('\n').append(" ".repeat(DETAIL_COLUMN));
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        out.append('\n');
    }

    private static String shown(String text) {
        return ControlCharacters.escape(text);
    }

    private static String paint(String mark, Status status) {
        String code = switch (status) {
            case PASS -> "32";
            case WARN -> "33";
            case FAIL -> "31";
            case UNKNOWN -> "35";
        };
        return "\u001b[1;" + code + "m" + mark + "\u001b[0m";
    }
}
