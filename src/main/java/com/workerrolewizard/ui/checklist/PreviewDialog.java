package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.core.plan.ChangePreview;
import com.workerrolewizard.ui.common.Texts;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * The one place a change is confirmed, for a fix and for an undo alike: the diff view, the same plan as plain text to
 * copy whole, and a button that says what it does. Nothing is written unless it returns true.
 */
final class PreviewDialog {
    private PreviewDialog() {}

    /**
     * @param confirm  the confirming button's words ("Apply", "Undo these changes")
     * @param runnable whether the change may be confirmed at all (an empty plan or one breaking IAM limits may not)
     */
    static boolean confirm(
            Window owner,
            String title,
            String header,
            ChangePreview preview,
            String plainText,
            String confirm,
            boolean runnable) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        TextArea text = new TextArea(plainText);
        text.setId("plan-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("monospace");
        javafx.scene.control.ScrollPane diff = ChangePreviewView.of(preview);
        Tab changes = new Tab(Texts.get("preview.tab.changes"), diff);
        Tab plain = new Tab(Texts.get("preview.tab.text"), text);
        TabPane tabs = new TabPane(changes, plain);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        dialog.getDialogPane().setContent(tabs);
        dialog.getDialogPane().setPrefSize(900, 640);
        dialog.getDialogPane().setMinSize(480, 360);
        dialog.setResizable(true);
        ButtonType yes = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(yes, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(yes).setDisable(!runnable);
        dialog.getDialogPane().lookupButton(yes).setId("apply");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("preview-cancel");
        dialog.getDialogPane().getStyleClass().add("preview-dialog");
        // The keyboard starts on the change itself (arrows scroll it); Enter confirms, Escape cancels.
        diff.setFocusTraversable(true);
        dialog.setOnShown(e -> javafx.application.Platform.runLater(diff::requestFocus));
        return dialog.showAndWait().filter(yes::equals).isPresent();
    }
}
