package com.workerrolewizard.core.evaluation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every statement of a trust policy that allows or denies {@code sts:AssumeRole} to one principal. */
public record TrustEvaluation(List<TrustGrant> allows, List<TrustGrant> denies) {
    public TrustEvaluation {
        allows = List.copyOf(allows);
        denies = List.copyOf(denies);
    }

    public Optional<TrustGrant> unconditionalDeny() {
        return denies.stream().filter(g -> !g.statement().conditional()).findFirst();
    }

    public Optional<TrustGrant> conditionalDeny() {
        return denies.stream().filter(g -> g.statement().conditional()).findFirst();
    }

    /** The unconditional Allow that matches best (an exact name over an account over everyone). */
    public Optional<TrustGrant> bestUnconditionalAllow() {
        return allows.stream().filter(g -> !g.statement().conditional()).min(Comparator.comparing(TrustGrant::match));
    }

    /** An unconditional Allow that names everyone, even when the same statement also names the target. */
    public Optional<TrustGrant> unconditionalAllowToEveryone() {
        return allows.stream()
                .filter(g -> !g.statement().conditional()
                        && (g.match() == PrincipalMatch.EVERYONE
                                || g.statement().principals().grantsEveryone()))
                .findFirst();
    }

    public Optional<TrustGrant> conditionalAllow() {
        return allows.stream().filter(g -> g.statement().conditional()).min(Comparator.comparing(TrustGrant::match));
    }
}
