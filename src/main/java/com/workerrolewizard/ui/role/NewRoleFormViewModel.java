package com.workerrolewizard.ui.role;

import com.workerrolewizard.app.export.ExportWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The role step's new-role form: the role to create, each field checked as it is typed against IAM's rules (and the
 * name against the account's roles), and the exact documents the role would get.
 */
public final class NewRoleFormViewModel {
    private final WizardState state;
    private final Predicate<String> taken;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty path = new SimpleStringProperty("/");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty boundaryArn = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final ObjectProperty<PermissionsMode> permissionsMode = new SimpleObjectProperty<>(PermissionsMode.INLINE);
    private final StringProperty nameError = new SimpleStringProperty();
    private final StringProperty pathError = new SimpleStringProperty();
    private final StringProperty descriptionError = new SimpleStringProperty();
    private final StringProperty boundaryError = new SimpleStringProperty();
    private final StringProperty tagsError = new SimpleStringProperty();
    private final StringProperty trustPreview = new SimpleStringProperty("");
    private final StringProperty permissionsPreview = new SimpleStringProperty("");
    private final BooleanBinding valid;
    /** True while the name is the wizard's proposal, not one the admin typed. */
    private boolean suggested = true;

    private boolean suggesting;

    /** @param taken whether the account has a role of this name already */
    public NewRoleFormViewModel(WizardState state, Predicate<String> taken) {
        this.state = state;
        this.taken = taken;
        valid = Bindings.createBooleanBinding(
                () -> nameError.get() == null
                        && pathError.get() == null
                        && descriptionError.get() == null
                        && boundaryError.get() == null
                        && tagsError.get() == null,
                nameError,
                pathError,
                descriptionError,
                boundaryError,
                tagsError);
        name.addListener((o, was, is) -> {
            if (!suggesting) {
                suggested = false;
            }
            validateName();
        });
        path.addListener(
                (o, was, is) -> pathError.set(IamLimits.path(path.get()).orElse(null)));
        description.addListener((o, was, is) -> descriptionError.set(
                IamLimits.description(blankToNull(description.get())).orElse(null)));
        boundaryArn.addListener((o, was, is) -> validateBoundary());
        tags.addListener((o, was, is) -> validateTags());
        suggestName();
        state.appliance.addListener((o, was, is) -> updatePreview());
        state.session.addListener((o, was, is) -> updatePreview());
        state.documents.addListener((o, was, is) -> updatePreview());
        updatePreview();
    }

    /**
     * Proposes {@code VeeamWorkerRole} (with a number when the account has one by that name) until the admin types a
     * name of their own; called again as roles arrive, since a role listed later may take the proposed name.
     */
    void suggestName() {
        if (!suggested) {
            validateName();
            return;
        }
        String proposal = ExportWorkflow.DEFAULT_ROLE;
        for (int i = 2; taken.test(proposal); i++) {
            proposal = ExportWorkflow.DEFAULT_ROLE + i;
        }
        suggesting = true;
        name.set(proposal);
        suggesting = false;
        validateName();
    }

    /** Checks the name again: IAM's rules, and the roles listed so far (more may arrive). */
    void validateName() {
        String chosen = name.get() == null ? "" : name.get().strip();
        Optional<String> problem = IamLimits.roleName(chosen);
        if (problem.isEmpty() && taken.test(chosen)) {
            problem = Optional.of(Texts.get("role.new.name.taken", chosen));
        }
        nameError.set(problem.orElse(null));
    }

    private void validateBoundary() {
        String arn = boundaryArn.get() == null ? "" : boundaryArn.get().strip();
        boundaryError.set(IamLimits.permissionsBoundary(arn)
                .map(p -> Texts.get("role.new.boundary.invalid", arn))
                .orElse(null));
    }

    private void validateTags() {
        try {
            tagsError.set(IamLimits.tags(parseTags(tags.get())).orElse(null));
        } catch (IllegalArgumentException e) {
            tagsError.set(e.getMessage());
        }
    }

    /** One tag per line, {@code key=value}; blank lines are skipped. */
    static List<IamOperation.Tag> parseTags(String text) {
        List<IamOperation.Tag> result = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            try {
                result.addAll(IamLimits.parseTags(List.of(line)));
            } catch (UserFacingException e) {
                throw new IllegalArgumentException(Texts.get("role.new.tags.invalid", line.strip()));
            }
        }
        return result;
    }

    /** Shows the documents for the appliance now entered (and the partition it or the account is in). */
    void updatePreview() {
        AppliancePrincipal appliance = state.appliance.get();
        if (appliance == null) {
            trustPreview.set(Texts.get("role.preview.noAppliance"));
        } else {
            trustPreview.set(PolicyJson.pretty(state.documents.get().trustPolicy(appliance, partition(appliance))));
        }
        permissionsPreview.set(PolicyJson.pretty(state.documents.get().permissionsPolicy()));
    }

    /** The partition the appliance names, else the signed-in account's, as an export would choose it. */
    private Partition partition(AppliancePrincipal appliance) {
        Session session = state.session.get();
        return appliance
                .partition()
                .orElse(session == null ? Partition.AWS : session.operator().partition());
    }

    /** The role to create as the admin described it, or null while the form is not valid. */
    public NewRoleRequest newRoleRequest() {
        if (!valid.get()) {
            return null;
        }
        return new NewRoleRequest(
                name.get().strip(),
                path.get(),
                blankToNull(description.get()),
                blankToNull(boundaryArn.get()),
                parseTags(tags.get()),
                null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether every field holds what IAM accepts. */
    public BooleanBinding valid() {
        return valid;
    }

    public ObjectProperty<PermissionsMode> permissionsMode() {
        return permissionsMode;
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty path() {
        return path;
    }

    public StringProperty description() {
        return description;
    }

    public StringProperty boundaryArn() {
        return boundaryArn;
    }

    public StringProperty tags() {
        return tags;
    }

    public StringProperty nameError() {
        return nameError;
    }

    public StringProperty pathError() {
        return pathError;
    }

    public StringProperty descriptionError() {
        return descriptionError;
    }

    public StringProperty boundaryError() {
        return boundaryError;
    }

    public StringProperty tagsError() {
        return tagsError;
    }

    public StringProperty trustPreview() {
        return trustPreview;
    }

    public StringProperty permissionsPreview() {
        return permissionsPreview;
    }
}
