package com.workerrolewizard.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.WizardMemory;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.SessionSource;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.ProfileKind;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What a new admin met on the sign-in step: no profiles, a network failure, a region left from another profile. */
class SignInFindingsTest {
    @TempDir
    Path home;

    private List<ProfileInfo> profiles = List.of();
    private RuntimeException failure;
    private SignInViewModel model;

    private final SessionSource sessions = new SessionSource() {
        @Override
        public List<ProfileInfo> profiles() {
            return profiles;
        }

        @Override
        public Session sandbox() {
            throw failure;
        }

        @Override
        public Session profile(String name, String region, SignInPrompts prompts, BooleanSupplier cancelled) {
            throw failure;
        }
    };

    @BeforeEach
    void start() {
        System.setProperty("worker.role.wizard.home", home.toString());
        model = new SignInViewModel(new WizardState(ReferenceDocuments.load()), sessions, Background.direct());
    }

    @AfterEach
    void stop() {
        System.clearProperty("worker.role.wizard.home");
    }

    @Test
    void noProfilesAtAllIsSaidInWordsWithWhatToDo() {
        model.loadProfiles();
        assertThat(model.profilesNote().get())
                .isEqualTo("No AWS profiles found: create one with aws configure, or use the sandbox.");
        profiles = List.of(new ProfileInfo("prod", ProfileKind.KEYS, false, "eu-west-1", null));
        model.loadProfiles();
        assertThat(model.profilesNote().get()).isEmpty();
    }

    @Test
    void aNetworkFailureIsASentenceNotTheSdksText() {
        profiles = List.of(new ProfileInfo("prod", ProfileKind.KEYS, false, "eu-west-1", null));
        model.loadProfiles();
        failure = SdkClientException.builder()
                .message("Unable to execute HTTP request: Connect to sts.eu-west-1.amazonaws.com:443 failed: "
                        + "Connection refused (SDK Attempt Count: 4). See cause for details.")
                .cause(new ConnectException("Connection refused"))
                .build();
        model.signIn(null);
        assertThat(model.error().get())
                .startsWith("Cannot reach AWS: the connection was refused.")
                .contains("Check the network connection")
                .doesNotContain("See cause", "SDK Attempt", "Exception");
        failure = new RuntimeException(new UnknownHostException("sts.eu-west-1.amazonaws.com"));
        model.signIn(null);
        assertThat(model.error().get()).contains("the host name sts.eu-west-1.amazonaws.com is not known");
        failure = SdkClientException.create("Unable to load credentials. See cause for details.");
        model.signIn(null);
        assertThat(model.error().get()).doesNotContain("See cause").contains("Unable to load credentials");
    }

    @Test
    void eachProfileBringsItsOwnRegionOrNone() {
        ProfileInfo west = new ProfileInfo("west", ProfileKind.KEYS, false, "eu-west-1", null);
        ProfileInfo noRegion = new ProfileInfo("plain", ProfileKind.KEYS, false, null, null);
        profiles = List.of(west, noRegion);
        model.loadProfiles();
        model.profile().set(west);
        assertThat(model.region().get()).isEqualTo("eu-west-1");
        model.profile().set(noRegion);
        assertThat(model.region().get()).isEmpty();
    }

    @Test
    void theRememberedRegionGoesWithTheRememberedProfileOnly() {
        WizardMemory memory = WizardMemory.load();
        memory.put(WizardMemory.PROFILE, "gone");
        memory.put(WizardMemory.REGION, "ap-south-1");
        profiles = List.of(new ProfileInfo("west", ProfileKind.KEYS, false, "eu-west-1", null));
        model.loadProfiles();
        assertThat(model.profile().get().name()).isEqualTo("west");
        assertThat(model.region().get()).isEqualTo("eu-west-1");
        memory.put(WizardMemory.PROFILE, "west");
        model.loadProfiles();
        assertThat(model.region().get()).isEqualTo("ap-south-1");
    }
}
