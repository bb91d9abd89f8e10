package com.workerrolewizard.core.requirement;

import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.evaluation.Actions;
import com.workerrolewizard.core.evaluation.PrincipalMatch;
import com.workerrolewizard.core.evaluation.PrincipalTarget;
import com.workerrolewizard.core.evaluation.TrustEvaluation;
import com.workerrolewizard.core.evaluation.TrustEvaluator;
import com.workerrolewizard.core.evaluation.TrustGrant;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Requirements 2 and 3: the role's trust policy lets a principal call {@code sts:AssumeRole}.
 * The two checks differ only in the principal they ask about and the hints they give on failure.
 */
abstract class TrustPolicyCheck {
    abstract RequirementId id();

    /** "the appliance arn:…", "the EC2 service (ec2.amazonaws.com)". */
    abstract String describe(PrincipalTarget target);

    /** The page's statement to add, in a few words. */
    abstract String fix();

    /** Hints for a failure beyond the generic ones: near misses the admin probably meant. */
    abstract List<String> failureHints(PolicyDocument trust);

    /** The sentence for an unconditional Allow through the principal's account. */
    abstract String accountPass(TrustGrant grant);

    /** Risks beyond the generic ones for a principal that is allowed: statements that may still block it. */
    List<String> passRisks(PolicyDocument trust) {
        return List.of();
    }

    final RequirementResult check(RoleSnapshot role, PrincipalTarget target) {
        if (!role.trustPolicy().isKnown()) {
            return RequirementResult.of(
                    id(),
                    Status.UNKNOWN,
                    "The role's trust policy could not be read: "
                            + role.trustPolicy().unknownBecause());
        }
        PolicyDocument trust = role.trustPolicy().value();
        TrustEvaluation evaluation = TrustEvaluator.evaluate(trust, target);
        String who = describe(target);
        Optional<TrustGrant> deny = evaluation.unconditionalDeny();
        if (deny.isPresent()) {
            return result(
                    Status.FAIL,
                    capitalize(deny.get().statement().label()) + " denies sts:AssumeRole to " + who
                            + ", and a Deny wins over any Allow: remove that statement or narrow it so it no longer covers "
                            + who + ".");
        }
        Optional<TrustGrant> allow = evaluation.bestUnconditionalAllow();
        if (allow.isEmpty()) {
            Optional<TrustGrant> conditional = evaluation.conditionalAllow();
            if (conditional.isPresent()) {
                Statement s = conditional.get().statement();
                return result(
                        Status.WARN,
                        capitalize(who) + " may assume the role only under a Condition ("
                                + String.join(", ", s.conditionKeys()) + ") in " + s.label()
                                + ": make sure every request "
                                + "meets it, or add " + fix() + " without a Condition.");
            }
            return result(
                    Status.FAIL,
                    "The trust policy does not let " + who + " assume the role (" + trusted(trust) + ")."
                            + hints(trust, target) + " Add " + fix() + ".");
        }
        List<String> risks = new ArrayList<>();
        Optional<TrustGrant> everyone = evaluation.unconditionalAllowToEveryone();
        if (everyone.isPresent()) {
            risks.add(capitalize(everyone.get().statement().label()) + " lets anyone ("
                    + everyoneLabel(everyone.get().statement())
                    + ") assume the role, " + who + " included: restrict it to the principals that need it.");
        }
        evaluation
                .conditionalDeny()
                .ifPresent(d -> risks.add(capitalize(d.statement().label())
                        + " denies sts:AssumeRole to " + who + " under a Condition ("
                        + String.join(", ", d.statement().conditionKeys())
                        + "): check that it does not apply to its requests."));
        risks.addAll(passRisks(trust));
        TrustGrant grant = allow.get();
        if (grant.match() == PrincipalMatch.EVERYONE) {
            return result(Status.WARN, String.join(" ", risks));
        }
        String pass = grant.match() == PrincipalMatch.ACCOUNT
                ? accountPass(grant)
                : capitalize(grant.statement().label()) + " lets " + who + " assume the role.";
        return risks.isEmpty()
                ? result(Status.PASS, pass)
                : result(Status.WARN, pass + " But: " + String.join(" ", risks));
    }

    private RequirementResult result(Status status, String detail) {
        return RequirementResult.of(id(), status, detail);
    }

    /** What the trust policy does allow to assume the role, so the admin sees what is there. */
    private static String trusted(PolicyDocument trust) {
        Set<String> principals = new LinkedHashSet<>();
        for (Statement s : trust.statements()) {
            if (s.allow()
                    && s.principals() != null
                    && !s.principals().negated()
                    && Actions.applies(s.actions(), TrustEvaluator.ASSUME_ROLE)) {
                if (s.principals().everyone()) {
                    principals.add("\"*\"");
                }
                s.principals().byType().values().forEach(principals::addAll);
            }
        }
        if (principals.isEmpty()) {
            return "no statement allows sts:AssumeRole";
        }
        List<String> shown = principals.stream().limit(4).toList();
        return "it trusts only " + String.join(", ", shown)
                + (principals.size() > shown.size() ? " and " + (principals.size() - shown.size()) + " more" : "");
    }

    private String hints(PolicyDocument trust, PrincipalTarget target) {
        List<String> hints = new ArrayList<>();
        for (Statement s : trust.statements()) {
            if (s.principals() == null) {
                continue;
            }
            if (s.allow()
                    && !s.principals().negated()
                    && target.match(s.principals()) != PrincipalMatch.NONE
                    && !Actions.applies(s.actions(), TrustEvaluator.ASSUME_ROLE)) {
                hints.add(s.label() + " names " + target.describe() + " but allows "
                        + (s.actions().negated() ? "every action except " : "only ")
                        + String.join(", ", s.actions().values())
                        + ", which does not cover sts:AssumeRole");
            }
            for (String value : s.principals().values("AWS")) {
                if (com.workerrolewizard.core.arn.Arn.isUniqueId(value)) {
                    hints.add(s.label() + " names " + value + ", the ID IAM shows when the principal it trusted "
                            + "was deleted (a principal re-created under the same name is not trusted again)");
                }
            }
        }
        hints.addAll(failureHints(trust));
        StringBuilder sentences = new StringBuilder();
        hints.forEach(h -> sentences.append(' ').append(capitalize(h)).append('.'));
        return sentences.toString();
    }

    private static String everyoneLabel(Statement statement) {
        if (statement.principals().negated()) {
            return "NotPrincipal";
        }
        return statement.principals().everyone() ? "Principal \"*\"" : "Principal {\"AWS\": \"*\"}";
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
