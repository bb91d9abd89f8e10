package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.validation.PlanValidation;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The checklist's plans for the preview, each made in the background with IAM Access Analyzer's findings: one of the
 * four, all failing ones of the four (Fix all), or the appliance side alone, which only its own Fix asks for.
 */
final class ChecklistPlans {
    private final ChecklistViewModel m;
    private List<String> validation = List.of();
    private boolean blocks;

    ChecklistPlans(ChecklistViewModel model) {
        this.m = model;
    }

    void plan(
            Optional<RequirementId> only,
            Optional<NewRoleRequest> request,
            PermissionsMode mode,
            Consumer<FixPlan> preview) {
        String role = m.state.roleName.get();
        var appliance = m.state.appliance.get();
        planned(
                roles -> {
                    // Never the appliance side: Fix all fixes this role; the appliance's role has its own Fix.
                    FixPlan whole = roles.plan(role, request, appliance, mode);
                    return only.map(whole::onlyFor).orElse(whole);
                },
                preview);
    }

    void planAppliance(PermissionsMode mode, Consumer<FixPlan> preview) {
        String role = m.state.roleName.get();
        var appliance = m.state.appliance.get();
        planned(roles -> roles.planFix(role, appliance, mode, true).onlyFor(RequirementId.APPLIANCE_ACCESS), preview);
    }

    private void planned(Function<RoleWorkflow, FixPlan> planner, Consumer<FixPlan> preview) {
        m.busy.set(true);
        Session session = m.state.session.get();
        RoleWorkflow roles = m.roles(session);
        m.background.run(
                () -> {
                    FixPlan plan = planner.apply(roles);
                    // IAM Access Analyzer's findings, shown with the plan: an ERROR among them stops Apply.
                    PlanValidation checked = plan.empty() ? null : roles.validate(plan);
                    return new Planned(
                            plan,
                            checked == null ? List.of() : checked.lines(),
                            checked != null && !checked.blocking().isEmpty());
                },
                planned -> {
                    m.busy.set(false);
                    validation = planned.validation();
                    blocks = planned.blocks();
                    preview.accept(planned.plan());
                },
                m::failed);
    }

    private record Planned(FixPlan plan, List<String> validation, boolean blocks) {}

    List<String> validation() {
        return validation;
    }

    boolean blocks() {
        return blocks;
    }
}
