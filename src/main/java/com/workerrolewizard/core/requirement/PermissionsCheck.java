package com.workerrolewizard.core.requirement;

import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.evaluation.ActionVerdict;
import com.workerrolewizard.core.evaluation.PermissionEvaluator;
import com.workerrolewizard.core.evaluation.PolicySource;
import com.workerrolewizard.core.evaluation.ResourceScope;
import com.workerrolewizard.core.evaluation.Verdict;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.reference.ServiceAuthorizationReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Requirement 4: the role's effective identity permissions allow every required action on every
 * resource. Inline policies and the default version of each attached managed policy are evaluated
 * together, explicit denies win, and the permissions boundary must allow the action as well.
 */
public final class PermissionsCheck {
    /** How many actions a detail names per reason before it says "and N more" (the full list is in missing). */
    private static final int SHOWN = 5;

    private PermissionsCheck() {}

    public static RequirementResult check(RoleSnapshot role, ActionCatalog catalog) {
        RequirementId id = RequirementId.PERMISSIONS;
        if (!role.policies().isKnown()) {
            return RequirementResult.of(
                    id,
                    Status.UNKNOWN,
                    "The role's permissions policies could not be read: "
                            + role.policies().unknownBecause());
        }
        Inputs inputs = Inputs.of(role);
        List<PolicySource> sources = inputs.sources();
        List<String> unreadable = inputs.unreadable();
        Optional<PolicySource> boundary = inputs.boundary();
        String boundaryUnreadable = inputs.boundaryUnreadable();
        List<ActionVerdict> verdicts = PermissionEvaluator.evaluate(sources, boundary, catalog.actions(), scope(role));
        List<String> missing = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ActionVerdict v : verdicts) {
            if (!v.verdict().granted()) {
                missing.add(v.action());
                reasons.put(v.action(), v.reason());
            }
        }
        int total = catalog.size();
        if (!missing.isEmpty()) {
            boolean onlyImplicit = verdicts.stream()
                    .filter(v -> !v.verdict().granted())
                    .allMatch(v -> v.verdict() == Verdict.NOT_ALLOWED || v.verdict() == Verdict.EXCLUDED);
            String detail = missing.size() + " of " + total + " required actions "
                    + (missing.size() == 1 ? "is" : "are") + " not allowed on every resource: " + grouped(reasons)
                    + ". " + advice(verdicts, sources.isEmpty() && unreadable.isEmpty());
            if (onlyImplicit && !unreadable.isEmpty()) {
                return new RequirementResult(
                        id,
                        Status.UNKNOWN,
                        detail + " A policy that could not be read may allow " + "them: "
                                + String.join(" ", unreadable),
                        missing,
                        reasons);
            }
            return new RequirementResult(id, Status.FAIL, detail, missing, reasons);
        }

        Map<String, String> riskByAction = new LinkedHashMap<>();
        for (ActionVerdict v : verdicts) {
            if (!v.risks().isEmpty()) {
                riskByAction.put(v.action(), String.join("; ", v.risks()));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!riskByAction.isEmpty()) {
            warnings.add(grouped(riskByAction) + ".");
        }
        unreadable.forEach(u -> warnings.add("A policy that could not be read might deny some of them: " + u));
        if (boundaryUnreadable != null) {
            warnings.add("The permissions boundary could not be read and might not allow them: " + boundaryUnreadable);
        }
        boolean exceptSome = verdicts.stream().anyMatch(ActionVerdict::exceptSome);
        String allowed = "All " + total + " required actions are allowed" + (exceptSome ? "" : " on every resource")
                + ", by " + grantedBy(verdicts)
                + (boundary.isPresent() ? " and within " + boundary.get().label() : "") + ".";
        if (warnings.isEmpty()) {
            return RequirementResult.of(id, Status.PASS, allowed);
        }
        return RequirementResult.of(id, Status.WARN, allowed + " But: " + String.join(" ", warnings));
    }

    /**
     * The verdict for each required action from the documents that could be read; a plan uses it to tell
     * what adding the page's policy fixes and what a Deny or the boundary keeps blocked.
     */
    public static List<ActionVerdict> verdicts(RoleSnapshot role, ActionCatalog catalog) {
        Inputs inputs = Inputs.of(role);
        return PermissionEvaluator.evaluate(inputs.sources(), inputs.boundary(), catalog.actions(), scope(role));
    }

    /** The required actions that only an Allow with a NotResource excluding all their resources allows. */
    public static java.util.Set<String> excluded(RoleSnapshot role, ActionCatalog catalog) {
        Set<String> excluded = new LinkedHashSet<>();
        verdicts(role, catalog).stream()
                .filter(v -> v.verdict() == Verdict.EXCLUDED)
                .forEach(v -> excluded.add(v.action()));
        return excluded;
    }

    /** NotResource is read against the resources each action acts on, in the role's partition. */
    private static ResourceScope scope(RoleSnapshot role) {
        return ResourceScope.of(
                ServiceAuthorizationReference.builtIn(), role.partition().id());
    }

    /** The role's readable documents, and a reason for each one that could not be read. */
    record Inputs(
            List<PolicySource> sources,
            List<String> unreadable,
            Optional<PolicySource> boundary,
            String boundaryUnreadable) {
        static Inputs of(RoleSnapshot role) {
            List<PolicySource> sources = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (IdentityPolicy policy :
                    role.policies().isKnown() ? role.policies().value() : List.<IdentityPolicy>of()) {
                if (policy.document().isKnown()) {
                    sources.add(
                            new PolicySource(policy.label(), policy.document().value()));
                } else {
                    unreadable.add(policy.document().unknownBecause());
                }
            }
            Optional<PolicySource> boundary = Optional.empty();
            String boundaryUnreadable = null;
            if (!role.boundary().isKnown()) {
                boundaryUnreadable = role.boundary().unknownBecause();
            } else if (role.boundary().value().isPresent()) {
                IdentityPolicy policy = role.boundary().value().get();
                if (policy.document().isKnown()) {
                    boundary = Optional.of(
                            new PolicySource(policy.label(), policy.document().value()));
                } else {
                    boundaryUnreadable = policy.document().unknownBecause();
                }
            }
            return new Inputs(sources, unreadable, boundary, boundaryUnreadable);
        }
    }

    /** "a, b, c (no statement allows them); d (denied by statement 2 of ...)". */
    static String grouped(Map<String, String> reasonByAction) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        reasonByAction.forEach((action, reason) ->
                byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(action));
        List<String> groups = new ArrayList<>();
        byReason.forEach((reason, actions) -> {
            List<String> shown = actions.subList(0, Math.min(SHOWN, actions.size()));
            String names = String.join(", ", shown)
                    + (actions.size() > shown.size() ? " and " + (actions.size() - shown.size()) + " more" : "");
            groups.add(names + " (" + reason + ")");
        });
        return String.join("; ", groups);
    }

    private static String advice(List<ActionVerdict> verdicts, boolean noPolicies) {
        Set<String> advice = new LinkedHashSet<>();
        for (ActionVerdict v : verdicts) {
            switch (v.verdict()) {
                case NOT_ALLOWED ->
                    advice.add(
                            noPolicies
                                    ? "The role has no permissions policy: attach the page's " + "permissions policy."
                                    : "Attach the page's permissions policy, which allows them on \"*\".");
                case DENIED -> advice.add("Remove or narrow the Deny that blocks them: no Allow can win over it.");
                case EXCLUDED ->
                    advice.add("Narrow the NotResource that takes away every resource they act on, or attach "
                            + "the page's permissions policy, which allows them on \"*\".");
                case OUTSIDE_BOUNDARY ->
                    advice.add(
                            v.identityAllows()
                                    ? "Widen the permissions boundary to allow them: adding them to the role's own policies does not help."
                                    : "Widen the permissions boundary to allow them, and attach the page's permissions policy: "
                                            + "both must allow them.");
                default -> {}
            }
        }
        return String.join(" ", advice);
    }

    private static String grantedBy(List<ActionVerdict> verdicts) {
        Set<String> labels = new LinkedHashSet<>();
        verdicts.forEach(v -> labels.add(v.grantedBy()));
        List<String> shown = labels.stream().limit(3).toList();
        return String.join(", ", shown)
                + (labels.size() > shown.size() ? " and " + (labels.size() - shown.size()) + " more policies" : "");
    }
}
