package com.workerrolewizard.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.SessionSource;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.ProfileKind;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.core.signin.SsoTokenStatus;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.signin.FakeIdentityCenter;
import com.workerrolewizard.signin.SsoLogin;
import com.workerrolewizard.signin.SsoTokenCache;
import com.workerrolewizard.signin.TestBrowser;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The sign-in step with an Identity Center profile that has no token: Sign in sends the browser to the sign-in page
 * (here the test follows it) and the step says it waits for the browser, with the address and Cancel, off the FX
 * thread; the login is real, against a local Identity Center.
 */
@ExtendWith(ApplicationExtension.class)
class SignInBrowserLoginTest {
    private FakeIdentityCenter identityCenter;
    private Sandbox sandbox;
    private Path folder;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("sign-in-browser");
        System.setProperty("worker.role.wizard.home", folder.resolve("home").toString());
        identityCenter = new FakeIdentityCenter();
        sandbox = Sandbox.start();
        Path config = Files.writeString(folder.resolve("config"), """
                [profile corp]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = Admin

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1
                """);
        ProfileFile file = ProfileFile.builder()
                .content(config)
                .type(ProfileFile.Type.CONFIGURATION)
                .build();
        com.workerrolewizard.app.session.Sessions real = new com.workerrolewizard.app.session.Sessions(
                ReferenceDocuments.load().builtInCatalog());
        SessionSource sessions = new SessionSource() {
            @Override
            public List<ProfileInfo> profiles() {
                return List.of(
                        new ProfileInfo("corp", ProfileKind.SSO, false, "us-east-1", null, SsoTokenStatus.MISSING));
            }

            @Override
            public Session sandbox() {
                throw new AssertionError("not the sandbox");
            }

            @Override
            public Session profile(String name, String region, SignInPrompts prompts, BooleanSupplier cancelled) {
                new SsoLogin(
                                new SsoTokenCache(folder.resolve("sso-cache")),
                                Optional.of(identityCenter.endpoint()),
                                Optional.of(identityCenter.endpoint()),
                                prompts,
                                Duration.ofMinutes(2))
                        .login(name, file, cancelled);
                return real.onSandbox(sandbox, () -> {});
            }
        };
        SignInViewModel model =
                new SignInViewModel(new WizardState(ReferenceDocuments.load()), sessions, Background.fx());
        SignInView view = new SignInView(model);
        this.stage = stage;
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 720, 520));
        stage.show();
        model.shown();
    }

    @AfterEach
    void stop() {
        identityCenter.close();
        sandbox.close();
        System.clearProperty("worker.role.wizard.home");
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    private static boolean shown(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.isVisible()
                && node.getParent().isVisible()
                && node.getParent().getParent().isVisible();
    }

    @Test
    void signInWaitsForTheBrowserAndGoesOnByItselfOnceItComesBack(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#sign-in").query().isDisabled());
        robot.clickOn("#sign-in");
        waitFor(() -> text(robot, "#browser-page").startsWith(identityCenter.endpoint() + "/authorize?"));
        assertThat(text(robot, "#signin-waiting")).startsWith("Waiting for the browser");
        assertThat(shown(robot, "#browser-page")).isTrue();
        assertThat(robot.lookup("#sign-in-cancel").query().isVisible()).isTrue();
        com.workerrolewizard.ui.ScreenshotsAccess.save(robot, stage.getScene(), "1-sign-in-waiting-for-browser");

        TestBrowser.follow(text(robot, "#browser-page"));
        waitFor(() -> !text(robot, "#signed-in").isEmpty());
        assertThat(text(robot, "#signed-in")).contains(Sandbox.ACCOUNT);
        assertThat(shown(robot, "#signin-waiting")).isFalse();
        assertThat(Files.exists(folder.resolve("sso-cache"))).isTrue();
    }

    @Test
    void cancelStopsTheWaitAndSavesNothing(FxRobot robot) throws Exception {
        waitFor(() -> !robot.lookup("#sign-in").query().isDisabled());
        robot.clickOn("#sign-in");
        waitFor(() -> !text(robot, "#browser-page").isEmpty());
        robot.clickOn("#sign-in-cancel");
        waitFor(() -> text(robot, "#signin-error").contains("cancelled"));
        assertThat(text(robot, "#signin-error"))
                .isEqualTo("The IAM Identity Center login was cancelled; nothing was saved.");
        assertThat(shown(robot, "#signin-waiting")).isFalse();
        assertThat(identityCenter.tokenRequests).isEmpty();
    }
}
