package com.workerrolewizard.cli;

import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        notListed(appliance, reports).ifPresent(note -> {
            out.append(wrapped(shown(note), WIDTH)).append('\n');
        });
        return out.toString();
    }

    /**
     * Why {@code appliance-access} is not among the results, once, with how to have it: the appliance's own role must
     * be readable (in the account checked, or through {@code --appliance-profile}).
     */
    static Optional<String> notListed(String appliance, List<RoleReport> reports) {
        boolean listed = reports.stream()
                .flatMap(r -> r.requirements().stream())
                .anyMatch(r -> r.id() == RequirementId.APPLIANCE_ACCESS);
        if (listed || reports.isEmpty()) {
            return Optional.empty();
        }
        Optional<Arn> role = Arn.parse(appliance).filter(Arn::isRole);
        if (role.isEmpty()) {
            return Optional.of("appliance-access (may the appliance's Impersonation role call sts:AssumeRole on the "
                    + "role?) is not checked: the appliance is given as its account; give the Impersonation role's ARN "
                    + "as --appliance to check it.");
        }
        return Optional.of("appliance-access (may " + appliance + " call sts:AssumeRole on the role?) is not checked: "
                + "the appliance role is in account " + role.get().account() + ", which is not the one checked; add "
                + "--appliance-profile NAME, a profile of that account, to check it.");
    }

    private static String summary(List<RoleReport> reports) {
        long failing = reports.stream().filter(r -> r.any(Status.FAIL)).count();
        long undecided = reports.stream()
                .filter(r -> !r.any(Status.FAIL) && r.any(Status.UNKNOWN))
                .count();
        long passing = reports.size() - failing - undecided;
        List<String> parts = new ArrayList<>();
        boolean five = reports.stream().anyMatch(r -> r.requirements().size() > 4);
        parts.add(passing + " meet" + (passing == 1 ? "s" : "") + " all " + (five ? "five" : "four") + " requirements");
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
        out.append(wrapped(text, WIDTH - DETAIL_COLUMN).replace("\n", "\n" + " ".repeat(DETAIL_COLUMN)))
                .append('\n');
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

    /** Plain text wrapped at {@code width} columns, on word boundaries. */
    private static String wrapped(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }
}
