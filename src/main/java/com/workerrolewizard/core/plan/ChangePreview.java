package com.workerrolewizard.core.plan;

import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a change will do, operation by operation, for a view that shows it before anything is written: each
 * operation's title and sentence, its document as a diff (the trust policy before and after; a new document as all
 * added lines), and the equivalent AWS CLI command; then what the plan cannot fix, the limits it breaks and its notes.
 * Texts from outside are shown with their control characters escaped.
 *
 * @param steps    the operations in the order they run
 * @param sections titled lists of sentences (cannot be fixed, limits, notes), only those that hold something
 */
public record ChangePreview(List<Step> steps, List<Section> sections) {
    /** Unchanged lines shown around each change. */
    public static final int CONTEXT = 3;

    public ChangePreview {
        steps = List.copyOf(steps);
        sections = List.copyOf(sections);
    }

    /**
     * @param title   "1. UpdateAssumeRolePolicy"
     * @param fixes   the requirements it makes pass, by id; empty when it only prepares the next step
     * @param diff    its document's lines; empty when it writes no document
     * @param command the AWS CLI command that does the same, when there is one
     */
    public record Step(String title, String summary, String fixes, List<LineDiff.Line> diff, Optional<String> command) {
        public Step {
            diff = List.copyOf(diff);
        }
    }

    public record Section(String title, List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    public static ChangePreview of(FixPlan plan) {
        return of(plan, List.of());
    }

    /** The same, with what IAM Access Analyzer found in the plan's documents (before anything is written). */
    public static ChangePreview of(FixPlan plan, List<String> validation) {
        List<Step> steps = new ArrayList<>();
        int number = 1;
        for (PlannedChange change : plan.changes()) {
            IamOperation operation = change.operation();
            steps.add(new Step(
                    number++ + ". " + operation.action(),
                    shown(operation.summary()),
                    change.fixes().stream().map(RequirementId::id).collect(Collectors.joining(", ")),
                    diff(operation),
                    Optional.of(shown(ShellQuote.awsCli(operation.cliArguments())))));
        }
        List<Section> sections = new ArrayList<>();
        section(sections, "Cannot be fixed by this plan", plan.blockers());
        section(sections, "Limits this plan would break (it will not run)", plan.problems());
        section(sections, "Notes", plan.notes());
        section(
                sections,
                "IAM Access Analyzer",
                validation.stream().map(ChangePreview::shown).toList());
        return new ChangePreview(steps, sections);
    }

    /** The trust policy's change with context; a document written anew is all added lines. */
    static List<LineDiff.Line> diff(IamOperation operation) {
        if (operation instanceof IamOperation.UpdateAssumeRolePolicy update) {
            return escaped(LineDiff.withContext(
                    PolicyJson.pretty(update.before()), PolicyJson.pretty(update.after()), CONTEXT));
        }
        return operation
                .document()
                .map(d -> escaped(LineDiff.full("", PolicyJson.pretty(d))))
                .orElse(List.of());
    }

    private static List<LineDiff.Line> escaped(List<LineDiff.Line> lines) {
        return lines.stream()
                .map(l -> new LineDiff.Line(l.kind(), shown(l.text()), l.folded()))
                .toList();
    }

    private static void section(List<Section> sections, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            sections.add(
                    new Section(title, lines.stream().map(ChangePreview::shown).toList()));
        }
    }

    private static String shown(String text) {
        return ControlCharacters.escape(text);
    }

    public boolean empty() {
        return steps.isEmpty();
    }
}
