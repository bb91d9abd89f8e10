package com.workerrolewizard.core.requirement;

import com.workerrolewizard.core.account.InstanceProfileRef;
import com.workerrolewizard.core.account.RoleSnapshot;
import java.util.List;
import java.util.stream.Collectors;

/** Requirement 1: EC2 attaches a role to an instance only through an instance profile. */
public final class InstanceProfileCheck {
    private InstanceProfileCheck() {}

    public static RequirementResult check(RoleSnapshot role) {
        RequirementId id = RequirementId.INSTANCE_PROFILE;
        if (!role.instanceProfiles().isKnown()) {
            return RequirementResult.of(
                    id,
                    Status.UNKNOWN,
                    "The role's instance profiles could not be read: "
                            + role.instanceProfiles().unknownBecause());
        }
        List<InstanceProfileRef> profiles = role.instanceProfiles().value();
        if (profiles.isEmpty()) {
            return RequirementResult.of(
                    id,
                    Status.FAIL,
                    "The role is in no instance profile, so EC2 cannot attach it "
                            + "to worker instances: create an instance profile and add the role to it.");
        }
        String names = profiles.stream().map(p -> "\"" + p.name() + "\"").collect(Collectors.joining(", "));
        return RequirementResult.of(
                id,
                Status.PASS,
                profiles.size() == 1
                        ? "The role is in instance profile " + names + "."
                        : "The role is in " + profiles.size() + " instance profiles: " + names + ".");
    }
}
