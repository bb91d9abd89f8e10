package com.workerrolewizard.core.evaluation;

import com.workerrolewizard.core.policy.Statement;
import com.workerrolewizard.core.policy.ValueList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IAM's evaluation of identity policies for one action on one named resource (the appliance's {@code sts:AssumeRole}
 * on a worker role's ARN), where {@link PermissionEvaluator} asks about every resource. A statement applies when its
 * {@code Resource} matches the ARN, or its {@code NotResource} does not; an explicit Deny wins, then an Allow is
 * needed, then the permissions boundary must allow it too. A Condition is not evaluated: a conditional Allow holds
 * with a risk, a conditional Deny is a risk.
 *
 * @param verdict {@link Verdict#ALLOWED}, {@link Verdict#DENIED}, {@link Verdict#NOT_ALLOWED} or
 *                {@link Verdict#OUTSIDE_BOUNDARY}
 * @param where   the statement that decides ("statement 2 of inline policy "x""), or why nothing does
 * @param risks   what could still refuse it (a Condition, a conditional Deny)
 */
public record ResourceAccess(Verdict verdict, String where, List<String> risks) {
    public ResourceAccess {
        risks = List.copyOf(risks);
    }

    public static ResourceAccess evaluate(
            List<PolicySource> identity, Optional<PolicySource> boundary, String action, String resourceArn) {
        Hits hits = Hits.of(identity, action, resourceArn);
        Optional<Hits> limit = boundary.map(b -> Hits.of(List.of(b), action, resourceArn));
        if (hits.deny != null) {
            return new ResourceAccess(Verdict.DENIED, hits.deny.where(), List.of());
        }
        if (limit.isPresent() && limit.get().deny != null) {
            return new ResourceAccess(Verdict.DENIED, limit.get().deny.where(), List.of());
        }
        if (hits.allow().isEmpty()) {
            return new ResourceAccess(Verdict.NOT_ALLOWED, "no statement allows it on " + resourceArn, List.of());
        }
        List<String> risks = new ArrayList<>();
        hits.addRisks(risks);
        if (limit.isPresent()) {
            if (limit.get().allow().isEmpty()) {
                return new ResourceAccess(
                        Verdict.OUTSIDE_BOUNDARY,
                        boundary.get().label() + " does not allow it on " + resourceArn,
                        List.of());
            }
            limit.get().addRisks(risks);
        }
        return new ResourceAccess(Verdict.ALLOWED, hits.allow().get().where(), risks);
    }

    /** Only the boundary and the Denies, for a grant that needs no Allow of the identity's own (a same-account trust). */
    public static ResourceAccess withoutIdentityAllow(
            List<PolicySource> identity, Optional<PolicySource> boundary, String action, String resourceArn) {
        ResourceAccess full = evaluate(identity, boundary, action, resourceArn);
        if (full.verdict() == Verdict.NOT_ALLOWED) {
            Optional<Hits> limit = boundary.map(b -> Hits.of(List.of(b), action, resourceArn));
            List<String> risks = new ArrayList<>();
            Hits.of(identity, action, resourceArn).addRisks(risks);
            if (limit.isPresent() && limit.get().allow().isEmpty()) {
                return new ResourceAccess(
                        Verdict.OUTSIDE_BOUNDARY,
                        boundary.get().label() + " does not allow it on " + resourceArn,
                        List.of());
            }
            limit.ifPresent(l -> l.addRisks(risks));
            return new ResourceAccess(Verdict.ALLOWED, "", risks);
        }
        return full;
    }

    private record Hit(PolicySource source, Statement statement) {
        String where() {
            return statement.label() + " of " + source.label();
        }

        String conditionKeys() {
            return String.join(", ", statement.conditionKeys());
        }
    }

    /** The statements that apply to the action on the resource, by kind (the first of each kind). */
    private static final class Hits {
        Hit deny;
        Hit conditionalDeny;
        Hit allow;
        Hit conditionalAllow;

        static Hits of(List<PolicySource> sources, String action, String resourceArn) {
            Hits hits = new Hits();
            for (PolicySource source : sources) {
                for (Statement statement : source.document().statements()) {
                    if (Actions.applies(statement.actions(), action) && covers(statement.resources(), resourceArn)) {
                        hits.record(new Hit(source, statement));
                    }
                }
            }
            return hits;
        }

        private void record(Hit hit) {
            boolean conditional = hit.statement.conditional();
            if (!hit.statement.allow()) {
                if (!conditional && deny == null) {
                    deny = hit;
                } else if (conditional && conditionalDeny == null) {
                    conditionalDeny = hit;
                }
            } else if (!conditional && allow == null) {
                allow = hit;
            } else if (conditional && conditionalAllow == null) {
                conditionalAllow = hit;
            }
        }

        Optional<Hit> allow() {
            return Optional.ofNullable(allow != null ? allow : conditionalAllow);
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
        }
    }

    /** Whether a Resource or NotResource element takes in the ARN (an identity statement without one takes in nothing). */
    static boolean covers(ValueList resources, String resourceArn) {
        if (resources == null) {
            return false;
        }
        boolean named = resources.values().stream().anyMatch(p -> Wildcard.matchesResource(p, resourceArn));
        return resources.negated() != named;
    }
}
