package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The checklist for several accounts: the matrix (a row per account, the four requirements' statuses, the problem of
 * an account that could not be entered, what the last fix did), progress while results arrive, a drill-down into one
 * account (Enter, a double click, or Details), Fix all across accounts behind one confirmation, and Re-check.
 */
public final class AccountsMatrixView implements StepView {
    private final AccountsMatrixViewModel model;
    private final VBox root;
    private final TableView<AccountRow> table = new TableView<>();

    public AccountsMatrixView(AccountsMatrixViewModel model) {
        this.model = model;
        Label heading = new Label();
        heading.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> Texts.get(
                                "accounts.matrix.heading",
                                model.choice.roleName().get()),
                        model.choice.roleName()));
        heading.getStyleClass().add("title-3");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        buildTable();
        AccountDetailView detail = new AccountDetailView();
        Button back = new Button(Texts.get("accounts.back"));
        back.setId("accounts-back-to-matrix");
        back.setOnAction(e -> model.select(null));
        Button undo = new Button(Texts.get("accounts.undo"));
        undo.setId("accounts-undo");
        undo.disableProperty().bind(model.busy());
        undo.setOnAction(e -> model.undo(
                model.selected().get(),
                plan -> AccountsConfirmation.confirmUndo(table.getScene().getWindow(), plan)));
        FlowPane drillActions = new FlowPane(10, 8, back, undo);
        VBox drill = new VBox(12, detail, drillActions);
        drill.visibleProperty().bind(model.selected().isNotNull());
        drill.managedProperty().bind(drill.visibleProperty());
        table.visibleProperty().bind(model.selected().isNull());
        table.managedProperty().bind(table.visibleProperty());
        model.selected().addListener((o, was, is) -> {
            detail.show(is);
            javafx.application.Platform.runLater(() -> (is == null ? table : back).requestFocus());
        });

        Button details = new Button(Texts.get("accounts.drill"));
        details.setId("accounts-details");
        details.disableProperty()
                .bind(table.getSelectionModel()
                        .selectedItemProperty()
                        .isNull()
                        .or(model.selected().isNotNull()));
        details.setOnAction(e -> drillDown());
        Button fixAll = new Button(Texts.get("accounts.fixAll"));
        fixAll.setId("accounts-fix-all");
        fixAll.getStyleClass().add("accent");
        fixAll.disableProperty().bind(model.fixable().not().or(model.busy()));
        fixAll.setOnAction(e -> model.fixAll(
                plans -> AccountsConfirmation.confirm(table.getScene().getWindow(), plans)));
        Button recheck = new Button(Texts.get("accounts.recheck"));
        recheck.setId("accounts-recheck");
        recheck.disableProperty().bind(model.busy());
        recheck.setOnAction(e -> model.check());
        ProgressBar progress = new ProgressBar();
        progress.setId("accounts-progress");
        progress.progressProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> model.total().get() == 0
                                ? -1
                                : (double) model.checked().get() / model.total().get(),
                        model.checked(),
                        model.total()));
        progress.visibleProperty().bind(model.busy());
        progress.managedProperty().bind(progress.visibleProperty());
        Label summary = new Label();
        summary.setId("accounts-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summary());
        FlowPane actions = new FlowPane(10, 8, fixAll, recheck, details, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("accounts-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.message());
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(12, heading, summary, table, drill, actions, message);
        // Once the accounts are checked, the keyboard is on what comes next: Fix all while something fails, else Next.
        model.busy().addListener((o, was, is) -> {
            if (!is && root.getScene() != null && model.selected().get() == null) {
                javafx.application.Platform.runLater(() -> {
                    Node next = root.getScene().lookup("#next");
                    if (!fixAll.isDisabled()) {
                        fixAll.requestFocus();
                    } else if (next != null && !next.isDisabled()) {
                        next.requestFocus();
                    }
                });
            }
        });
        root.setPadding(new Insets(20));
    }

    private void buildTable() {
        table.setId("accounts-matrix");
        table.setItems(model.rows());
        table.setPlaceholder(new Label(Texts.get("accounts.listing")));
        table.setMinHeight(160);
        table.setPrefHeight(260);
        TableColumn<AccountRow, String> id = new TableColumn<>(Texts.get("accounts.column.account"));
        id.setCellValueFactory(
                c -> new SimpleStringProperty(c.getValue().account().id()));
        id.setMinWidth(130);
        TableColumn<AccountRow, String> name = new TableColumn<>(Texts.get("accounts.column.name"));
        name.setCellValueFactory(
                c -> new SimpleStringProperty(c.getValue().account().name()));
        table.getColumns().add(id);
        table.getColumns().add(name);
        for (RequirementId requirement : RequirementId.four()) {
            TableColumn<AccountRow, Status> column = new TableColumn<>();
            // The header wraps onto two lines rather than cutting the requirement's name short.
            Label header = new Label(Texts.get("accounts.column." + requirement.id()));
            header.setWrapText(true);
            header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            column.setGraphic(header);
            column.setId("column-" + requirement.id());
            column.setCellValueFactory(c -> Bindings.createObjectBinding(
                    () -> c.getValue().status(requirement), c.getValue().result()));
            column.setCellFactory(c -> new StatusCell());
            column.setMinWidth(136);
            column.setPrefWidth(136);
            table.getColumns().add(column);
        }
        TableColumn<AccountRow, String> problem = new TableColumn<>(Texts.get("accounts.column.problem"));
        problem.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().problem().orElse(""), c.getValue().result()));
        problem.setPrefWidth(240);
        problem.setCellFactory(c -> new FullTextCell());
        TableColumn<AccountRow, String> fixed = new TableColumn<>(Texts.get("accounts.column.fixed"));
        fixed.setCellValueFactory(c -> c.getValue().fixed());
        fixed.setPrefWidth(240);
        fixed.setCellFactory(c -> new FullTextCell());
        table.getColumns().add(problem);
        table.getColumns().add(fixed);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                drillDown();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                drillDown();
            }
        });
    }

    private void drillDown() {
        AccountRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.select(row);
        }
    }

    @Override
    public Node node() {
        return root;
    }
}
