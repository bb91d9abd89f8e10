package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.core.plan.ChangePreview;
import com.workerrolewizard.core.plan.LineDiff;
import com.workerrolewizard.core.text.JsonTokens;
import com.workerrolewizard.ui.common.Texts;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A change as a diff an admin reads before confirming it: per operation its title, its sentence, its document with
 * added lines green and removed lines red (a few unchanged lines around each change, JSON coloured, long lines
 * wrapped), and the AWS CLI command that does the same, with a button that copies it. It only renders the preview
 * the core computed.
 */
final class ChangePreviewView {
    private ChangePreviewView() {}

    static ScrollPane of(ChangePreview preview) {
        VBox content = new VBox(16);
        content.setPadding(new Insets(10));
        content.getStyleClass().add("change-preview");
        int index = 0;
        for (ChangePreview.Step step : preview.steps()) {
            content.getChildren().add(step(step, ++index));
        }
        for (ChangePreview.Section section : preview.sections()) {
            Label title = new Label(section.title());
            title.getStyleClass().add("requirement-title");
            VBox lines = new VBox(4, title);
            section.lines().forEach(l -> lines.getChildren().add(wrapped("• " + l)));
            content.getChildren().add(lines);
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("change-preview");
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Node step(ChangePreview.Step step, int index) {
        Label title = new Label(
                step.title() + (step.fixes().isEmpty() ? "" : "  " + Texts.get("preview.fixes", step.fixes())));
        title.setId("preview-step-" + index);
        title.getStyleClass().addAll("requirement-title", "preview-step-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, title, wrapped(step.summary()));
        if (!step.diff().isEmpty()) {
            VBox diff = new VBox();
            diff.setId("diff-" + index);
            diff.getStyleClass().add("diff");
            step.diff().forEach(line -> diff.getChildren().add(line(line)));
            box.getChildren().add(diff);
        }
        step.command().ifPresent(command -> box.getChildren().add(command(command, index)));
        return box;
    }

    /** One diff line: its sign in a gutter (so colour is never the only mark) and its text, coloured as JSON. */
    private static Node line(LineDiff.Line line) {
        if (line.kind() == LineDiff.Kind.GAP) {
            Label gap = new Label(Texts.get("preview.folded", line.folded()));
            gap.getStyleClass().add("diff-gap");
            gap.setMaxWidth(Double.MAX_VALUE);
            return gap;
        }
        // One TextFlow per line (not a box of two): a box does not give a wrapping flow the height of its wrapped text.
        Text sign = new Text(
                switch (line.kind()) {
                    case ADDED -> "+ ";
                    case REMOVED -> "− ";
                    default -> "  ";
                });
        sign.getStyleClass().addAll("monospace", "diff-sign");
        TextFlow row = new TextFlow(sign);
        for (JsonTokens.Token token : JsonTokens.of(line.text())) {
            Text piece = new Text(token.text());
            piece.getStyleClass()
                    .addAll("monospace", "json-" + token.kind().name().toLowerCase(Locale.ROOT));
            row.getChildren().add(piece);
        }
        row.getStyleClass().addAll("diff-line", "diff-" + line.kind().name().toLowerCase(Locale.ROOT));
        row.setAccessibleText(
                Texts.get("preview.line." + line.kind().name().toLowerCase(Locale.ROOT)) + " " + line.text());
        return row;
    }

    /** The command in a read-only field that wraps (select part of it, or copy it whole with the button). */
    private static Node command(String command, int index) {
        Label label = new Label(Texts.get("preview.cli"));
        TextArea text = new TextArea(command);
        text.setId("cli-" + index);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(8, 1 + command.length() / 90));
        text.getStyleClass().add("monospace");
        Button copy = new Button(Texts.get("preview.copy"));
        copy.setId("copy-cli-" + index);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(command);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(Texts.get("preview.copied"));
        });
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text, copy);
        row.setAlignment(Pos.TOP_LEFT);
        return new VBox(4, label, row);
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
