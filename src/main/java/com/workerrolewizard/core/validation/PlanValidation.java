package com.workerrolewizard.core.validation;

import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.policy.PolicyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What IAM Access Analyzer says about every document a plan would write, shown with the plan before anything is
 * written. An {@code ERROR} finding blocks the write; warnings and suggestions are shown; a refused or unreachable
 * validation is one line, never a failure.
 *
 * @param documents each document the plan writes, with its findings or why they are not known
 * @param notDone   why nothing was validated ({@code --no-validate}, an offline file), when nothing was
 */
public record PlanValidation(List<Checked> documents, Optional<String> notDone) {
    public PlanValidation {
        documents = List.copyOf(documents);
    }

    /** One document: which operation writes it, and what validation found. */
    public record Checked(String operation, Known<List<Finding>> findings) {}

    public static PlanValidation skipped(String why) {
        return new PlanValidation(List.of(), Optional.of(why));
    }

    /** Every document {@code plan} writes, validated as IAM will read it (trust policies as a role's trust). */
    public static PlanValidation of(FixPlan plan, PolicyValidator validator) {
        List<Checked> checked = new ArrayList<>();
        for (IamOperation operation : plan.operations()) {
            operation
                    .document()
                    .ifPresent(document -> checked.add(new Checked(
                            operation.summary(), validator.validate(document.toString(), kindOf(operation)))));
        }
        return new PlanValidation(checked, Optional.empty());
    }

    /** The two documents an export holds, validated as IAM will read them. */
    public static PlanValidation ofExport(String trustPolicy, String permissionsPolicy, PolicyValidator validator) {
        return new PlanValidation(
                List.of(
                        new Checked("the trust policy", validator.validate(trustPolicy, PolicyKind.TRUST)),
                        new Checked(
                                "the permissions policy", validator.validate(permissionsPolicy, PolicyKind.IDENTITY))),
                Optional.empty());
    }

    /** One exported document alone, such as the appliance side's identity policy. */
    public static PlanValidation ofDocument(String what, String document, PolicyKind kind, PolicyValidator validator) {
        return new PlanValidation(List.of(new Checked(what, validator.validate(document, kind))), Optional.empty());
    }

    static PolicyKind kindOf(IamOperation operation) {
        return operation instanceof IamOperation.CreateRole || operation instanceof IamOperation.UpdateAssumeRolePolicy
                ? PolicyKind.TRUST
                : PolicyKind.IDENTITY;
    }

    /** The findings that stop the write. */
    public List<Finding> blocking() {
        return documents.stream()
                .filter(d -> d.findings().isKnown())
                .flatMap(d -> d.findings().value().stream())
                .filter(Finding::blocks)
                .toList();
    }

    /** What to print under the plan: a line per finding, per document that could not be validated, or the summary. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (notDone.isPresent()) {
            lines.add("IAM Access Analyzer: not validated (" + notDone.get() + ").");
            return lines;
        }
        if (documents.isEmpty()) {
            return lines;
        }
        int findings = 0;
        for (Checked document : documents) {
            if (!document.findings().isKnown()) {
                lines.add("IAM Access Analyzer could not validate the document of \"" + document.operation() + "\": "
                        + document.findings().unknownBecause().replaceAll("[.\\s]+$", "") + ".");
                continue;
            }
            for (Finding finding : document.findings().value()) {
                lines.add("IAM Access Analyzer, " + document.operation() + ": " + finding.line());
                findings++;
            }
        }
        long validated = documents.stream().filter(d -> d.findings().isKnown()).count();
        if (findings == 0 && validated > 0) {
            lines.add("IAM Access Analyzer: no findings in "
                    + (validated == 1 ? "the document" : "the " + validated + " documents") + ".");
        }
        return lines;
    }
}
