package com.workerrolewizard.core.evaluation;

import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.Principals;
import com.workerrolewizard.core.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a trust policy as IAM does for one {@code sts:AssumeRole} request. */
public final class TrustEvaluator {
    public static final String ASSUME_ROLE = "sts:AssumeRole";

    private TrustEvaluator() {}

    public static TrustEvaluation evaluate(PolicyDocument trustPolicy, PrincipalTarget target) {
        List<TrustGrant> allows = new ArrayList<>();
        List<TrustGrant> denies = new ArrayList<>();
        for (Statement statement : trustPolicy.statements()) {
            if (!Actions.applies(statement.actions(), ASSUME_ROLE)) {
                continue;
            }
            PrincipalMatch match = match(statement.principals(), target);
            if (match == PrincipalMatch.NONE) {
                continue;
            }
            (statement.allow() ? allows : denies).add(new TrustGrant(statement, match));
        }
        return new TrustEvaluation(allows, denies);
    }

    private static PrincipalMatch match(Principals principals, PrincipalTarget target) {
        if (principals == null) {
            return PrincipalMatch.NONE;
        }
        if (!principals.negated()) {
            return target.match(principals);
        }
        // NotPrincipal: applies to everyone the list does not name.
        if (principals.everyone()) {
            return PrincipalMatch.NONE;
        }
        return target.match(principals) == PrincipalMatch.NONE ? PrincipalMatch.EVERYONE : PrincipalMatch.NONE;
    }
}
