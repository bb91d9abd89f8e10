package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One account's requirements, as the checklist shows them for one account: the status badge, the requirement, its
 * reason and every missing action with its own; or why the account could not be checked.
 */
final class AccountDetailView extends VBox {
    AccountDetailView() {
        super(12);
        setId("account-detail");
    }

    void show(AccountRow row) {
        getChildren().clear();
        if (row == null) {
            return;
        }
        Label heading = new Label(Texts.get(
                "accounts.detail.heading",
                row.account().id(),
                row.account().name().isEmpty() ? "" : "(" + row.account().name() + ")"));
        heading.setId("account-detail-heading");
        heading.getStyleClass().add("title-4");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().add(heading);
        row.problem()
                .ifPresent(problem -> getChildren()
                        .add(wrapped("account-detail-problem", Texts.get("accounts.detail.problem", problem))));
        for (RequirementResult requirement : row.requirements()) {
            Label badge = StatusCell.badge(requirement.status());
            badge.setId("account-status-" + requirement.id().id());
            badge.setMinWidth(110);
            badge.setPrefWidth(110);
            Label title = wrapped(null, requirement.id().title());
            title.getStyleClass().add("requirement-title");
            VBox text = new VBox(
                    2, title, wrapped("account-detail-" + requirement.id().id(), requirement.detail()));
            requirement
                    .reasons()
                    .forEach((action, reason) -> text.getChildren().add(wrapped(null, action + ": " + reason)));
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(14, badge, text);
            line.setAlignment(Pos.TOP_LEFT);
            getChildren().add(line);
        }
        if (!row.fixed().get().isEmpty()) {
            getChildren().add(wrapped("account-detail-fixed", row.fixed().get()));
        }
    }

    private static Label wrapped(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
