package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.ui.common.Texts;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A requirement's status in the matrix: icon, word and the checklist's colours (never colour alone). */
final class StatusCell extends TableCell<AccountRow, Status> {
    @Override
    protected void updateItem(Status status, boolean empty) {
        super.updateItem(status, empty);
        setText(null);
        setGraphic(empty || getTableRow() == null || getTableRow().getItem() == null ? null : badge(status));
    }

    /** The checklist's badge for a status (null: being checked). */
    static Label badge(Status status) {
        Label badge = new Label();
        badge.getStyleClass().add("status-badge");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        if (status == null) {
            badge.setText(Texts.get("status.checking"));
            badge.setGraphic(icon(Feather.LOADER));
            badge.getStyleClass().add("checking");
            return badge;
        }
        badge.setText(status.name());
        badge.getStyleClass().add(status.name().toLowerCase(Locale.ROOT));
        badge.setGraphic(icon(
                switch (status) {
                    case PASS -> Feather.CHECK_CIRCLE;
                    case WARN -> Feather.ALERT_TRIANGLE;
                    case FAIL -> Feather.X_CIRCLE;
                    case UNKNOWN -> Feather.HELP_CIRCLE;
                }));
        badge.setAccessibleText(Texts.get("status.accessible", status.name()));
        return badge;
    }

    private static FontIcon icon(Feather feather) {
        FontIcon icon = new FontIcon(feather);
        icon.setIconSize(14);
        return icon;
    }
}
