package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.core.plan.ChangePreview;
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
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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
            Button fix = new Button(Texts.get("checklist.fix"));
            fix.disableProperty()
                    .bind(Bindings.createBooleanBinding(() -> !requirement.fixable(), requirement.status)
                            .or(model.busy()));
            fix.setOnAction(e -> model.plan(Optional.of(requirement.id), this::preview));
            grid.getChildren().add(RequirementRowView.of(requirement, fix));
        }
        grid.getChildren().addAll(applianceRow(), notListed());
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
        undo.setOnAction(e -> model.previewUndo(this::previewUndo));
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
        Label catalog = new Label();
        catalog.setId("checklist-catalog");
        catalog.setWrapText(true);
        catalog.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        catalog.textProperty().bind(model.catalogUsed());
        // The actions above the rows: with five rows and wrapped reasons the list scrolls, and Fix all, Re-check and
        // Undo (with what they came to) stay in view whatever its length.
        root = new VBox(14, heading, catalog, actions, message, readyBanner(), grid);
        root.setPadding(new Insets(20));
        // Once a check is done, the keyboard is on what comes next: Fix all while one of the four fails, else the
        // appliance role's own Fix while the fifth fails, else Next.
        model.busy().addListener((o, was, is) -> {
            if (!is && root.getScene() != null) {
                javafx.application.Platform.runLater(() -> {
                    Node next = root.getScene().lookup("#next");
                    Node fixAppliance = root.lookup("#fix-appliance-access");
                    if (!fixAll.isDisabled()) {
                        fixAll.requestFocus();
                    } else if (fixAppliance != null && fixAppliance.isVisible() && !fixAppliance.isDisabled()) {
                        fixAppliance.requestFocus();
                    } else if (next != null && !next.isDisabled()) {
                        next.requestFocus();
                    }
                });
            }
        });
        recheck = new Timeline(new KeyFrame(Duration.seconds(30), e -> {
            if (!model.busy().get()) {
                model.check();
            }
        }));
        recheck.setCycleCount(Timeline.INDEFINITE);
    }

    /**
     * The fifth row, where the check produced it: its Fix changes the appliance's own role, so it has its own button
     * and its own confirmation, never part of Fix all.
     */
    private Node applianceRow() {
        ApplianceAccessRow appliance = model.applianceRow();
        Button fix = new Button(Texts.get("checklist.fixAppliance"));
        fix.disableProperty().bind(appliance.fixable().not().or(model.busy()));
        fix.setOnAction(e -> model.planAppliance(this::previewAppliance));
        Node row = RequirementRowView.of(appliance.row, fix);
        row.visibleProperty().bind(appliance.listed());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** Where appliance-access is not listed: one line saying why and how to have it. */
    private Node notListed() {
        Label line = new Label();
        line.setId("appliance-not-listed");
        line.setWrapText(true);
        line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        line.getStyleClass().add("text-muted");
        line.textProperty().bind(model.applianceRow().notListed());
        line.visibleProperty().bind(line.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    static void paint(Label badge, Status status) {
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

    /** The exact change before anything is written: the plan as a diff per operation, then Apply. */
    private void preview(FixPlan plan) {
        String header = plan.empty()
                ? Texts.get("fix.nothing")
                : Texts.get("fix.header", plan.changes().size());
        if (model.applianceRow().fixable().get()) {
            // Fix all and the four Fix buttons change this role only: the appliance's role has its own Fix.
            header += "\n" + Texts.get("fix.notAppliance");
        }
        confirm(plan, Texts.get("fix.title"), header, Texts.get("fix.apply"));
    }

    /** The appliance side's own confirmation: it names the appliance's role, which it changes, and shows its policy. */
    private void previewAppliance(FixPlan plan) {
        String role = plan.appliance();
        confirm(
                plan,
                Texts.get("fixAppliance.title"),
                plan.empty()
                        ? Texts.get("fixAppliance.nothing", role)
                        : Texts.get("fixAppliance.header", role, plan.changes().size()),
                Texts.get("fixAppliance.apply"));
    }

    /** Apply is offered only for a plan that can run and in which IAM Access Analyzer found no ERROR. */
    private void confirm(FixPlan plan, String title, String header, String apply) {
        boolean confirmed = PreviewDialog.confirm(
                root.getScene().getWindow(),
                title,
                header,
                ChangePreview.of(plan, model.validation()),
                PlanText.render(plan),
                apply,
                !plan.empty() && plan.runnable() && !model.validationBlocks());
        if (confirmed) {
            model.apply(plan);
        }
    }

    /** What undo will revert, in the same view as a fix; nothing is reverted unless the admin confirms it there. */
    private void previewUndo(UndoPlan plan) {
        boolean confirmed = PreviewDialog.confirm(
                root.getScene().getWindow(),
                Texts.get("undo.title"),
                ChecklistSentences.undoHeader(plan),
                ChecklistSentences.undoPreview(plan),
                String.join("\n", plan.steps()),
                Texts.get("undo.confirm"),
                true);
        if (confirmed) {
            model.undo(plan);
        }
    }

    /** "Role is ready for Veeam Backup for AWS", with what to enter in the appliance; shown once all four hold. */
    private Node readyBanner() {
        FontIcon icon = icon(Feather.CHECK_CIRCLE);
        icon.setIconSize(22);
        Label title = new Label();
        title.setId("ready-title");
        title.getStyleClass().addAll("title-4", "success-text");
        title.setWrapText(true);
        Label detail = new Label();
        detail.setId("ready-detail");
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button copy = new Button(Texts.get("checklist.ready.copy"));
        copy.setId("ready-copy");
        copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(model.ready().get().arn());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        VBox text = new VBox(4, title, detail);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(12, icon, text, copy);
        banner.setId("ready");
        banner.getStyleClass().add("ready-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(10, 14, 10, 14));
        model.ready().addListener((o, was, is) -> {
            banner.setVisible(is != null);
            if (is != null) {
                title.setText(Texts.get("checklist.ready", is.role()));
                detail.setText(ChecklistSentences.readyDetail(is));
            }
        });
        banner.setVisible(false);
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
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
