package com.workerrolewizard.ui.signin;

import com.workerrolewizard.app.WizardMemory;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.SessionSource;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepModel;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.List;
import java.util.Optional;
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
public final class SignInViewModel implements StepModel {
    public enum Mode {
        PROFILE,
        SANDBOX,
        GENERATE_ONLY
    }

    /** What the step reads before anything else: the profiles of the admin's files, and what the last run remembered. */
    private record Loaded(List<ProfileInfo> profiles, WizardMemory memory) {}

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
    private final StringProperty profilesNote = new SimpleStringProperty("");
    private final SignInWait signInWait;
    private final BooleanBinding valid;
    private final BooleanBinding canSignIn;
    private WizardMemory memory;
    private volatile boolean cancelled;

    public SignInViewModel(WizardState state, SessionSource sessions, Background background) {
        this.state = state;
        this.sessions = sessions;
        this.background = background;
        this.signInWait = new SignInWait(busy, background);
        valid = Bindings.createBooleanBinding(
                () -> mode.get() == Mode.GENERATE_ONLY || state.session.get() != null, mode, state.session);
        canSignIn = Bindings.createBooleanBinding(
                () -> !busy.get()
                        && (mode.get() == Mode.SANDBOX
                                || (mode.get() == Mode.PROFILE
                                        && profile.get() != null
                                        && profile.get().usable())),
                busy,
                mode,
                profile);
        mode.addListener((o, was, is) -> {
            state.generateOnly.set(is == Mode.GENERATE_ONLY);
            error.set("");
        });
        profile.addListener((o, was, is) -> {
            // Each profile brings its own region (or none): the previous profile's never stays behind.
            region.set(is == null || is.region() == null ? "" : is.region());
            // A problem is shown even when signing in repairs it (an unreadable Identity Center cache).
            error.set(is != null && is.problem() != null ? is.problem() : "");
        });
    }

    /** The profiles are read the first time the step is shown. */
    @Override
    public void shown() {
        if (profiles.isEmpty()) {
            loadProfiles();
        }
    }

    /**
     * Reads the profile files and what the last run remembered, in the background; the remembered profile (or
     * the first usable one) is preselected, with the remembered way in and region.
     */
    public void loadProfiles() {
        background.run(
                () -> new Loaded(sessions.profiles(), WizardMemory.load()),
                loaded -> {
                    List<ProfileInfo> list = loaded.profiles();
                    memory = loaded.memory();
                    profiles.setAll(list);
                    Optional<String> remembered = memory.get(WizardMemory.PROFILE);
                    list.stream()
                            .filter(ProfileInfo::usable)
                            .filter(p ->
                                    remembered.isEmpty() || remembered.get().equals(p.name()))
                            .findFirst()
                            .or(() -> list.stream().filter(ProfileInfo::usable).findFirst())
                            .ifPresent(p -> {
                                profile.set(p);
                                mode.set(Mode.PROFILE);
                            });
                    memory.get(WizardMemory.MODE)
                            .map(Mode::valueOf)
                            .filter(m -> m != Mode.PROFILE || profile.get() != null)
                            .ifPresent(mode::set);
                    // The region remembered goes with the profile remembered, not with another one.
                    if (profile.get() != null
                            && remembered.equals(Optional.of(profile.get().name()))) {
                        memory.get(WizardMemory.REGION).ifPresent(region::set);
                    }
                    profilesNote.set(list.isEmpty() ? Texts.get("signin.noProfiles") : "");
                },
                e -> error.set(Problems.describe(e)));
    }

    public Optional<WizardMemory> memory() {
        return Optional.ofNullable(memory);
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
        background.run(
                () -> chosen == Mode.SANDBOX
                        ? sessions.sandbox()
                        : sessions.profile(name, chosenRegion, prompts, () -> cancelled),
                session -> {
                    signInWait.stop();
                    busy.set(false);
                    Session old = state.session.get();
                    state.session.set(session);
                    if (old != null) {
                        old.close();
                    }
                    signedIn.set(Texts.get(
                            "signin.signedIn",
                            session.operator().account(),
                            session.operator().arn(),
                            session.operator().partition().id()));
                    remember(chosen, name, chosenRegion);
                },
                e -> {
                    signInWait.stop();
                    busy.set(false);
                    error.set(Problems.describe(e));
                });
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
        background.run(
                () -> {
                    target.put(WizardMemory.MODE, chosen.name());
                    target.put(WizardMemory.PROFILE, name);
                    target.put(WizardMemory.REGION, chosenRegion);
                    return null;
                },
                done -> {},
                e -> {});
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

    /** A sentence about the profile list itself (there is none, and how to make one); empty otherwise. */
    public StringProperty profilesNote() {
        return profilesNote;
    }

    public StringProperty signedIn() {
        return signedIn;
    }

    /** What a running sign-in waits for, and the way back to the browser page. */
    public SignInWait signInWait() {
        return signInWait;
    }

    @Override
    public BooleanBinding valid() {
        return valid;
    }

    public BooleanBinding canSignIn() {
        return canSignIn;
    }
}
