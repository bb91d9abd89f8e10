package com.workerrolewizard.ui.finish;

import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The last step's controls: the verdict, what to enter in the appliance, and this session's changes. */
public final class FinishView implements StepView {
    private final VBox root;

    public FinishView(FinishViewModel model) {
        Label headline = new Label();
        headline.setId("finish-headline");
        headline.getStyleClass().add("title-3");
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        headline.textProperty().bind(model.headline());
        Label appliance = new Label();
        appliance.setId("finish-appliance");
        appliance.setWrapText(true);
        appliance.setMinHeight(Region.USE_PREF_SIZE);
        appliance.textProperty().bind(model.appliance());
        Label changesTitle = new Label(Texts.get("finish.changes"));
        changesTitle.getStyleClass().add("requirement-title");
        ListView<String> changes = new ListView<>();
        changes.setId("finish-changes");
        changes.getItems().setAll(model.changes().get());
        model.changes().addListener((o, was, is) -> changes.getItems().setAll(is));
        changes.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        VBox.setVgrow(changes, Priority.ALWAYS);
        Label journal = new Label(Texts.get("finish.journal"));
        journal.setWrapText(true);
        journal.setMinHeight(Region.USE_PREF_SIZE);
        journal.getStyleClass().add("text-muted");
        root = new VBox(12, headline, appliance, changesTitle, changes, journal);
        root.setPadding(new Insets(20));
    }

    @Override
    public Node node() {
        return root;
    }
}
