package com.workerrolewizard.core.requirement;

import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.evaluation.PrincipalMatch;
import com.workerrolewizard.core.evaluation.PrincipalTarget;
import com.workerrolewizard.core.evaluation.TrustGrant;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.Principals;
import com.workerrolewizard.core.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/** Requirement 3: the EC2 service may assume the role, so that worker instances can run under it. */
public final class Ec2TrustCheck extends TrustPolicyCheck {
    private final Partition partition;

    private Ec2TrustCheck(Partition partition) {
        this.partition = partition;
    }

    public static RequirementResult check(RoleSnapshot role) {
        Ec2TrustCheck check = new Ec2TrustCheck(role.partition());
        return check.check(role, check.new Target());
    }

    /** The EC2 service as the principal asking to assume a role of this partition. */
    public static PrincipalTarget target(Partition partition) {
        return new Ec2TrustCheck(partition).new Target();
    }

    @Override
    RequirementId id() {
        return RequirementId.EC2_TRUST;
    }

    @Override
    String describe(PrincipalTarget target) {
        return target.describe();
    }

    @Override
    String fix() {
        return "the page's statement for EC2 (Principal {\"Service\": \"ec2.amazonaws.com\"})";
    }

    @Override
    String accountPass(TrustGrant grant) {
        return capitalize(grant.statement().label()) + " lets the EC2 service assume the role.";
    }

    @Override
    List<String> failureHints(PolicyDocument trust) {
        List<String> hints = new ArrayList<>();
        for (Statement s : trust.statements()) {
            if (s.principals() == null) {
                continue;
            }
            for (String service : s.principals().values("Service")) {
                if (service.toLowerCase(java.util.Locale.ROOT).startsWith("ec2.") && !accepts(service)) {
                    hints.add(s.label() + " names " + service + ", which is not the EC2 service principal of partition "
                            + partition);
                }
            }
        }
        return hints;
    }

    private boolean accepts(String service) {
        return partition.ec2Principals().stream().anyMatch(service::equalsIgnoreCase);
    }

    private final class Target implements PrincipalTarget {
        @Override
        public PrincipalMatch match(Principals principals) {
            if (principals.values("Service").stream().anyMatch(Ec2TrustCheck.this::accepts)) {
                return PrincipalMatch.EXACT;
            }
            return principals.grantsEveryone() ? PrincipalMatch.EVERYONE : PrincipalMatch.NONE;
        }

        @Override
        public String describe() {
            return "the EC2 service (" + String.join(" or ", partition.ec2Principals()) + ")";
        }
    }
}
