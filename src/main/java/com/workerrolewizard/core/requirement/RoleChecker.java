package com.workerrolewizard.core.requirement;

import com.workerrolewizard.core.account.ApplianceSide;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.reference.ActionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the four checks on a role snapshot, in the contract's order, and the fifth where it can be decided. */
public final class RoleChecker {
    private final ActionCatalog catalog;

    public RoleChecker(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    public ActionCatalog catalog() {
        return catalog;
    }

    /** The local evaluation, reconciled with IAM's policy simulator where the source asked it. */
    private RequirementResult permissions(RoleSnapshot role) {
        RequirementResult local = PermissionsCheck.check(role, catalog);
        return role.simulation()
                .map(s -> SimulationReconciler.reconcile(local, s, catalog, PermissionsCheck.excluded(role, catalog)))
                .orElse(local);
    }

    public RoleReport check(RoleSnapshot role, AppliancePrincipal appliance) {
        return check(role, appliance, Optional.empty());
    }

    /** The four, and {@code appliance-access} where the appliance's side can be read. */
    public RoleReport check(RoleSnapshot role, AppliancePrincipal appliance, Optional<ApplianceSide> side) {
        List<RequirementResult> results = new ArrayList<>(List.of(
                InstanceProfileCheck.check(role),
                ApplianceTrustCheck.check(role, appliance),
                Ec2TrustCheck.check(role),
                permissions(role)));
        side.ifPresent(s -> results.add(ApplianceAccessCheck.check(role, appliance, s)));
        return new RoleReport(role.name(), role.arn(), results);
    }
}
