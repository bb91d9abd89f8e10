package com.workerrolewizard.ui.export;

import com.workerrolewizard.app.export.ExportBundle;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.ui.common.SaveDialog;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepView;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** Step 5, "Export & finish": the documents, the bundles and the check report, to copy or to save. */
public final class ExportView implements StepView {
    private final ExportViewModel model;
    private final HandOverViewModel handOver;
    private Node view;

    private final SaveDialog saveDialog;

    public ExportView(ExportViewModel model, SaveDialog saveDialog) {
        this.model = model;
        this.handOver = model.handOver();
        this.saveDialog = saveDialog;
    }

    /** The system clipboard, for the view model's Copy. */
    public static HandOverViewModel.ClipboardTarget systemClipboard() {
        return text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        };
    }

    @Override
    public Node node() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    private Node build() {
        Label summary = new Label();
        summary.setId("export-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("export-summary");
        summary.textProperty().bind(model.summary());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busy().or(handOver.saving()));
        progress.managedProperty().bind(progress.visibleProperty());

        ChoiceBox<PermissionsMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(PermissionsMode.values()));
        mode.setId("export-mode");
        mode.setConverter(converter(m -> Texts.get("export.mode." + m.name().toLowerCase(Locale.ROOT))));
        mode.valueProperty().bindBidirectional(model.permissionsMode());
        mode.disableProperty().bind(model.busy());
        mode.setAccessibleText(Texts.get("export.mode"));
        Label modeLabel = new Label(Texts.get("export.mode"));
        modeLabel.setLabelFor(mode);
        modeLabel.setMinWidth(Region.USE_PREF_SIZE);
        // The choice keeps its width; the summary beside it wraps.
        mode.setMinWidth(Region.USE_PREF_SIZE);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox top = new HBox(10, progress, summary, spacer(), modeLabel, mode);
        top.setAlignment(Pos.CENTER_LEFT);

        TabPane tabs = new TabPane(
                tab(Texts.get("export.tab.trust"), ExportItem.TRUST, null, "export-trust"),
                tab(Texts.get("export.tab.permissions"), ExportItem.PERMISSIONS, null, "export-permissions"),
                tab(Texts.get("export.tab.bundle"), ExportItem.BUNDLE, bundleChoice("export-format"), "export-bundle"),
                tab(
                        Texts.get("export.tab.wholeRole"),
                        ExportItem.WHOLE_ROLE,
                        bundleChoice("export-whole-format"),
                        "export-whole"),
                tab(Texts.get("export.tab.report"), ExportItem.REPORT, null, "export-report"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        Label error = new Label();
        error.setId("export-error");
        error.setWrapText(true);
        error.getStyleClass().addAll("field-error", "error-text");
        // What failed last: the export, else a copy or save, else the bundle in the format shown.
        error.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.error().get() != null
                                ? model.error().get()
                                : handOver.error().get() != null
                                        ? handOver.error().get()
                                        : model.bundleProblem().get(),
                        model.error(),
                        handOver.error(),
                        model.bundleProblem()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.textProperty().bind(handOver.message());
        message.getStyleClass().add("success-text");

        VBox root = new VBox(10, top, tabs, error, message);
        root.getStyleClass().add("export-step");
        root.setPadding(new Insets(10, 20, 10, 20));
        return root;
    }

    private ChoiceBox<ExportFormat> bundleChoice(String id) {
        ChoiceBox<ExportFormat> formats = new ChoiceBox<>(FXCollections.observableArrayList(ExportBundle.FORMATS));
        formats.setId(id);
        formats.setConverter(converter(f -> Texts.get("export.format." + f.id())));
        formats.valueProperty().bindBidirectional(model.bundleFormat());
        formats.setAccessibleText(Texts.get("export.format"));
        return formats;
    }

    private Tab tab(String title, ExportItem item, Node extra, String id) {
        ObservableValue<String> text = model.shown(item);
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(item == ExportItem.REPORT);
        area.getStyleClass().addAll("json-view", "monospace");
        area.setAccessibleText(title);
        area.textProperty().bind(text);
        VBox.setVgrow(area, Priority.ALWAYS);

        Button copy = new Button(Texts.get("export.copy"), new FontIcon("fth-copy"));
        copy.setId(id + "-copy");
        copy.setMnemonicParsing(true);
        copy.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> text.getValue() == null || text.getValue().isEmpty(), text));
        copy.setOnAction(e -> handOver.copy(item));
        Button save = new Button(Texts.get("export.save"), new FontIcon("fth-save"));
        save.setId(id + "-save");
        save.setMnemonicParsing(true);
        save.disableProperty().bind(copy.disableProperty().or(handOver.saving()));
        save.setOnAction(e -> saveAs(item, save));

        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_LEFT);
        if (extra != null) {
            Label label = new Label(Texts.get("export.format"));
            label.setLabelFor(extra);
            label.setMinWidth(Region.USE_PREF_SIZE);
            buttons.getChildren().addAll(label, extra);
        }
        buttons.getChildren().addAll(spacer(), copy, save);
        VBox content = new VBox(8, buttons, area);
        content.setPadding(new Insets(8, 0, 0, 0));
        if (item == ExportItem.REPORT) {
            Label none = new Label(Texts.get("export.report.none"));
            none.setWrapText(true);
            none.visibleProperty()
                    .bind(area.textProperty().isEmpty().and(model.busy().not()));
            none.managedProperty().bind(none.visibleProperty());
            content.getChildren().add(1, none);
            // No empty box beside the sentence: the report's area shows only when there is a report.
            area.visibleProperty().bind(none.visibleProperty().not());
            area.managedProperty().bind(area.visibleProperty());
        }
        return new Tab(title, content);
    }

    private void saveAs(ExportItem item, Node owner) {
        saveDialog
                .ask(
                        handOver.suggestedFileName(item),
                        owner.getScene() == null ? null : owner.getScene().getWindow())
                .ifPresent(path -> handOver.save(item, path));
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
