package com.workerrolewizard.ui.appliance;

import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepView;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Step 2's controls: the principal, its validation beside it, and what it means. */
public final class ApplianceView implements StepView {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private final VBox root;
    private final TextField field;

    public ApplianceView(ApplianceViewModel model) {
        Label heading = new Label(Texts.get("appliance.heading"));
        heading.getStyleClass().add("title-3");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label explain = new Label(Texts.get("appliance.explain"));
        explain.setWrapText(true);
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        field = new TextField();
        field.setId("appliance");
        field.setPromptText("arn:aws:iam::123456789012:role/VeeamImpersonation");
        field.textProperty().bindBidirectional(model.text());
        // AtlantaFX's danger state draws the red border; the sentence below says what is wrong. (ControlsFX's
        // ValidationSupport is not used: it swaps the scene's root for its own pane, which lost the dark theme.)
        model.error().addListener((o, was, is) -> field.pseudoClassStateChanged(DANGER, !is.isEmpty()));
        Label error = new Label();
        error.setId("appliance-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.textProperty().bind(model.error());
        Label meaning = new Label();
        meaning.setId("appliance-meaning");
        meaning.setWrapText(true);
        // Wrapped labels keep their height when the step is taller than the window and scrolls.
        meaning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        meaning.textProperty().bind(model.meaning());
        javafx.scene.control.ComboBox<String> picker = new javafx.scene.control.ComboBox<>(model.accountRoles());
        picker.setId("appliance-picker");
        picker.setPromptText(Texts.get("appliance.picker"));
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.accountRoles()));
        picker.managedProperty().bind(picker.visibleProperty());
        picker.valueProperty().addListener((o, was, is) -> {
            if (is != null) {
                model.text().set(is);
            }
        });
        root = new VBox(
                12,
                heading,
                explain,
                field,
                picker,
                error,
                meaning,
                ApplianceAccountView.of(model.account()),
                CatalogChoiceView.of(model.catalog()));
        root.setPadding(new Insets(20));
    }

    @Override
    public Node node() {
        return root;
    }

    /** Typing goes into the appliance field when the step opens. */
    @Override
    public void shown() {
        javafx.application.Platform.runLater(field::requestFocus);
    }
}
