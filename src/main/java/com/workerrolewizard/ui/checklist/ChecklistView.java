package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.PlanText;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepView;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Step 4's controls: a row per requirement (icon, word and colour for its status, never colour alone; its
 * reason; Fix), Fix all, Re-check, Undo, and a re-check every 30 seconds while the step is shown.
 */
public final class ChecklistView implements StepView {
    private final ChecklistViewModel model;
    private final VBox root;
    private final Timeline recheck;

    public ChecklistView(ChecklistViewModel model) {
        this.model = model;
        Label heading = new Label(Texts.get("checklist.heading"));
        heading.getStyleClass().add("title-3");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // One row per requirement (not a grid: a grid gave wrapped reasons too little height and drew them over
        // the next row); the status column keeps its width, the reason takes the rest and wraps.
        VBox grid = new VBox(12);
        for (RequirementRow requirement : model.rows()) {
            Label badge = new Label();
            badge.setId("status-" + requirement.id.id());
            badge.getStyleClass().add("status-badge");
            requirement.status.addListener((o, was, is) -> paint(badge, is));
            paint(badge, requirement.status.get());
            Label title = new Label(requirement.id.title());
            title.getStyleClass().add("requirement-title");
            Label reason = new Label();
            reason.setId("detail-" + requirement.id.id());
            reason.setWrapText(true);
            reason.textProperty().bind(requirement.detail);
            reason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            title.setWrapText(true);
            title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            // Details: every missing action with its reason, one a line, in a list that scrolls and can be copied.
            TextArea more = new TextArea();
            more.setId("more-" + requirement.id.id());
            more.setEditable(false);
            more.setWrapText(false);
            more.setPrefRowCount(8);
            more.getStyleClass().add("monospace");
            more.textProperty().bind(requirement.more);
            more.setAccessibleText(requirement.id.title());
            more.setVisible(false);
            HBox.setHgrow(more, Priority.ALWAYS);
            Button copy = new Button(Texts.get("checklist.copyDetails"));
            copy.setId("copy-more-" + requirement.id.id());
            copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            copy.setOnAction(e -> {
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putString(more.getText());
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                copy.setText(Texts.get("checklist.copiedDetails"));
            });
            HBox moreBox = new HBox(8, more, copy);
            moreBox.setAlignment(Pos.TOP_LEFT);
            moreBox.visibleProperty().bind(more.visibleProperty());
            moreBox.managedProperty().bind(more.visibleProperty());
            javafx.scene.control.Hyperlink details = new javafx.scene.control.Hyperlink(Texts.get("checklist.details"));
            details.setId("details-" + requirement.id.id());
            details.visibleProperty().bind(requirement.more.isNotEmpty());
            details.managedProperty().bind(details.visibleProperty());
            details.setOnAction(e -> more.setVisible(!more.isVisible()));
            VBox text = new VBox(2, title, reason, details, moreBox);
            Button fix = new Button(Texts.get("checklist.fix"));
            fix.setId("fix-" + requirement.id.id());
            fix.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            fix.disableProperty()
                    .bind(Bindings.createBooleanBinding(() -> !requirement.fixable(), requirement.status)
                            .or(model.busy()));
            fix.setOnAction(e -> model.plan(Optional.of(requirement.id), this::preview));
            badge.setMinWidth(110);
            badge.setPrefWidth(110);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            HBox line = new HBox(14, badge, text, fix);
            line.setAlignment(Pos.TOP_LEFT);
            grid.getChildren().add(line);
        }
        Button fixAll = new Button(Texts.get("checklist.fixAll"));
        fixAll.setId("fix-all");
        fixAll.getStyleClass().add("accent");
        fixAll.disableProperty().bind(model.anyFixable().not().or(model.busy()));
        fixAll.setOnAction(e -> model.plan(Optional.empty(), this::preview));
        Button check = new Button(Texts.get("checklist.recheck"));
        check.setId("recheck");
        check.disableProperty().bind(model.busy());
        check.setOnAction(e -> model.check());
        Button undo = new Button(Texts.get("checklist.undo"));
        undo.setId("undo");
        undo.disableProperty().bind(model.canUndo().not().or(model.busy()));
        undo.setOnAction(e -> model.undo());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busy());
        progress.managedProperty().bind(progress.visibleProperty());
        Label last = new Label();
        last.textProperty().bind(model.lastChecked());
        Button cancel = new Button(Texts.get("checklist.cancel"));
        cancel.setId("checklist-cancel");
        cancel.visibleProperty().bind(model.busy());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox actions = new HBox(10, fixAll, check, undo, progress, cancel, last);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("checklist-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message());
        root = new VBox(14, heading, grid, actions, message);
        root.setPadding(new Insets(20));
        recheck = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
            if (!model.busy().get()) {
                model.check();
            }
        }));
        recheck.setCycleCount(Timeline.INDEFINITE);
    }

    private static void paint(Label badge, Status status) {
        badge.getStyleClass().removeAll("pass", "warn", "fail", "unknown", "checking");
        if (status == null) {
            badge.setText(Texts.get("status.checking"));
            badge.setGraphic(icon(Feather.LOADER));
            badge.getStyleClass().add("checking");
            return;
        }
        badge.setText(status.name());
        badge.getStyleClass().add(status.name().toLowerCase(java.util.Locale.ROOT));
        badge.setGraphic(icon(
                switch (status) {
                    case PASS -> Feather.CHECK_CIRCLE;
                    case WARN -> Feather.ALERT_TRIANGLE;
                    case FAIL -> Feather.X_CIRCLE;
                    case UNKNOWN -> Feather.HELP_CIRCLE;
                }));
        badge.setAccessibleText(Texts.get("status.accessible", status.name()));
    }

    private static FontIcon icon(Feather feather) {
        FontIcon icon = new FontIcon(feather);
        icon.setIconSize(16);
        return icon;
    }

    /** The exact change before anything is written: the plan as text (diff, documents, CLI commands), then Apply. */
    private void preview(FixPlan plan) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(Texts.get("fix.title"));
        dialog.setHeaderText(
                plan.empty()
                        ? Texts.get("fix.nothing")
                        : Texts.get("fix.header", plan.changes().size()));
        TextArea text = new TextArea(PlanText.render(plan));
        text.setId("plan-text");
        text.setEditable(false);
        text.getStyleClass().add("monospace");
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().setPrefSize(900, 600);
        dialog.getDialogPane()
                .setMinSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.setResizable(true);
        ButtonType apply = new ButtonType(Texts.get("fix.apply"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(apply).setDisable(plan.empty() || !plan.runnable());
        dialog.getDialogPane().lookupButton(apply).setId("apply");
        dialog.showAndWait().filter(apply::equals).ifPresent(b -> model.apply(plan));
    }

    @Override
    public Node node() {
        return root;
    }

    /** The role is checked again every 30 seconds while the step is on screen. */
    @Override
    public void shown() {
        recheck.play();
    }

    @Override
    public void hidden() {
        recheck.stop();
    }
}
