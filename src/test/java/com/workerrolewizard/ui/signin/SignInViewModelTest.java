package com.workerrolewizard.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.SessionSource;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.TestSessions;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step 1 without a window: the ways in, the profile list with its broken entries, errors where they belong. */
class SignInViewModelTest {
    @TempDir
    Path home;

    private TestSessions sessions;
    private WizardState state;
    private SignInViewModel model;

    @BeforeEach
    void start() {
        System.setProperty("worker.role.wizard.home", home.toString());
        sessions = new TestSessions();
        state = new WizardState(ReferenceDocuments.load());
        model = new SignInViewModel(state, sessions, Background.direct());
    }

    @AfterEach
    void stop() {
        if (state.session.get() != null) {
            state.session.get().close();
        }
        sessions.sandbox.close();
        System.clearProperty("worker.role.wizard.home");
    }

    @Test
    void theFirstUsableProfileIsPreselectedAndTheBrokenOneIsListedWithItsReason() {
        model.loadProfiles();
        assertThat(model.profiles()).extracting(p -> p.name()).containsExactly("sandbox-profile", "broken");
        assertThat(model.mode().get()).isEqualTo(SignInViewModel.Mode.PROFILE);
        assertThat(model.profile().get().name()).isEqualTo("sandbox-profile");
        assertThat(model.region().get()).isEqualTo("eu-west-1");
        model.profile().set(model.profiles().get(1));
        assertThat(model.canSignIn().get()).isFalse();
        assertThat(model.error().get()).contains("nowhere");
    }

    @Test
    void signingInShowsTheAccountAndMakesTheStepValid() {
        assertThat(model.valid().get()).isFalse();
        model.mode().set(SignInViewModel.Mode.SANDBOX);
        model.signIn(null);
        assertThat(model.valid().get()).isTrue();
        assertThat(model.signedIn().get()).contains(Sandbox.ACCOUNT).contains("partition aws");
        assertThat(state.session.get().operator().account()).isEqualTo(Sandbox.ACCOUNT);
    }

    @Test
    void generatingPoliciesOnlyNeedsNoSignIn() {
        model.mode().set(SignInViewModel.Mode.GENERATE_ONLY);
        assertThat(model.valid().get()).isTrue();
        assertThat(state.generateOnly.get()).isTrue();
    }

    @Test
    void aFailedSignInIsOneSentenceBesideTheButton() {
        model.loadProfiles();
        model.profile()
                .set(new ProfileInfo("gone", com.workerrolewizard.core.signin.ProfileKind.KEYS, false, null, null));
        model.signIn(null);
        assertThat(model.error().get())
                .isEqualTo("Profile gone cannot work: its source_profile nowhere does not exist.");
        assertThat(model.valid().get()).isFalse();
        assertThat(model.busy().get()).isFalse();
    }

    @Test
    void theNextRunStartsWhereThisOneSignedIn() {
        model.loadProfiles();
        model.mode().set(SignInViewModel.Mode.SANDBOX);
        model.signIn(null);
        SignInViewModel next =
                new SignInViewModel(new WizardState(ReferenceDocuments.load()), sessions, Background.direct());
        next.loadProfiles();
        assertThat(next.mode().get()).isEqualTo(SignInViewModel.Mode.SANDBOX);
    }

    @Test
    void anIdentityCenterLoginShowsThatItWaitsForTheBrowserUntilItEndsAndCancelStopsIt() {
        List<String> seenWhileWaiting = new ArrayList<>();
        SessionSource browserLogin = new SessionSource() {
            @Override
            public List<ProfileInfo> profiles() {
                return java.util.List.of(new ProfileInfo(
                        "corp",
                        com.workerrolewizard.core.signin.ProfileKind.SSO,
                        false,
                        "eu-west-1",
                        null,
                        com.workerrolewizard.core.signin.SsoTokenStatus.MISSING));
            }

            @Override
            public Session sandbox() {
                throw new AssertionError("not the sandbox");
            }

            @Override
            public Session profile(String name, String region, SignInPrompts prompts, BooleanSupplier cancelled) {
                // What FxPrompts does on the FX thread once the browser was sent to the sign-in page:
                model.signInWait().forBrowser("https://oidc.us-east-1.amazonaws.com/authorize?client_id=x");
                seenWhileWaiting.add(model.signInWait().waiting().get());
                seenWhileWaiting.add(model.signInWait().browserPage().get());
                model.cancel();
                if (cancelled.getAsBoolean()) {
                    throw new SignInException("The IAM Identity Center login was cancelled; nothing was saved.");
                }
                throw new AssertionError("Cancel did not reach the login");
            }
        };
        model = new SignInViewModel(state, browserLogin, Background.direct());
        model.loadProfiles();
        model.signIn(null);
        assertThat(seenWhileWaiting.get(0)).startsWith("Waiting for the browser");
        assertThat(seenWhileWaiting.get(1)).isEqualTo("https://oidc.us-east-1.amazonaws.com/authorize?client_id=x");
        assertThat(model.signInWait().waiting().get()).as("no longer waiting").isEmpty();
        assertThat(model.signInWait().browserPage().get()).isEmpty();
        assertThat(model.error().get()).isEqualTo("The IAM Identity Center login was cancelled; nothing was saved.");
        assertThat(model.busy().get()).isFalse();
        model.signInWait().forBrowser("https://late.example/");
        assertThat(model.signInWait().waiting().get())
                .as("a late message after the end is ignored")
                .isEmpty();
    }

    @Test
    void aProfileWhoseTokenCacheCannotBeReadCanStillSignInAndSaysWhy() {
        ProfileInfo broken = new ProfileInfo(
                "corp",
                com.workerrolewizard.core.signin.ProfileKind.SSO,
                false,
                null,
                "The IAM Identity Center token cache file x cannot "
                        + "be read (it is not valid JSON): run 'worker-role-wizard login --profile corp' to replace it.",
                com.workerrolewizard.core.signin.SsoTokenStatus.UNREADABLE);
        model.mode().set(SignInViewModel.Mode.PROFILE);
        model.profile().set(broken);
        assertThat(model.canSignIn().get())
                .as("signing in logs in, which replaces the file")
                .isTrue();
        assertThat(model.error().get()).contains("cannot be read");
    }
}
