package com.workerrolewizard.core.evaluation;

import com.workerrolewizard.core.policy.Statement;
import com.workerrolewizard.core.policy.ValueList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * IAM's evaluation of identity policies for one action on every resource ({@code "*"}): an explicit
 * Deny wins, then an Allow is needed, then the permissions boundary must allow it as well.
 * Resources are matched as the policy simulator does for resource {@code "*"}: an Allow limited to
 * one queue ARN does not grant the action everywhere; a Deny limited to one ARN is a risk, not a denial.
 * An Allow with {@code NotResource} is read by the {@link ResourceScope}: it does not grant an action whose
 * every resource it excludes, and grants with a risk an action some of whose resources it excludes.
 */
public final class PermissionEvaluator {
    private PermissionEvaluator() {}

    public static List<ActionVerdict> evaluate(
            List<PolicySource> identity, Optional<PolicySource> boundary, List<String> actions, ResourceScope scope) {
        List<ActionVerdict> verdicts = new ArrayList<>(actions.size());
        for (String action : actions) {
            verdicts.add(evaluate(identity, boundary, action, scope));
        }
        return verdicts;
    }

    private static ActionVerdict evaluate(
            List<PolicySource> identity, Optional<PolicySource> boundary, String action, ResourceScope scope) {
        Access access = Access.of(identity, action, scope);
        List<String> risks = new ArrayList<>();
        if (access.deny != null) {
            return new ActionVerdict(action, Verdict.DENIED, "denied by " + access.deny.where(), risks, null, false);
        }
        Optional<Grant> grant = access.bestGrant();
        if (grant.isEmpty()) {
            Verdict verdict = access.excludedAllow != null ? Verdict.EXCLUDED : Verdict.NOT_ALLOWED;
            String reason = access.whyNotAllowed();
            // Say so when the boundary would refuse it too: adding an Allow alone would then not be enough.
            Optional<String> outside = boundary.flatMap(b -> boundaryRefusal(b, action, scope));
            if (outside.isPresent()) {
                return new ActionVerdict(
                        action, Verdict.OUTSIDE_BOUNDARY, reason + "; " + outside.get(), risks, null, false);
            }
            return new ActionVerdict(action, verdict, reason, risks, null, false);
        }
        access.addRisks(risks);
        boolean exceptSome = grant.get().partial();
        if (boundary.isPresent()) {
            Optional<String> outside = boundaryRefusal(boundary.get(), action, scope);
            if (outside.isPresent()) {
                return new ActionVerdict(action, Verdict.OUTSIDE_BOUNDARY, outside.get(), risks, null, true);
            }
            Access limit = Access.of(List.of(boundary.get()), action, scope);
            limit.addRisks(risks);
            exceptSome |= limit.bestGrant().map(Grant::partial).orElse(false);
        }
        return new ActionVerdict(
                action, Verdict.ALLOWED, null, risks, grant.get().hit.source.label(), true, exceptSome);
    }

    /** Why the permissions boundary refuses the action, if it does. */
    private static Optional<String> boundaryRefusal(PolicySource boundary, String action, ResourceScope scope) {
        Access limit = Access.of(List.of(boundary), action, scope);
        if (limit.deny != null) {
            return Optional.of("denied by " + limit.deny.where());
        }
        if (limit.bestGrant().isEmpty()) {
            return Optional.of(
                    limit.excludedAllow != null
                            ? "outside " + boundary.label() + ", whose " + limit.excludedAllow.where() + " "
                                    + excludedText(limit.excludedAllow)
                            : "outside " + boundary.label() + ", which does not allow it");
        }
        return Optional.empty();
    }

    private static String resources(Hit hit) {
        return String.join(", ", hit.statement.resources().values());
    }

    /** "allows it except on arn:aws:sqs:*:*:* (NotResource), which names every resource it acts on (sqs:queue)". */
    private static String excludedText(Grant excluded) {
        String names = excluded.exclusion.types().isEmpty()
                ? "every resource"
                : "every resource it acts on (" + String.join(", ", excluded.exclusion.types()) + ")";
        return "allows it except on " + String.join(", ", excluded.exclusion.patterns())
                + " (NotResource), which names " + names;
    }

    /** A statement that applies, and the document it stands in. */
    private record Hit(PolicySource source, Statement statement) {
        String where() {
            return statement.label() + " of " + source.label();
        }

        String conditionKeys() {
            return String.join(", ", statement.conditionKeys());
        }
    }

    /** An Allow that applies, with what its NotResource (if any) takes away from the action. */
    private record Grant(Hit hit, Exclusion exclusion) {
        boolean partial() {
            return exclusion.extent() == Exclusion.Extent.SOME;
        }

        /** Best first: everywhere and unconditional, then with an exclusion, then conditional. */
        int rank() {
            return (hit.statement.conditional() ? 2 : 0) + (partial() ? 1 : 0);
        }

        String where() {
            return hit.where();
        }
    }

    /** The statements that apply to the action, across the given documents, by kind (the first of each kind). */
    private static final class Access {
        Hit deny;
        Hit conditionalDeny;
        Hit partialDeny;
        final List<Grant> grants = new ArrayList<>();
        Grant excludedAllow;
        Hit partialAllow;

        static Access of(List<PolicySource> sources, String action, ResourceScope scope) {
            Access access = new Access();
            for (PolicySource source : sources) {
                for (Statement statement : source.document().statements()) {
                    if (Actions.applies(statement.actions(), action)) {
                        access.record(new Hit(source, statement), action, scope);
                    }
                }
            }
            return access;
        }

        private void record(Hit hit, String action, ResourceScope scope) {
            Statement s = hit.statement;
            if (s.allow() && s.resources() != null && s.resources().negated()) {
                Exclusion exclusion = scope.exclusion(s.resources().values(), action);
                if (exclusion.extent() == Exclusion.Extent.ALL) {
                    excludedAllow = excludedAllow == null ? new Grant(hit, exclusion) : excludedAllow;
                } else {
                    grants.add(new Grant(hit, exclusion));
                }
                return;
            }
            Coverage coverage = coverage(s.resources());
            if (coverage == Coverage.NONE) {
                return;
            }
            boolean everywhere = coverage == Coverage.ALL;
            if (!s.allow()) {
                if (everywhere && !s.conditional()) {
                    deny = deny == null ? hit : deny;
                } else if (everywhere) {
                    conditionalDeny = conditionalDeny == null ? hit : conditionalDeny;
                } else {
                    partialDeny = partialDeny == null ? hit : partialDeny;
                }
            } else if (everywhere) {
                grants.add(new Grant(hit, Exclusion.NONE));
            } else {
                partialAllow = partialAllow == null ? hit : partialAllow;
            }
        }

        Optional<Grant> bestGrant() {
            return grants.stream().min(Comparator.comparingInt(Grant::rank));
        }

        String whyNotAllowed() {
            if (excludedAllow != null) {
                return excludedAllow.where() + " " + excludedText(excludedAllow);
            }
            if (partialAllow != null) {
                return partialAllow.where() + " allows it only on " + resources(partialAllow)
                        + ", not on every resource";
            }
            return "no statement allows it";
        }

        void addRisks(List<String> risks) {
            Optional<Grant> best = bestGrant();
            if (best.isPresent() && best.get().hit.statement.conditional()) {
                risks.add("allowed only under a Condition (" + best.get().hit.conditionKeys() + ") by "
                        + best.get().where());
            }
            if (best.isPresent() && best.get().partial()) {
                Exclusion exclusion = best.get().exclusion;
                risks.add("allowed except on " + String.join(", ", exclusion.patterns()) + " (NotResource, "
                        + String.join(", ", exclusion.types()) + ") by "
                        + best.get().where());
            }
            if (conditionalDeny != null) {
                risks.add("denied under a Condition (" + conditionalDeny.conditionKeys() + ") by "
                        + conditionalDeny.where());
            }
            if (partialDeny != null) {
                risks.add("denied on " + resources(partialDeny) + " by " + partialDeny.where());
            }
        }
    }

    private enum Coverage {
        ALL,
        SOME,
        NONE
    }

    /**
     * How a Resource/NotResource element covers "every resource", read as the literal "*" the simulator uses
     * (an Allow's NotResource is read by the scope instead).
     */
    private static Coverage coverage(ValueList resources) {
        if (resources == null) {
            return Coverage.NONE;
        }
        boolean matchesStar = resources.values().stream().anyMatch(p -> Wildcard.matchesResource(p, "*"));
        if (resources.negated()) {
            return matchesStar ? Coverage.NONE : Coverage.ALL;
        }
        if (matchesStar) {
            return Coverage.ALL;
        }
        return resources.values().isEmpty() ? Coverage.NONE : Coverage.SOME;
    }
}
