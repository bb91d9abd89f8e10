package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.ui.accounts.AccountsChoiceViewModel.Scope;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Accounts choice above the role step ({@link #bar()}), and for several accounts or the organization the form
 * that names them, how they are entered and the role's name ({@link #form()}), each field with its own error line.
 */
public final class AccountsChoiceView {
    private final AccountsChoiceViewModel model;
    private final Node bar;
    private final VBox form;

    public AccountsChoiceView(AccountsChoiceViewModel model) {
        this.model = model;
        this.bar = bar();
        this.form = form();
    }

    private Node bar() {
        Label heading = new Label(Texts.get("accounts.heading"));
        heading.getStyleClass().add("requirement-title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        ToggleGroup group = new ToggleGroup();
        FlowPane bar = new FlowPane(16, 6, heading);
        for (Scope scope : Scope.values()) {
            RadioButton choice = new RadioButton(Texts.get(
                    switch (scope) {
                        case THIS_ACCOUNT -> "accounts.scope.this";
                        case SEVERAL -> "accounts.scope.several";
                        case ORGANIZATION -> "accounts.scope.organization";
                    }));
            choice.setId("accounts-"
                    + scope.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            choice.setMnemonicParsing(true);
            choice.setToggleGroup(group);
            choice.setSelected(model.scope.get() == scope);
            choice.selectedProperty().addListener((o, was, is) -> {
                if (is) {
                    model.scope.set(scope);
                }
            });
            model.scope.addListener((o, was, is) -> choice.setSelected(is == scope));
            bar.getChildren().add(choice);
        }
        bar.setId("accounts-choice");
        bar.setPadding(new Insets(16, 20, 0, 20));
        return bar;
    }

    private VBox form() {
        Label explain = new Label(Texts.get("accounts.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        TextArea ids = new TextArea();
        ids.setPrefRowCount(3);
        ids.setWrapText(true);
        Node idsField = field("accounts.ids", "accounts-ids", ids, model.ids, model.idsError());
        TextField unit = new TextField();
        Node unitField = field("accounts.unit", "accounts-unit", unit, model.unit, model.unitError());
        ids.setPromptText(Texts.get("accounts.ids.prompt"));
        unit.setPromptText(Texts.get("accounts.unit.prompt"));
        idsField.visibleProperty().bind(model.scope.isEqualTo(Scope.SEVERAL));
        idsField.managedProperty().bind(idsField.visibleProperty());
        unitField.visibleProperty().bind(model.scope.isEqualTo(Scope.ORGANIZATION));
        unitField.managedProperty().bind(unitField.visibleProperty());
        VBox form = new VBox(
                12,
                field("accounts.roleName", "accounts-role", new TextField(), model.roleName, model.roleNameError()),
                idsField,
                unitField,
                explain,
                field(
                        "accounts.assumeRole",
                        "accounts-assume-role",
                        new TextField(),
                        model.assumeRole,
                        model.assumeRoleError()),
                field(
                        "accounts.externalId",
                        "accounts-external-id",
                        new TextField(),
                        model.externalId,
                        model.externalIdError()));
        form.setId("accounts-form");
        form.setPadding(new Insets(16, 20, 20, 20));
        return form;
    }

    /** A field with its label (whose mnemonic reaches it) and the line that says what is wrong with it. */
    private static Node field(
            String label,
            String id,
            TextInputControl input,
            javafx.beans.property.StringProperty value,
            javafx.beans.value.ObservableStringValue error) {
        Label name = new Label(Texts.get(label));
        name.setMnemonicParsing(true);
        name.setLabelFor(input);
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        input.setId(id);
        input.setText(value.get());
        input.textProperty().bindBidirectional(value);
        Label problem = new Label();
        problem.setId(id + "-error");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(error);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(4, name, input, problem);
    }

    /** The Accounts choice, shown above the role step whichever is chosen. */
    public Node choiceBar() {
        return bar;
    }

    /** The form for several accounts or the organization, in the role step's place. */
    public StepView formStep() {
        return () -> form;
    }
}
