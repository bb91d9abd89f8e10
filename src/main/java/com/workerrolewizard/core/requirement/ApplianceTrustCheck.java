package com.workerrolewizard.core.requirement;

import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.evaluation.Actions;
import com.workerrolewizard.core.evaluation.PrincipalMatch;
import com.workerrolewizard.core.evaluation.PrincipalTarget;
import com.workerrolewizard.core.evaluation.TrustEvaluator;
import com.workerrolewizard.core.evaluation.TrustGrant;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.Principals;
import com.workerrolewizard.core.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Requirement 2: the backup appliance (its Impersonation role, or its account) may assume the role. */
public final class ApplianceTrustCheck extends TrustPolicyCheck {
    private final AppliancePrincipal appliance;
    private final Partition partition;

    private ApplianceTrustCheck(AppliancePrincipal appliance, Partition partition) {
        this.appliance = appliance;
        this.partition = partition;
    }

    public static RequirementResult check(RoleSnapshot role, AppliancePrincipal appliance) {
        Optional<Partition> named = appliance.partition();
        if (named.isPresent() && named.get() != role.partition()) {
            return RequirementResult.of(
                    RequirementId.APPLIANCE_TRUST,
                    Status.FAIL,
                    "The appliance " + appliance.arn()
                            + " is in partition " + named.get() + " and the role in " + role.partition()
                            + ": a role can trust only principals of its own partition, so give an appliance in "
                            + role.partition() + ".");
        }
        ApplianceTrustCheck check = new ApplianceTrustCheck(appliance, role.partition());
        return check.check(role, check.new Target());
    }

    /** The appliance as the principal asking to assume a role of this partition. */
    public static PrincipalTarget target(AppliancePrincipal appliance, Partition partition) {
        return new ApplianceTrustCheck(appliance, partition).new Target();
    }

    @Override
    RequirementId id() {
        return RequirementId.APPLIANCE_TRUST;
    }

    @Override
    String describe(PrincipalTarget target) {
        return target.describe();
    }

    @Override
    String fix() {
        return "the page's statement for the appliance (Principal {\"AWS\": \"" + appliance.arn(partition) + "\"})";
    }

    @Override
    String accountPass(TrustGrant grant) {
        String subject =
                appliance.isAccount() ? "the appliance's Impersonation role" : "the appliance role " + appliance.arn();
        return capitalize(grant.statement().label()) + " lets account " + appliance.account()
                + " assume the role, which "
                + "covers the appliance; " + subject + " must also be allowed sts:AssumeRole on this role by its own "
                + "permissions policy.";
    }

    /**
     * Given as its account, the appliance is one of the account's roles, which we do not know: a Deny naming a role
     * (or a role's sessions) of that account blocks the appliance if that role is its Impersonation role.
     */
    @Override
    List<String> passRisks(PolicyDocument trust) {
        List<String> risks = new ArrayList<>();
        if (!appliance.isAccount()) {
            return risks;
        }
        for (Statement s : trust.statements()) {
            if (s.allow()
                    || s.principals() == null
                    || s.principals().negated()
                    || !Actions.applies(s.actions(), TrustEvaluator.ASSUME_ROLE)) {
                continue;
            }
            for (String value : s.principals().values("AWS")) {
                Optional<Arn> arn = Arn.parse(value)
                        .filter(a -> a.partition() == partition
                                && a.account().equals(appliance.account())
                                && (a.isRole() || a.resource().startsWith("assumed-role/")));
                if (arn.isPresent()) {
                    risks.add(
                            capitalize(s.label()) + " denies sts:AssumeRole to " + value
                                    + ", a role of the appliance's "
                                    + "account"
                                    + (s.conditional()
                                            ? " under a Condition (" + String.join(", ", s.conditionKeys()) + ")"
                                            : "")
                                    + ": if that is the appliance's Impersonation role, the appliance cannot assume "
                                    + "this role (a Deny wins). Give the Impersonation role's ARN as the appliance to check it exactly.");
                }
            }
        }
        return risks;
    }

    @Override
    List<String> failureHints(PolicyDocument trust) {
        List<String> hints = new ArrayList<>();
        for (Statement s : trust.statements()) {
            // Near misses only among statements that would grant the access if they named the right principal.
            if (s.principals() == null
                    || !s.allow()
                    || s.principals().negated()
                    || !Actions.applies(s.actions(), TrustEvaluator.ASSUME_ROLE)) {
                continue;
            }
            for (String value : s.principals().values("AWS")) {
                Optional<Arn> arn = Arn.parse(value).filter(Arn::isRole);
                if (arn.isEmpty()
                        || (appliance.role().isPresent()
                                && sameRole(arn.get(), appliance.role().get()))) {
                    continue;
                }
                if (appliance.isAccount() && arn.get().account().equals(appliance.account())) {
                    hints.add(s.label() + " trusts " + value + ", a role of the appliance's account: if it is the "
                            + "Impersonation role, give its ARN as the appliance");
                } else if (appliance.role().isPresent()
                        && arn.get()
                                .roleName()
                                .equalsIgnoreCase(appliance.role().get().roleName())) {
                    hints.add(s.label() + " trusts " + value + ", a role with the same name but another "
                            + (arn.get().account().equals(appliance.account()) ? "path" : "account")
                            + ": check which one the appliance uses");
                }
            }
        }
        return hints;
    }

    /** Same account and path; role names are unique regardless of case, so IAM resolves either spelling to the role. */
    private static boolean sameRole(Arn a, Arn b) {
        return a.account().equals(b.account())
                && a.rolePath().equals(b.rolePath())
                && a.roleName().equalsIgnoreCase(b.roleName());
    }

    /** The appliance as a principal: its role exactly, or any principal of its account through the root. */
    private final class Target implements PrincipalTarget {
        @Override
        public PrincipalMatch match(Principals principals) {
            if (principals.everyone()) {
                return PrincipalMatch.EVERYONE;
            }
            PrincipalMatch best = PrincipalMatch.NONE;
            for (String value : principals.values("AWS")) {
                PrincipalMatch match = matchOne(value);
                if (match.compareTo(best) < 0) {
                    best = match;
                }
            }
            return best;
        }

        private PrincipalMatch matchOne(String value) {
            if (value.equals("*")) {
                return PrincipalMatch.EVERYONE;
            }
            if (Arn.isAccountId(value)) {
                return value.equals(appliance.account()) ? PrincipalMatch.ACCOUNT : PrincipalMatch.NONE;
            }
            Optional<Arn> arn = Arn.parse(value);
            if (arn.isEmpty()
                    || arn.get().partition() != partition
                    || !arn.get().account().equals(appliance.account())) {
                return PrincipalMatch.NONE;
            }
            if (arn.get().isAccountRoot()) {
                return PrincipalMatch.ACCOUNT;
            }
            if (arn.get().isRole()
                    && appliance.role().isPresent()
                    && sameRole(arn.get(), appliance.role().get())) {
                return PrincipalMatch.EXACT;
            }
            return PrincipalMatch.NONE;
        }

        @Override
        public String describe() {
            return appliance.isAccount()
                    ? "the appliance's account " + appliance.arn(partition)
                    : "the appliance role " + appliance.arn(partition);
        }
    }
}
