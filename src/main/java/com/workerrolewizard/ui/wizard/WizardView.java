package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The window's frame: the step indicator, the current step, Back and Next. */
public final class WizardView extends BorderPane {
    private final WizardViewModel model;
    private final List<Label> indicators = new ArrayList<>();

    public WizardView(WizardViewModel model) {
        this.model = model;
        getStyleClass().add("wizard");
        HBox indicator = new HBox(6);
        indicator.getStyleClass().add("step-indicator");
        indicator.setPadding(new Insets(14, 20, 10, 20));
        for (int i = 0; i < model.steps().size(); i++) {
            Label label = new Label((i + 1) + "  " + model.steps().get(i).title());
            label.getStyleClass().add("step");
            indicators.add(label);
            indicator.getChildren().add(label);
            if (i < model.steps().size() - 1) {
                Label arrow = new Label("›");
                arrow.getStyleClass().add("step-arrow");
                indicator.getChildren().add(arrow);
            }
        }
        setTop(indicator);

        Button back = new Button(Texts.get("wizard.back"));
        back.setId("back");
        back.setMnemonicParsing(true);
        back.disableProperty().bind(model.canGoBack().not());
        back.setOnAction(e -> model.back());
        Button next = new Button(Texts.get("wizard.next"));
        next.setId("next");
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.getStyleClass().add("accent");
        next.disableProperty().bind(model.canGoNext().not());
        next.setOnAction(e -> model.next());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, spacer, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 20, 16, 20));
        setBottom(buttons);

        model.current().addListener((o, was, is) -> showStep());
        showStep();
    }

    private void showStep() {
        int current = Math.max(0, model.current().get());
        setCenter(model.currentStep().view());
        for (int i = 0; i < indicators.size(); i++) {
            Label label = indicators.get(i);
            label.getStyleClass().removeAll("current", "done", "skipped");
            if (model.skipped(i)) {
                label.getStyleClass().add("skipped");
            } else if (i == current) {
                label.getStyleClass().add("current");
            } else if (i < current) {
                label.getStyleClass().add("done");
            }
        }
    }
}
