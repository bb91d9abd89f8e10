package com.workerrolewizard.core.account;

import com.workerrolewizard.core.UserFacingException;
import java.util.List;

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
}
