package com.workerrolewizard.ui.role;

import com.workerrolewizard.ui.common.Texts;
import java.util.Locale;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A role's status in the table: an icon, the words (never the colour alone), a tooltip naming the failing requirements. */
final class RoleStatusCell extends TableCell<RoleRow, RoleStatus> {
    private static final String[] KINDS = {"ready", "failing", "unknown", "checking"};
    private final FontIcon icon = new FontIcon();
    private final Tooltip tooltip = new Tooltip();

    RoleStatusCell() {
        getStyleClass().add("role-status-cell");
        icon.setIconSize(14);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(460);
        tooltip.setShowDelay(Duration.millis(300));
    }

    @Override
    protected void updateItem(RoleStatus status, boolean empty) {
        super.updateItem(status, empty);
        getStyleClass().removeAll(KINDS);
        if (empty || status == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            setAccessibleText(null);
            return;
        }
        getStyleClass().add(status.kind().name().toLowerCase(Locale.ROOT));
        icon.setIconCode(
                switch (status.kind()) {
                    case READY -> Feather.CHECK_CIRCLE;
                    case FAILING -> Feather.X_CIRCLE;
                    case UNKNOWN -> Feather.HELP_CIRCLE;
                    case CHECKING -> Feather.LOADER;
                });
        setText(status.text());
        setGraphic(icon);
        tooltip.setText(status.why());
        setTooltip(tooltip);
        setAccessibleText(Texts.get("role.status.accessible", status.text(), status.why()));
    }
}
