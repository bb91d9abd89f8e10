package com.workerrolewizard.ui.signin;

import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 1's controls: the three ways in, the profile and region, Sign in, and what came of it. */
public final class SignInView implements StepView {
    private final SignInViewModel model;
    private final VBox root;

    public SignInView(SignInViewModel model) {
        this.model = model;
        ToggleGroup ways = new ToggleGroup();
        RadioButton profile = radio(ways, Texts.get("signin.profile"), SignInViewModel.Mode.PROFILE, "mode-profile");
        RadioButton sandbox = radio(ways, Texts.get("signin.sandbox"), SignInViewModel.Mode.SANDBOX, "mode-sandbox");
        RadioButton generate =
                radio(ways, Texts.get("signin.generateOnly"), SignInViewModel.Mode.GENERATE_ONLY, "mode-generate");
        model.mode()
                .addListener((o, was, is) -> ways.getToggles().stream()
                        .filter(t -> t.getUserData() == is)
                        .findFirst()
                        .ifPresent(ways::selectToggle));
        ways.getToggles().stream()
                .filter(t -> t.getUserData() == model.mode().get())
                .findFirst()
                .ifPresent(ways::selectToggle);

        ComboBox<ProfileInfo> profiles = new ComboBox<>(model.profiles());
        profiles.setId("profiles");
        profiles.setPromptText(Texts.get("signin.chooseProfile"));
        profiles.setCellFactory(list -> new ProfileCell());
        profiles.setButtonCell(new ProfileCell());
        profiles.valueProperty().bindBidirectional(model.profile());
        profiles.disableProperty().bind(model.mode().isNotEqualTo(SignInViewModel.Mode.PROFILE));
        TextField region = new TextField();
        region.setId("region");
        region.setPromptText(Texts.get("signin.region"));
        region.textProperty().bindBidirectional(model.region());
        region.disableProperty().bind(model.mode().isNotEqualTo(SignInViewModel.Mode.PROFILE));
        HBox profileRow = new HBox(10, profiles, region);
        Label note = new Label();
        note.setId("profiles-note");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.textProperty().bind(model.profilesNote());
        note.visibleProperty().bind(model.profilesNote().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox profileBox = new VBox(6, profileRow, note);
        profileBox.setPadding(new Insets(0, 0, 0, 26));

        Button signIn = new Button(Texts.get("signin.button"));
        signIn.setId("sign-in");
        signIn.disableProperty().bind(model.canSignIn().not());
        signIn.setOnAction(e ->
                model.signIn(new FxPrompts(root(), model.signInWait()::forBrowser, model.signInWait()::forOtherLogin)));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busy());
        Button cancel = new Button(Texts.get("signin.cancel"));
        cancel.setId("sign-in-cancel");
        cancel.visibleProperty().bind(model.busy());
        cancel.setOnAction(e -> model.cancel());
        HBox signInRow = new HBox(10, signIn, progress, cancel);
        signInRow.visibleProperty().bind(model.mode().isNotEqualTo(SignInViewModel.Mode.GENERATE_ONLY));
        VBox waiting = waitingForBrowser();

        Label error = new Label();
        error.setId("signin-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.error());
        Label signedIn = new Label();
        signedIn.setId("signed-in");
        signedIn.getStyleClass().add("success-text");
        signedIn.setWrapText(true);
        signedIn.textProperty().bind(model.signedIn());

        Label heading = new Label(Texts.get("signin.heading"));
        heading.getStyleClass().add("title-3");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        root = new VBox(12, heading, profile, profileBox, sandbox, generate, signInRow, waiting, error, signedIn);
        root.setPadding(new Insets(20));
    }

    private VBox root() {
        return root;
    }

    /** While an Identity Center login waits for the browser: what it waits for, the page's address, a way back to it. */
    private VBox waitingForBrowser() {
        SignInWait wait = model.signInWait();
        Label text = new Label();
        text.setId("signin-waiting");
        text.setWrapText(true);
        text.textProperty().bind(wait.waiting());
        TextField page = new TextField();
        page.setId("browser-page");
        page.setEditable(false);
        page.textProperty().bind(wait.browserPage());
        HBox.setHgrow(page, javafx.scene.layout.Priority.ALWAYS);
        Button again = new Button(Texts.get("sso.openBrowser"));
        again.setId("open-browser");
        again.setOnAction(e -> wait.openBrowserAgain());
        HBox pageRow = new HBox(10, page, again);
        pageRow.visibleProperty().bind(wait.browserPage().isNotEmpty());
        pageRow.managedProperty().bind(pageRow.visibleProperty());
        VBox box = new VBox(6, text, pageRow);
        box.visibleProperty().bind(wait.waiting().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private RadioButton radio(ToggleGroup group, String text, SignInViewModel.Mode mode, String id) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.setUserData(mode);
        button.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                model.mode().set(mode);
            }
        });
        return button;
    }

    /** A profile with its kind, and the reason when it cannot work (shown, never hidden). */
    private static final class ProfileCell extends ListCell<ProfileInfo> {
        @Override
        protected void updateItem(ProfileInfo item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            // A broken profile says why in the list itself, before anyone tries it.
            setText(item.name() + "  (" + item.kind().id() + (item.mfa() ? ", MFA" : "") + ")"
                    + (item.usable() ? "" : "  - " + Texts.get("signin.cannotWork") + ": " + item.problem()));
            setWrapText(true);
            setMaxWidth(520);
            setDisable(!item.usable());
        }
    }

    @Override
    public Node node() {
        return root;
    }
}
