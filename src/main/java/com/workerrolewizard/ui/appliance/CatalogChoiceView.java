package com.workerrolewizard.ui.appliance;

import com.workerrolewizard.ui.common.Texts;
import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The action catalog's controls on the appliance step: the page's 33 actions or a file (typed, then Enter, or chosen
 * with Choose…), what is in use, and why a file cannot be used.
 */
final class CatalogChoiceView {
    private CatalogChoiceView() {}

    static VBox of(CatalogChoiceViewModel model) {
        Label heading = wrapped(new Label(Texts.get("catalog.heading")));
        heading.getStyleClass().add("requirement-title");
        ToggleGroup group = new ToggleGroup();
        RadioButton page = new RadioButton(Texts.get("catalog.page"));
        page.setId("catalog-page");
        RadioButton file = new RadioButton(Texts.get("catalog.file"));
        file.setId("catalog-file");
        file.setWrapText(true);
        file.setMinHeight(Region.USE_PREF_SIZE);
        page.setWrapText(true);
        page.setMinHeight(Region.USE_PREF_SIZE);
        page.setToggleGroup(group);
        file.setToggleGroup(group);
        page.setSelected(!model.fromFile().get());
        file.setSelected(model.fromFile().get());
        file.selectedProperty().bindBidirectional(model.fromFile());
        model.fromFile().addListener((o, was, is) -> page.setSelected(!is));
        TextField path = new TextField();
        path.setId("catalog-path");
        path.setPromptText(Texts.get("catalog.prompt"));
        path.textProperty().bindBidirectional(model.file());
        path.disableProperty().bind(model.fromFile().not().or(model.loading()));
        path.setOnAction(e -> model.load());
        file.setOnAction(e -> path.requestFocus()); // typing the file's name comes next
        Button choose = new Button(Texts.get("catalog.choose"));
        choose.setId("catalog-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.disableProperty().bind(model.loading());
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("catalog.chooserTitle"));
            File chosen = chooser.showOpenDialog(choose.getScene().getWindow());
            if (chosen != null) {
                model.file().set(chosen.getPath());
                if (model.fromFile().get()) {
                    model.load();
                } else {
                    model.fromFile().set(true); // loads the file named
                }
            }
        });
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(model.loading());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        HBox fileRow = new HBox(8, path, choose, progress);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        fileRow.setPadding(new Insets(0, 0, 0, 24));
        Label using = wrapped(new Label());
        using.setId("catalog-using");
        using.textProperty().bind(model.using());
        Label error = wrapped(new Label());
        error.setId("catalog-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.error());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(6, heading, page, file, fileRow, using, error);
        box.setId("catalog-choice");
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static Label wrapped(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
