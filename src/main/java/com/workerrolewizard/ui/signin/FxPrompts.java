package com.workerrolewizard.ui.signin;

import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.ui.common.Texts;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;

/**
 * Sign-in prompts as dialogs. Called from the background sign-in; each dialog runs on the FX thread while
 * the background waits for the answer (the FX thread itself never waits). The browser is opened from the background.
 */
final class FxPrompts implements SignInPrompts {
    private final Node owner;
    private final Consumer<String> waitingForBrowser;
    private final Consumer<String> waitingForOther;

    /**
     * @param waitingForBrowser told (on the FX thread) the sign-in page's address once the browser was sent there
     * @param waitingForOther   told (on the FX thread) a sentence when another login of the session runs first
     */
    FxPrompts(Node owner, Consumer<String> waitingForBrowser, Consumer<String> waitingForOther) {
        this.owner = owner;
        this.waitingForBrowser = waitingForBrowser;
        this.waitingForOther = waitingForOther;
    }

    @Override
    public String mfaCode(String profile, String serial, String retry) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            TextInputDialog dialog = new TextInputDialog();
            dialog.initOwner(owner.getScene().getWindow());
            dialog.setTitle(Texts.get("mfa.title"));
            dialog.setHeaderText(retry != null ? retry : Texts.get("mfa.header", profile));
            dialog.setContentText(Texts.get("mfa.label", serial));
            answer.complete(dialog.showAndWait());
        });
        return answer.join()
                .filter(code -> !code.isBlank())
                .map(String::strip)
                .orElseThrow(() -> new SignInException(Texts.get("mfa.cancelled", profile)));
    }

    @Override
    public void showDeviceCode(
            String profile, String userCode, String verificationUri, String verificationUriComplete) {
        // Opening the browser may take a moment: it happens here, on the background sign-in, not on the FX thread.
        Sessions.openInBrowser(verificationUriComplete != null ? verificationUriComplete : verificationUri);
        Platform.runLater(() -> {
            Alert alert = new Alert(Alert.AlertType.INFORMATION);
            alert.initOwner(owner.getScene().getWindow());
            alert.setTitle(Texts.get("sso.title"));
            alert.setHeaderText(Texts.get("sso.header", userCode));
            alert.setContentText(Texts.get("sso.content", verificationUri));
            alert.show();
        });
    }

    @Override
    public void openAuthorizationPage(String profile, String url) {
        Sessions.openInBrowser(url);
        Platform.runLater(() -> waitingForBrowser.accept(url));
    }

    @Override
    public void waitingForOtherLogin(String profile) {
        Platform.runLater(() -> waitingForOther.accept(Texts.get("sso.waitingForOther")));
    }
}
