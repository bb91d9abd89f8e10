package com.workerrolewizard.ui.signin;

import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Texts;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What a running sign-in waits for (the browser on Identity Center's page, another login of the same session), and
 * the way back to that page. A late word after the sign-in ended is ignored.
 */
public final class SignInWait {
    private final ObservableBooleanValue busy;
    private final Background background;
    private final StringProperty waiting = new SimpleStringProperty("");
    private final StringProperty browserPage = new SimpleStringProperty("");

    /** @param busy whether a sign-in runs */
    SignInWait(ObservableBooleanValue busy, Background background) {
        this.busy = busy;
        this.background = background;
    }

    /** The sign-in sent the browser to Identity Center's page: the step says it waits for the browser (Cancel stops). */
    public void forBrowser(String url) {
        if (busy.get()) {
            waiting.set(Texts.get("sso.waitingForBrowser"));
            browserPage.set(url);
        }
    }

    /** Another login of the same session runs first (another window, a command): the step says it waits for it. */
    public void forOtherLogin(String sentence) {
        if (busy.get()) {
            waiting.set(sentence);
        }
    }

    /** Opens the sign-in page again, off the FX thread (the person closed the tab, or no browser came up). */
    public void openBrowserAgain() {
        String url = browserPage.get();
        if (!url.isEmpty()) {
            background.run(() -> Sessions.openInBrowser(url), opened -> {}, e -> {});
        }
    }

    /** The sign-in ended: nothing is waited for any more. */
    void stop() {
        waiting.set("");
        browserPage.set("");
    }

    /** What the sign-in waits for (the browser, another login), or empty. */
    public StringProperty waiting() {
        return waiting;
    }

    /** The Identity Center page the browser was sent to while waiting for it, or empty. */
    public StringProperty browserPage() {
        return browserPage;
    }
}
