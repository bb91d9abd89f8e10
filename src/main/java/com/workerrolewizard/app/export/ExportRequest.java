package com.workerrolewizard.app.export;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import java.util.Optional;

/**
 * What to export: the documents for an appliance, of a role of the account or of a role to create.
 *
 * @param session the signed-in account; empty to generate the documents of a new role without one
 * @param role    the chosen role of the account, or the name of the role to create (the default name when blank)
 * @param newRole whether the role is still to be created, as {@code request} describes it (by name only when empty)
 */
public record ExportRequest(
        Optional<Session> session,
        AppliancePrincipal appliance,
        String role,
        boolean newRole,
        Optional<NewRoleRequest> request,
        PermissionsMode mode) {

    /** The role to create: as described, else by its name (the default name when none was given). */
    public NewRoleRequest newRoleRequest() {
        return request.orElseGet(
                () -> NewRoleRequest.named(role == null || role.isBlank() ? ExportWorkflow.DEFAULT_ROLE : role));
    }
}
