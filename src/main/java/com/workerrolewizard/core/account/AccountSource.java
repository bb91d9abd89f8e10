package com.workerrolewizard.core.account;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Arn;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the account comes from (an authorization-details file, a live account, the sandbox): the roles the
 * checks read and the facts the plans need. The faces work against this, whatever is behind it.
 */
public interface AccountSource {
    /** The role of that name (any case) or ARN; a one-sentence {@link UserFacingException} when there is none. */
    RoleSnapshot role(String nameOrArn);

    /** Every role of the account. */
    List<RoleSnapshot> allRoles();

    /** Every role of the account, telling {@code progress} how far it has come. */
    default List<RoleSnapshot> allRoles(Progress progress) {
        List<RoleSnapshot> roles = allRoles();
        progress.rolesRead(roles.size());
        progress.rolesChecked(roles.size(), roles.size());
        return roles;
    }

    AccountFacts facts();

    /** How to name the source in messages: a file name, "account 123456789012", "the sandbox account". */
    String describe();

    /**
     * The appliance's Impersonation role, for {@code appliance-access}: empty when the appliance is given as an
     * account or its role is in another account (this source cannot read it); unknown with the reason when it is in
     * this account but cannot be read.
     */
    default Optional<Known<RoleSnapshot>> applianceRole(AppliancePrincipal appliance) {
        Optional<Arn> role = appliance.role();
        if (role.isEmpty()
                || !facts().accountId().map(role.get().account()::equals).orElse(false)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Known.of(role(role.get().toString())));
        } catch (UserFacingException e) {
            return Optional.of(Known.unknown(e.getMessage()));
        }
    }

    /**
     * IAM's policy simulator on the appliance role, for {@code sts:AssumeRole} on each worker role: empty where this
     * source has no simulator (a file).
     */
    default Map<String, Known<SimulatedAction>> simulateAssume(String applianceRoleArn, List<String> workerArns) {
        return Map.of();
    }
}
