package com.workerrolewizard.ui.appliance;

import com.workerrolewizard.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Shown when the appliance's role is in another account: the role to enter that account as, Enter account, and what
 * was entered or why it could not be.
 */
final class ApplianceAccountView {
    private ApplianceAccountView() {}

    static VBox of(ApplianceAccountViewModel model) {
        Label heading = wrapped(new Label(Texts.get("applianceAccount.heading")));
        heading.getStyleClass().add("requirement-title");
        Label explain = wrapped(new Label());
        explain.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> Texts.get(
                                "applianceAccount.explain", model.account().get()),
                        model.account()));
        TextField role = new TextField();
        role.setId("appliance-account-role");
        role.textProperty().bindBidirectional(model.role());
        role.disableProperty().bind(model.busy());
        role.setOnAction(e -> model.enter());
        Label roleLabel = new Label(Texts.get("applianceAccount.role"));
        roleLabel.setLabelFor(role);
        roleLabel.setMnemonicParsing(true);
        roleLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button enter = new Button(Texts.get("applianceAccount.enter"));
        enter.setId("appliance-account-enter");
        enter.setMinWidth(Region.USE_PREF_SIZE);
        enter.disableProperty().bind(model.busy());
        enter.setOnAction(e -> model.enter());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(model.busy());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox.setHgrow(role, Priority.ALWAYS);
        HBox row = new HBox(8, roleLabel, role, enter, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        Label status = wrapped(new Label());
        status.setId("appliance-account-status");
        status.textProperty().bind(model.status());
        status.visibleProperty().bind(model.status().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Label error = wrapped(new Label());
        error.setId("appliance-account-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.error());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(6, heading, explain, row, status, error);
        box.setId("appliance-account");
        box.setPadding(new Insets(8, 0, 0, 0));
        box.visibleProperty().bind(model.needed());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label wrapped(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
