package com.workerrolewizard.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.TestSessions;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.Path;
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
        assertThat(state.session.get().me().account()).isEqualTo(Sandbox.ACCOUNT);
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
        model.profile().set(new com.workerrolewizard.signin.ProfileInfo("gone", com.workerrolewizard.signin.ProfileKind.KEYS,
                false, null, null));
        model.signIn(null);
        assertThat(model.error().get()).isEqualTo("Profile gone cannot work: its source_profile nowhere does not exist.");
        assertThat(model.valid().get()).isFalse();
        assertThat(model.busy().get()).isFalse();
    }

    @Test
    void theNextRunStartsWhereThisOneSignedIn() {
        model.loadProfiles();
        model.mode().set(SignInViewModel.Mode.SANDBOX);
        model.signIn(null);
        SignInViewModel next = new SignInViewModel(new WizardState(ReferenceDocuments.load()), sessions, Background.direct());
        next.loadProfiles();
        assertThat(next.mode().get()).isEqualTo(SignInViewModel.Mode.SANDBOX);
    }
}
