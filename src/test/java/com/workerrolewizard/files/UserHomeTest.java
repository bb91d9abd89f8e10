package com.workerrolewizard.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.UserFacingException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The home folder as the AWS CLI and SDK find it, and one sentence when there is none. */
class UserHomeTest {
    private static Path resolve(Map<String, String> environment, String os, String userHome) {
        return UserHome.resolve(environment::get, os, userHome, "");
    }

    @Test
    void homeComesFirst() {
        assertThat(resolve(Map.of("HOME", "/srv/admin"), "Linux", "/home/admin"))
                .isEqualTo(Path.of("/srv/admin"));
    }

    @Test
    void javaUserHomeWhenHomeIsUnsetOrUnusable() {
        assertThat(resolve(Map.of(), "Linux", "/home/admin")).isEqualTo(Path.of("/home/admin"));
        assertThat(resolve(Map.of("HOME", ""), "Linux", "/home/admin")).isEqualTo(Path.of("/home/admin"));
        assertThat(resolve(Map.of("HOME", "relative/home"), "Linux", "/home/admin"))
                .isEqualTo(Path.of("/home/admin"));
    }

    @Test
    void windowsAsksUserProfileBeforeJava() {
        String profile = Path.of("/users/admin").toAbsolutePath().toString();
        assertThat(resolve(Map.of("USERPROFILE", profile), "Windows 11", "/elsewhere"))
                .isEqualTo(Path.of(profile));
        assertThat(resolve(Map.of("USERPROFILE", profile), "Linux", "/elsewhere"))
                .isEqualTo(Path.of("/elsewhere"));
    }

    @Test
    void noHomeAtAllIsOneSentenceNeverAFolderNamedQuestionMark() {
        assertThatThrownBy(() -> resolve(Map.of(), "Linux", "?"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("No home folder is known for this user (HOME is not set and Java reports \"?\"): set HOME "
                        + "to the user's home folder, an absolute path such as /home/admin.");
        assertThatThrownBy(() -> resolve(Map.of("HOME", "?"), "Linux", null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("HOME is \"?\"");
    }
}
