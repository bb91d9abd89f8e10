package com.workerrolewizard.core.account;

import java.util.Optional;

/**
 * The appliance's side of an assume-role call, where the source can read it (the Impersonation role is in the
 * account at hand): the role's own policies and boundary, and what IAM's policy simulator says about its
 * {@code sts:AssumeRole} on one worker role.
 *
 * @param role       the Impersonation role, or why it could not be read
 * @param simulation the simulator's answer for {@code sts:AssumeRole} on the worker role's ARN: empty where no
 *                   simulator was asked (an offline file), unknown where it was refused or failed
 */
public record ApplianceSide(Known<RoleSnapshot> role, Optional<Known<SimulatedAction>> simulation) {
    public static ApplianceSide offline(Known<RoleSnapshot> role) {
        return new ApplianceSide(role, Optional.empty());
    }
}
