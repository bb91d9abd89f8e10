package com.workerrolewizard.core.evaluation;

import com.workerrolewizard.core.policy.Statement;
import com.workerrolewizard.core.policy.ValueList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IAM's evaluation of identity policies for one action on every resource ({@code "*"}): an explicit
 * Deny wins, then an Allow is needed, then the permissions boundary must allow it as well.
 * Resources are matched as the policy simulator does for resource {@code "*"}: an Allow limited to
 * one queue ARN does not grant the action everywhere; a Deny limited to one ARN is a risk, not a denial.
 */
public final class PermissionEvaluator {
    private PermissionEvaluator() {
    }

    public static List<ActionVerdict> evaluate(List<PolicySource> identity, Optional<PolicySource> boundary,
            List<String> actions) {
        List<ActionVerdict> verdicts = new ArrayList<>(actions.size());
        for (String action : actions) {
            verdicts.add(evaluate(identity, boundary, action));
        }
        return verdicts;
    }

    private static ActionVerdict evaluate(List<PolicySource> identity, Optional<PolicySource> boundary, String action) {
        Access access = Access.of(identity, action);
        List<String> risks = new ArrayList<>();
        if (access.deny != null) {
            return new ActionVerdict(action, Verdict.DENIED, "denied by " + access.deny.where(), risks, null, false);
        }
        Hit grant = access.allow != null ? access.allow : access.conditionalAllow;
        if (grant == null) {
            String reason = access.partialAllow == null ? "no statement allows it"
                    : access.partialAllow.where() + " allows it only on " + resources(access.partialAllow)
                            + ", not on every resource";
            // Say so when the boundary would refuse it too: adding an Allow alone would then not be enough.
            Optional<String> outside = boundary.flatMap(b -> boundaryRefusal(b, action));
            if (outside.isPresent()) {
                return new ActionVerdict(action, Verdict.OUTSIDE_BOUNDARY, reason + "; " + outside.get(),
                        risks, null, false);
            }
            return new ActionVerdict(action, Verdict.NOT_ALLOWED, reason, risks, null, false);
        }
        access.addRisks(risks);
        if (boundary.isPresent()) {
            Optional<String> outside = boundaryRefusal(boundary.get(), action);
            if (outside.isPresent()) {
                return new ActionVerdict(action, Verdict.OUTSIDE_BOUNDARY, outside.get(), risks, null, true);
            }
            Access.of(List.of(boundary.get()), action).addRisks(risks);
        }
        return new ActionVerdict(action, Verdict.ALLOWED, null, risks, grant.source.label(), true);
    }

    /** Why the permissions boundary refuses the action, if it does. */
    private static Optional<String> boundaryRefusal(PolicySource boundary, String action) {
        Access limit = Access.of(List.of(boundary), action);
        if (limit.deny != null) {
            return Optional.of("denied by " + limit.deny.where());
        }
        if (limit.allow == null && limit.conditionalAllow == null) {
            return Optional.of("outside " + boundary.label() + ", which does not allow it");
        }
        return Optional.empty();
    }

    private static String resources(Hit hit) {
        List<String> values = hit.statement.resources().values();
        return values.size() == 1 ? values.get(0) : String.join(", ", values);
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

    /** The first statement of each kind that applies to the action, across the given documents. */
    private static final class Access {
        Hit deny;
        Hit conditionalDeny;
        Hit partialDeny;
        Hit allow;
        Hit conditionalAllow;
        Hit partialAllow;

        static Access of(List<PolicySource> sources, String action) {
            Access access = new Access();
            for (PolicySource source : sources) {
                for (Statement statement : source.document().statements()) {
                    if (Actions.applies(statement.actions(), action)) {
                        access.record(new Hit(source, statement));
                    }
                }
            }
            return access;
        }

        private void record(Hit hit) {
            Statement s = hit.statement;
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
            } else if (everywhere && !s.conditional()) {
                allow = allow == null ? hit : allow;
            } else if (everywhere) {
                conditionalAllow = conditionalAllow == null ? hit : conditionalAllow;
            } else {
                partialAllow = partialAllow == null ? hit : partialAllow;
            }
        }

        void addRisks(List<String> risks) {
            if (allow == null && conditionalAllow != null) {
                risks.add("allowed only under a Condition (" + conditionalAllow.conditionKeys() + ") by "
                        + conditionalAllow.where());
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

    private enum Coverage { ALL, SOME, NONE }

    /** How a Resource/NotResource element covers "every resource", read as the literal "*" the simulator uses. */
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
