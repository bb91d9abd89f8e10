package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.ui.common.Texts;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The window's frame: the step indicator, the current step's controls (each step's view owns its own), Back and Next. */
public final class WizardView extends BorderPane {
    private final WizardViewModel model;
    private final Map<WizardStep, StepView> views;
    private final Map<WizardStep, Label> indicators = new EnumMap<>(WizardStep.class);
    private final HBox buttons;
    private final ScrollPane scroller = new ScrollPane();

    /** @param views the view of every step */
    public WizardView(WizardViewModel model, Map<WizardStep, ? extends StepView> views) {
        this.model = model;
        this.views = WizardStep.everyStep(views, "view");
        getStyleClass().add("wizard");
        // A flow, not a row: long step names (a translation) wrap to a second line instead of ending in "...".
        FlowPane indicator = new FlowPane(6, 4);
        indicator.getStyleClass().add("step-indicator");
        indicator.setPadding(new Insets(14, 20, 10, 20));
        for (WizardStep step : WizardStep.values()) {
            if (step.ordinal() > 0) {
                Label arrow = new Label("›");
                arrow.getStyleClass().add("step-arrow");
                indicator.getChildren().add(arrow);
            }
            Label label = new Label((step.ordinal() + 1) + "  " + step.title());
            label.getStyleClass().add("step");
            indicators.put(step, label);
            indicator.getChildren().add(label);
        }
        setTop(new VBox(indicator, contextHeader(model.context())));
        // Every step scrolls where the window is too small for it (the window's minimum shrinks to small screens).
        scroller.getStyleClass().addAll("step-scroller", "edge-to-edge");
        // Only the controls of a step take the focus, never the pane that scrolls it.
        scroller.setFocusTraversable(false);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        setCenter(scroller);

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
        next.visibleProperty().bind(model.last().not());
        next.managedProperty().bind(next.visibleProperty());
        Button close = new Button(Texts.get("wizard.close"));
        close.setId("close");
        close.setMnemonicParsing(true);
        close.getStyleClass().add("accent");
        close.visibleProperty().bind(model.last());
        close.managedProperty().bind(close.visibleProperty());
        close.defaultButtonProperty().bind(model.last());
        close.setOnAction(e -> getScene().getWindow().hide());
        model.last().addListener((o, was, is) -> {
            if (is) {
                javafx.application.Platform.runLater(close::requestFocus);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        buttons = new HBox(10, spacer, back, next, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 20, 16, 20));
        setBottom(buttons);

        model.current().addListener((o, was, is) -> {
            if (was != null) {
                this.views.get(was).hidden();
            }
            showStep();
            this.views.get(is).shown();
        });
        showStep();
    }

    /**
     * Adds a control at the right end of the button bar (the theme menu): on every step, last in the focus order, so
     * that focus leaving a step's control (a sign-in button that disables itself) lands on Next, where Enter goes on,
     * not on a menu that Enter would open; and off the step indicator's line.
     */
    public void addToButtonBar(Node node) {
        buttons.getChildren().add(node);
    }

    /** Account (with a SANDBOX badge), role and appliance, in a row that wraps rather than cutting a value short. */
    private static Node contextHeader(ContextHeaderViewModel context) {
        Label sandbox = new Label(Texts.get("context.sandbox"));
        sandbox.setId("context-sandbox");
        sandbox.getStyleClass().add("sandbox-badge");
        sandbox.visibleProperty().bind(context.sandbox());
        sandbox.managedProperty().bind(sandbox.visibleProperty());
        FlowPane header = new FlowPane(
                18,
                4,
                new HBox(6, field("context.account", "context-account", context.account()), sandbox),
                field("context.role", "context-role", context.role()),
                field("context.appliance", "context-appliance", context.appliance()));
        header.setId("context-header");
        header.getStyleClass().add("context-header");
        header.setPadding(new Insets(6, 20, 6, 20));
        header.visibleProperty().bind(context.shown());
        header.managedProperty().bind(header.visibleProperty());
        return header;
    }

    private static Node field(String name, String id, javafx.beans.value.ObservableStringValue value) {
        Label label = new Label(Texts.get(name));
        label.getStyleClass().add("context-name");
        Label text = new Label();
        text.setId(id);
        text.getStyleClass().add("context-value");
        text.textProperty().bind(value);
        text.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox field = new HBox(6, label, text);
        field.setAlignment(Pos.BASELINE_LEFT);
        return field;
    }

    /** The current step's controls (the first step's before the wizard starts), and where each step stands. */
    private void showStep() {
        WizardStep current = model.current().get() == null
                ? WizardStep.SIGN_IN
                : model.current().get();
        scroller.setContent(views.get(current).node());
        indicators.forEach((step, label) -> {
            label.getStyleClass().removeAll("current", "done", "skipped");
            if (model.skipped(step)) {
                label.getStyleClass().add("skipped");
            } else if (step == current) {
                label.getStyleClass().add("current");
            } else if (step.compareTo(current) < 0) {
                label.getStyleClass().add("done");
            }
        });
    }
}
