package com.workerrolewizard.ui.accounts;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** A sentence in the matrix (a problem, what a fix did): cut to the column, the whole of it in a tooltip and the drill-down. */
final class FullTextCell extends TableCell<AccountRow, String> {
    private final Tooltip tooltip = new Tooltip();

    FullTextCell() {
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(460);
        tooltip.setShowDelay(Duration.millis(300));
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        boolean blank = empty || text == null || text.isEmpty();
        setText(blank ? null : text);
        tooltip.setText(blank ? "" : text);
        setTooltip(blank ? null : tooltip);
        setAccessibleText(blank ? null : text);
    }
}
