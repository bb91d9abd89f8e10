package com.workerrolewizard.ui.role;

import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.ui.common.Texts;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the role table's Status column says about one role: ready, how many requirements fail, not decided, or
 * still being checked; with the words of its tooltip.
 *
 * @param failing the ids of the failing requirements, in the contract's order
 * @param of      how many requirements were checked (the four)
 * @param why     the tooltip's words
 */
public record RoleStatus(Kind kind, List<String> failing, int of, String why) {
    /** From best to worst for the admin looking for a role to use; checking last, as nothing is known yet. */
    public enum Kind {
        READY,
        FAILING,
        UNKNOWN,
        CHECKING
    }

    /** Ready first, then by the number failing (1 of 4 is close), then the undecided, then those still checking. */
    public static final Comparator<RoleStatus> ORDER = Comparator.nullsLast(Comparator.comparingInt(RoleStatus::rank));

    static final RoleStatus CHECKING =
            new RoleStatus(Kind.CHECKING, List.of(), 0, Texts.get("role.status.tip.checking"));

    public RoleStatus {
        failing = List.copyOf(failing);
    }

    /** The four results of a role, summed up. */
    public static RoleStatus of(RoleReport report) {
        List<RequirementResult> results = report.requirements();
        List<String> failing = ids(results, Status.FAIL);
        List<RequirementResult> undecided =
                results.stream().filter(r -> r.status() == Status.UNKNOWN).toList();
        String undecidedWhy = undecided.isEmpty()
                ? ""
                : "\n"
                        + Texts.get(
                                "role.status.tip.undecided",
                                undecided.stream()
                                        .map(r -> r.id().id() + ": " + r.detail())
                                        .collect(Collectors.joining("\n")));
        if (!failing.isEmpty()) {
            return new RoleStatus(
                    Kind.FAILING,
                    failing,
                    results.size(),
                    Texts.get("role.status.tip.failing", String.join(", ", failing)) + undecidedWhy);
        }
        if (!undecided.isEmpty()) {
            return new RoleStatus(Kind.UNKNOWN, List.of(), results.size(), undecidedWhy.strip());
        }
        List<String> warnings = ids(results, Status.WARN);
        return new RoleStatus(
                Kind.READY,
                List.of(),
                results.size(),
                warnings.isEmpty()
                        ? Texts.get("role.status.tip.ready", results.size())
                        : Texts.get("role.status.tip.readyWarn", results.size(), String.join(", ", warnings)));
    }

    /** Not decided, for a reason that holds for the whole role (its account could not be read, no appliance yet). */
    public static RoleStatus unknown(String why) {
        return new RoleStatus(Kind.UNKNOWN, List.of(), 0, why);
    }

    private static List<String> ids(List<RequirementResult> results, Status status) {
        return results.stream()
                .filter(r -> r.status() == status)
                .map(r -> r.id().id())
                .toList();
    }

    /** The column's words: never the colour alone. */
    public String text() {
        return switch (kind) {
            case READY -> Texts.get("role.status.ready");
            case FAILING -> Texts.get("role.status.failing", failing.size(), of);
            case UNKNOWN -> Texts.get("role.status.unknown");
            case CHECKING -> Texts.get("role.status.checking");
        };
    }

    private int rank() {
        return switch (kind) {
            case READY -> 0;
            case FAILING -> failing.size();
            case UNKNOWN -> 1_000;
            case CHECKING -> 1_001;
        };
    }
}
