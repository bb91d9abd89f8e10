package com.workerrolewizard.ui.signin;

import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.SessionSource;
import com.workerrolewizard.app.WizardMemory;
import com.workerrolewizard.ui.wizard.WizardState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 1: how to reach the account. A profile of the admin's own files (usable ones, and the others with
 * their reason), the built-in sandbox, or no account at all ("generate policies only").
 */
public final class SignInViewModel {
    public enum Mode { PROFILE, SANDBOX, GENERATE_ONLY }

    private final WizardState state;
    private final SessionSource sessions;
    private final Background background;
    private final ObservableList<ProfileInfo> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SANDBOX);
    private final ObjectProperty<ProfileInfo> profile = new SimpleObjectProperty<>();
    private final StringProperty region = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty signedIn = new SimpleStringProperty("");
    private final StringProperty waiting = new SimpleStringProperty("");
    private final StringProperty browserPage = new SimpleStringProperty("");
    private final BooleanBinding valid;
    private final BooleanBinding canSignIn;
    private WizardMemory memory;
    private volatile boolean cancelled;
    private Runnable memoryLoaded = () -> { };

    public SignInViewModel(WizardState state, SessionSource sessions, Background background) {
        this.state = state;
        this.sessions = sessions;
        this.background = background;
        valid = Bindings.createBooleanBinding(() -> mode.get() == Mode.GENERATE_ONLY || state.session.get() != null,
                mode, state.session);
        canSignIn = Bindings.createBooleanBinding(() -> !busy.get() && (mode.get() == Mode.SANDBOX
                || (mode.get() == Mode.PROFILE && profile.get() != null && profile.get().usable())), busy, mode, profile);
        mode.addListener((o, was, is) -> {
            state.generateOnly.set(is == Mode.GENERATE_ONLY);
            error.set("");
        });
        profile.addListener((o, was, is) -> {
            if (is != null && is.region() != null) {
                region.set(is.region());
            }
            // A problem is shown even when signing in repairs it (an unreadable Identity Center cache).
            error.set(is != null && is.problem() != null ? is.problem() : "");
        });
    }

    /**
     * Reads the profile files and what the last run remembered, in the background; the remembered profile (or
     * the first usable one) is preselected, with the remembered way in and region.
     */
    public void loadProfiles() {
        background.run(() -> new Object[] {sessions.profiles(), WizardMemory.load()}, loaded -> {
            @SuppressWarnings("unchecked")
            java.util.List<ProfileInfo> list = (java.util.List<ProfileInfo>) loaded[0];
            memory = (WizardMemory) loaded[1];
            profiles.setAll(list);
            java.util.Optional<String> remembered = memory.get(WizardMemory.PROFILE);
            list.stream().filter(ProfileInfo::usable)
                    .filter(p -> remembered.isEmpty() || remembered.get().equals(p.name())).findFirst()
                    .or(() -> list.stream().filter(ProfileInfo::usable).findFirst())
                    .ifPresent(p -> {
                        profile.set(p);
                        mode.set(Mode.PROFILE);
                    });
            memory.get(WizardMemory.MODE).map(Mode::valueOf).filter(m -> m != Mode.PROFILE || profile.get() != null)
                    .ifPresent(mode::set);
            memory.get(WizardMemory.REGION).ifPresent(region::set);
            memoryLoaded.run();
        }, e -> error.set(Problems.describe(e)));
    }

    /** Called once what the last run remembered is known (the appliance step takes its value from it). */
    public void onMemoryLoaded(Runnable action) {
        this.memoryLoaded = action;
    }

    public java.util.Optional<WizardMemory> memory() {
        return java.util.Optional.ofNullable(memory);
    }

    public void signIn(SignInPrompts prompts) {
        if (!canSignIn.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        Mode chosen = mode.get();
        String name = profile.get() == null ? null : profile.get().name();
        String chosenRegion = region.get();
        cancelled = false;
        background.run(() -> chosen == Mode.SANDBOX ? sessions.sandbox()
                        : sessions.profile(name, chosenRegion, prompts, () -> cancelled),
                session -> {
                    stopWaiting();
                    busy.set(false);
                    Session old = state.session.get();
                    state.session.set(session);
                    if (old != null) {
                        old.close();
                    }
                    signedIn.set(Texts.get("signin.signedIn", session.operator().account(), session.operator().arn(),
                            session.operator().partition().id()));
                    remember(chosen, name, chosenRegion);
                }, e -> {
                    stopWaiting();
                    busy.set(false);
                    error.set(Problems.describe(e));
                });
    }

    /** The sign-in sent the browser to Identity Center's page: the step says it waits for the browser (Cancel stops). */
    public void waitForBrowser(String url) {
        if (busy.get()) {
            waiting.set(Texts.get("sso.waitingForBrowser"));
            browserPage.set(url);
        }
    }

    /** Another login of the same session runs first (another window, a command): the step says it waits for it. */
    public void waitForOtherLogin(String sentence) {
        if (busy.get()) {
            waiting.set(sentence);
        }
    }

    /** Opens the sign-in page again, off the FX thread (the person closed the tab, or no browser came up). */
    public void openBrowserAgain() {
        String url = browserPage.get();
        if (!url.isEmpty()) {
            background.run(() -> com.workerrolewizard.app.session.Sessions.openInBrowser(url), opened -> { }, e -> { });
        }
    }

    private void stopWaiting() {
        waiting.set("");
        browserPage.set("");
    }

    /** Stops a sign-in that waits (an Identity Center login waiting for the browser). */
    public void cancel() {
        cancelled = true;
    }

    /** Saves the choice off the FX thread: the next run starts where this one signed in. */
    private void remember(Mode chosen, String name, String chosenRegion) {
        WizardMemory target = memory;
        if (target == null) {
            return;
        }
        background.run(() -> {
            target.put(WizardMemory.MODE, chosen.name());
            target.put(WizardMemory.PROFILE, name);
            target.put(WizardMemory.REGION, chosenRegion);
            return null;
        }, done -> { }, e -> { });
    }

    public ObservableList<ProfileInfo> profiles() {
        return profiles;
    }

    public ObjectProperty<Mode> mode() {
        return mode;
    }

    public ObjectProperty<ProfileInfo> profile() {
        return profile;
    }

    public StringProperty region() {
        return region;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public StringProperty error() {
        return error;
    }

    public StringProperty signedIn() {
        return signedIn;
    }

    /** What the sign-in waits for (the browser, another login), or empty. */
    public StringProperty waiting() {
        return waiting;
    }

    /** The Identity Center page the browser was sent to while waiting for it, or empty. */
    public StringProperty browserPage() {
        return browserPage;
    }

    public BooleanBinding valid() {
        return valid;
    }

    public BooleanBinding canSignIn() {
        return canSignIn;
    }
}
