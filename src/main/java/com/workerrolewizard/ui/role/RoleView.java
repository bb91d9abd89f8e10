package com.workerrolewizard.ui.role;

import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Step 3, "Worker role": pick one of the account's roles, or describe a new one and see its documents. */
public final class RoleView implements StepView {
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private final RoleStepViewModel model;
    private final RoleListViewModel list;
    private final NewRoleFormViewModel form;
    private Node view;
    private TextField search;
    private TextField newName;

    public RoleView(RoleStepViewModel model) {
        this.model = model;
        this.list = model.list();
        this.form = model.form();
    }

    @Override
    public Node node() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    /** Typing goes where the step starts: the search of the table, or the new role's name. */
    @Override
    public void shown() {
        node();
        javafx.application.Platform.runLater(() -> (model.createNew().get() ? newName : search).requestFocus());
    }

    private Node build() {
        Label intro = new Label(Texts.get("role.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        ToggleGroup choice = new ToggleGroup();
        RadioButton existing = new RadioButton(Texts.get("role.choice.existing"));
        existing.setId("role-existing");
        existing.setMnemonicParsing(true);
        existing.setToggleGroup(choice);
        RadioButton create = new RadioButton(Texts.get("role.choice.new"));
        create.setId("role-new");
        create.setMnemonicParsing(true);
        create.setToggleGroup(choice);
        (model.createNew().get() ? create : existing).setSelected(true);
        create.selectedProperty().addListener((o, was, is) -> model.createNew().set(is));
        model.createNew().addListener((o, was, is) -> (is ? create : existing).setSelected(true));

        Node table = existingRoles();
        Node newRole = newRoleForm();
        table.visibleProperty().bind(model.createNew().not());
        newRole.visibleProperty().bind(model.createNew());
        StackPane body = new StackPane(table, newRole);
        VBox.setVgrow(body, Priority.ALWAYS);

        VBox root = new VBox(10, intro, new HBox(20, existing, create), body);
        root.getStyleClass().add("role-step");
        root.setPadding(new Insets(10, 20, 10, 20));
        return root;
    }

    private Node existingRoles() {
        TextField search = new TextField();
        search.setId("role-search");
        // The search keeps room to type in; the status beside it wraps instead.
        search.setMinWidth(220);
        search.setPrefWidth(260);
        search.setPromptText(Texts.get("role.search.prompt"));
        search.setAccessibleText(Texts.get("role.search.prompt"));
        search.textProperty().bindBidirectional(list.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        this.search = search;
        FontIcon searchIcon = new FontIcon("fth-search");
        searchIcon.setAccessibleText(Texts.get("role.search.prompt"));

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(list.loading());
        progress.managedProperty().bind(list.loading());
        Label status = new Label();
        status.setId("role-status");
        status.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            if (list.loadError().get() != null) {
                                return list.loadError().get();
                            }
                            if (list.loading().get()) {
                                return Texts.get(
                                        "role.loading", list.loadedCount().get());
                            }
                            String count = Texts.get(
                                    "role.count",
                                    list.visibleRoles().size(),
                                    list.roles().size());
                            return list.applianceNote().get().isEmpty()
                                    ? count
                                    : count + ". " + list.applianceNote().get();
                        },
                        list.applianceNote(),
                        list.loadError(),
                        list.loading(),
                        list.loadedCount(),
                        list.visibleRoles(),
                        list.roles()));
        status.getStyleClass().add("role-status");
        // The count and, on the appliance's account, why its own role is missing: wrapped whole, never cut.
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button reload = new Button(Texts.get("role.reload"), new FontIcon("fth-refresh-cw"));
        reload.setId("role-reload");
        reload.setMinWidth(Region.USE_PREF_SIZE);
        reload.setMnemonicParsing(true);
        reload.disableProperty().bind(list.loading());
        reload.setOnAction(e -> list.reload());

        TableView<RoleRow> table = new TableView<>();
        table.setId("role-table");
        table.setPlaceholder(new Label(Texts.get("role.table.empty")));
        table.getColumns().add(column(Texts.get("role.column.name"), r -> r.name(), 240));
        TableColumn<RoleRow, RoleStatus> statusColumn = statusColumn();
        table.getColumns().add(statusColumn);
        table.getColumns().add(column(Texts.get("role.column.path"), r -> r.path(), 80));
        TableColumn<RoleRow, java.time.Instant> created = new TableColumn<>(Texts.get("role.column.created"));
        created.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().created()));
        created.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(java.time.Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : CREATED.format(item));
            }
        });
        // Never narrower than a date ("Nov 30, 2026") with the cell's padding, scroll bar or not.
        created.setPrefWidth(120);
        created.setMinWidth(120);
        table.getColumns().add(created);
        // The widths add up to the table's width at the window's minimum size; a wider window widens the description.
        table.getColumns().add(column(Texts.get("role.column.description"), r -> r.description(), 150));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<RoleRow> sorted = new SortedList<>(list.visibleRoles());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // Statuses arrive after the list: a table sorted by status sorts again once per batch, not once per role.
        list.statuses().applied().addListener((o, was, is) -> {
            if (table.getSortOrder().contains(statusColumn)) {
                table.sort();
            }
        });
        // A search that hides the chosen role keeps it chosen: only a new pick replaces it.
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                list.selected().set(is);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        // From the search field, Down goes to the matches, the first one chosen: no mouse needed to pick a role.
        search.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN
                    && !table.getItems().isEmpty()) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().select(0);
                    table.getFocusModel().focus(0);
                }
                e.consume();
            }
        });

        Label chosen = new Label();
        chosen.setId("role-selected");
        chosen.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> list.selected().get() == null
                                ? Texts.get("role.selected.none")
                                : Texts.get(
                                        "role.selected", list.selected().get().name()),
                        list.selected()));

        Label statuses = new Label();
        statuses.setId("role-statuses");
        statuses.getStyleClass().add("role-statuses");
        statuses.setWrapText(true);
        statuses.setMinHeight(Region.USE_PREF_SIZE);
        statuses.textProperty().bind(list.statuses().summary());
        // A failure reads in the error colour, and its words say what failed.
        list.statuses().problem().addListener((o, was, is) -> {
            statuses.getStyleClass().remove("error-text");
            if (is != null) {
                statuses.getStyleClass().add("error-text");
            }
        });
        HBox.setHgrow(statuses, Priority.ALWAYS);
        statuses.setMaxWidth(Double.MAX_VALUE);
        statuses.setAlignment(Pos.CENTER_RIGHT);
        chosen.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(8, searchIcon, search, progress, status, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox footer = new HBox(16, chosen, statuses);
        footer.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, bar, table, footer);
    }

    private TableColumn<RoleRow, RoleStatus> statusColumn() {
        TableColumn<RoleRow, RoleStatus> column = new TableColumn<>(Texts.get("role.column.status"));
        column.setId("role-status-column");
        column.setCellValueFactory(c -> list.statuses().of(c.getValue()));
        column.setCellFactory(c -> new RoleStatusCell());
        column.setComparator(RoleStatus.ORDER);
        column.setPrefWidth(130);
        column.setMinWidth(125);
        return column;
    }

    private static TableColumn<RoleRow, String> column(
            String title, java.util.function.Function<RoleRow, String> value, double width) {
        TableColumn<RoleRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private Node newRoleForm() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        // The labels' column is as wide as its longest label, whatever the messages below the fields say.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        newName = new TextField();
        row = field(grid, row, "role.new.name", newName, form.name(), form.nameError(), "new-role-name");
        row = field(grid, row, "role.new.path", new TextField(), form.path(), form.pathError(), "new-role-path");
        row = field(
                grid,
                row,
                "role.new.description",
                new TextField(),
                form.description(),
                form.descriptionError(),
                "new-role-description");
        row = field(
                grid,
                row,
                "role.new.boundary",
                new TextField(),
                form.boundaryArn(),
                form.boundaryError(),
                "new-role-boundary");
        TextArea tags = new TextArea();
        tags.setPrefRowCount(2);
        row = field(grid, row, "role.new.tags", tags, form.tags(), form.tagsError(), "new-role-tags");

        ToggleGroup mode = new ToggleGroup();
        RadioButton inline = new RadioButton(Texts.get("role.new.mode.inline"));
        inline.setId("new-role-inline");
        inline.setToggleGroup(mode);
        RadioButton managed = new RadioButton(Texts.get("role.new.mode.managed"));
        managed.setId("new-role-managed");
        managed.setToggleGroup(mode);
        (form.permissionsMode().get() == PermissionsMode.MANAGED ? managed : inline).setSelected(true);
        managed.selectedProperty()
                .addListener((o, was, is) ->
                        form.permissionsMode().set(is ? PermissionsMode.MANAGED : PermissionsMode.INLINE));
        Label modeLabel = new Label(Texts.get("role.new.mode"));
        grid.add(modeLabel, 0, row);
        grid.add(new javafx.scene.layout.FlowPane(16, 4, inline, managed), 1, row);

        TabPane preview = new TabPane(
                previewTab(Texts.get("role.preview.trust"), form.trustPreview(), "new-role-trust-preview"),
                previewTab(
                        Texts.get("role.preview.permissions"),
                        form.permissionsPreview(),
                        "new-role-permissions-preview"));
        preview.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(preview, Priority.ALWAYS);
        Label previewTitle = new Label(Texts.get("role.preview.title"));
        previewTitle.getStyleClass().add("section-title");
        return new VBox(8, grid, previewTitle, preview);
    }

    private static int field(
            GridPane form,
            int row,
            String key,
            TextInputControl input,
            StringProperty value,
            StringProperty error,
            String id) {
        Label label = new Label(Texts.get(key));
        label.setLabelFor(input);
        label.setMnemonicParsing(true);
        input.setId(id);
        input.textProperty().bindBidirectional(value);
        input.setAccessibleHelp(Texts.get(key + ".help"));
        input.setPromptText(Texts.get(key + ".help"));
        Label problem = new Label();
        problem.setId(id + "-error");
        problem.getStyleClass().addAll("field-error", "error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(error);
        // Always in the layout (an empty line without an error), so the form does not jump as errors come and go.
        problem.setMinHeight(Region.USE_PREF_SIZE);
        label.setMinWidth(Region.USE_PREF_SIZE);
        // AtlantaFX draws a field in its danger state with a red border (colour is never the only sign: the text says
        // it).
        error.addListener((o, was, is) -> input.pseudoClassStateChanged(DANGER, is != null));
        input.pseudoClassStateChanged(DANGER, error.get() != null);
        form.add(label, 0, row);
        form.add(input, 1, row);
        form.add(problem, 1, row + 1);
        return row + 2;
    }

    private static Tab previewTab(String title, StringProperty text, String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().addAll("json-view", "monospace");
        area.textProperty().bind(text);
        area.setAccessibleText(title);
        return new Tab(title, area);
    }
}
