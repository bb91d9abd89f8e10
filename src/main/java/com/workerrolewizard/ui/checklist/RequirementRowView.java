package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One requirement's line of the checklist: its status (icon, word and colour, never colour alone), its title and
 * reason, the details on demand, and its Fix. The four and the fifth are drawn alike; only their Fix differs.
 */
final class RequirementRowView {
    private RequirementRowView() {}

    static HBox of(RequirementRow requirement, Button fix) {
        Label badge = new Label();
        badge.setId("status-" + requirement.id.id());
        badge.getStyleClass().add("status-badge");
        requirement.status.addListener((o, was, is) -> ChecklistView.paint(badge, is));
        ChecklistView.paint(badge, requirement.status.get());
        Label title = new Label(requirement.id.title());
        title.getStyleClass().add("requirement-title");
        Label reason = new Label();
        reason.setId("detail-" + requirement.id.id());
        reason.setWrapText(true);
        reason.textProperty().bind(requirement.detail);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
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
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(more.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(Texts.get("checklist.copiedDetails"));
        });
        HBox moreBox = new HBox(8, more, copy);
        moreBox.setAlignment(Pos.TOP_LEFT);
        moreBox.visibleProperty().bind(more.visibleProperty());
        moreBox.managedProperty().bind(more.visibleProperty());
        Hyperlink details = new Hyperlink(Texts.get("checklist.details"));
        details.setId("details-" + requirement.id.id());
        details.visibleProperty().bind(requirement.more.isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(e -> more.setVisible(!more.isVisible()));
        VBox text = new VBox(2, title, reason, details, moreBox);
        fix.setId("fix-" + requirement.id.id());
        fix.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(110);
        badge.setPrefWidth(110);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(14, badge, text, fix);
        line.setId("row-" + requirement.id.id());
        line.setAlignment(Pos.TOP_LEFT);
        return line;
    }
}
