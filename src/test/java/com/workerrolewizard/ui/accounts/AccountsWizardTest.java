package com.workerrolewizard.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.SessionSource;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.ui.ScreenshotsAccess;
import com.workerrolewizard.ui.WizardAccess;
import com.workerrolewizard.ui.WizardContext;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardStep;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard over several accounts of moto's organization, as an admin drives it: signed in to the management
 * account, several accounts typed, the matrix filled (one member failing, one that cannot be checked), one account's
 * requirements, Fix all across accounts after the one confirmation, and the matrix passing where it can. Screenshots
 * of the matrix, the drill-down and the confirmation, light and dark.
 */
@ExtendWith(ApplicationExtension.class)
class AccountsWizardTest {
    private static MotoOrganization org;
    private Application app;
    private Stage stage;

    @BeforeAll
    static void organization() throws Exception {
        org = MotoOrganization.startOrSkip();
    }

    @AfterAll
    static void stopMoto() {
        if (org != null) {
            org.close();
        }
    }

    /** Signs in to moto's management account where the sign-in step offers the sandbox. */
    private static final class MotoSessions implements SessionSource {
        @Override
        public List<ProfileInfo> profiles() {
            return List.of();
        }

        @Override
        public Session sandbox() {
            return org.signIn();
        }

        @Override
        public Session profile(String name, String region, SignInPrompts prompts, BooleanSupplier cancelled) {
            return org.signIn();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(
                "worker.role.wizard.home",
                Files.createTempDirectory("accounts-wizard-home").toString());
        this.stage = stage;
        app = WizardAccess.wizard(new WizardContext(
                new Workflows(ReferenceDocuments.load(), "test"),
                new MotoSessions(),
                Background.fx(),
                RoleWorkflow.Timing.IAM,
                false,
                (name, owner) -> Optional.empty()));
        app.start(stage);
        stage.setWidth(1000);
        stage.setHeight(700);
    }

    @AfterEach
    void stop() throws Exception {
        app.stop();
    }

    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited in vain for " + what, e);
        }
    }

    private static String text(FxRobot robot, String query) {
        return ((Labeled) robot.lookup(query).query()).getText();
    }

    private void screenshots(FxRobot robot, javafx.scene.Scene scene, String name) {
        for (boolean dark : new boolean[] {true, false}) {
            robot.interact(() -> WizardAccess.theme(app, dark));
            WaitForAsyncUtils.waitForFxEvents();
            ScreenshotsAccess.save(robot, scene, name + (dark ? "-dark" : "-light"));
        }
    }

    @Test
    void severalAccountsAreCheckedInTheMatrixAndFixedAfterOneConfirmation(FxRobot robot) throws Exception {
        waitFor("the first step", () -> WizardAccess.navigation(app).current().get() != null);
        robot.clickOn("#mode-sandbox");
        robot.clickOn("#sign-in");
        waitFor("signed in", () -> !text(robot, "#signed-in").isEmpty());
        robot.clickOn("#next");
        robot.clickOn("#appliance").write(MotoOrganization.APPLIANCE);
        waitFor("appliance accepted", () -> !robot.lookup("#next").query().isDisabled());
        robot.clickOn("#next");

        waitFor("the role step", () -> WizardAccess.navigation(app).current().get() == WizardStep.ROLE);
        robot.clickOn("#accounts-several");
        waitFor(
                "the accounts form",
                () -> robot.lookup("#accounts-ids").tryQuery().isPresent());
        assertThat(robot.lookup("#next").query().isDisabled())
                .as("no account typed yet")
                .isTrue();
        robot.clickOn("#accounts-ids").write("12345, " + org.members.get(0));
        waitFor("the bad entry named", () -> text(robot, "#accounts-ids-error").contains("“12345”"));
        assertThat(robot.lookup("#next").query().isDisabled()).isTrue();
        TextArea ids = robot.lookup("#accounts-ids").query();
        robot.interact(() -> ids.setText(MotoOrganization.MANAGEMENT + ", " + String.join("\n", org.members)));
        waitFor("accounts accepted", () -> !robot.lookup("#next").query().isDisabled());
        assertThat(text(robot, "#context-role")).isEqualTo("VeeamWorkerRole");
        robot.clickOn("#next");

        TableView<?> matrix = robot.lookup("#accounts-matrix").query();
        waitFor(
                "every account checked",
                () -> text(robot, "#accounts-summary")
                        .equals("4 accounts checked: 2 ready, 1 failing, 1 that could not be checked."));
        assertThat(matrix.getItems()).hasSize(4);
        screenshots(robot, stage.getScene(), "accounts-matrix");

        robot.interact(() -> matrix.getSelectionModel().select(2));
        robot.interact(matrix::requestFocus);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(
                "the drill-down",
                () -> robot.lookup("#account-status-instance-profile")
                        .tryQuery()
                        .isPresent());
        assertThat(text(robot, "#account-detail-heading")).contains(org.members.get(1));
        assertThat(text(robot, "#account-status-instance-profile")).isEqualTo("FAIL");
        assertThat(text(robot, "#account-status-permissions")).isEqualTo("PASS");
        screenshots(robot, stage.getScene(), "accounts-drill-down");
        robot.clickOn("#accounts-back-to-matrix");
        waitFor("the matrix again", matrix::isVisible);

        robot.clickOn("#accounts-fix-all");
        waitFor(
                "the one confirmation",
                () -> robot.lookup("#accounts-plan-text").tryQuery().isPresent());
        TextArea plans = robot.lookup("#accounts-plan-text").query();
        assertThat(plans.getText())
                .contains("Account " + MotoOrganization.MANAGEMENT)
                .contains("Account " + org.members.get(0))
                .contains("Account " + org.members.get(1))
                .contains("Account " + org.members.get(2))
                .contains("CreateInstanceProfile")
                .contains("Not changed: ");
        screenshots(robot, plans.getScene(), "accounts-confirmation");
        robot.clickOn("#accounts-apply");

        waitFor(
                "the matrix checked again",
                () -> text(robot, "#accounts-summary")
                        .equals("4 accounts checked: 3 ready, 0 failing, 1 that could not be checked."));
        AccountRow fixed = (AccountRow) matrix.getItems().get(2);
        assertThat(fixed.fixed().get()).startsWith("Applied ");
        assertThat(fixed.passes()).isTrue();
        assertThat(robot.lookup("#accounts-fix-all").query().isDisabled()).isTrue();
        ScreenshotsAccess.save(robot, stage.getScene(), "accounts-matrix-fixed");

        // Undo in that one account, from its drill-down, after its own confirmation.
        robot.interact(() -> matrix.getSelectionModel().select(2));
        robot.clickOn("#accounts-details");
        waitFor(
                "the drill-down",
                () -> robot.lookup("#accounts-undo").tryQuery().isPresent());
        robot.clickOn("#accounts-undo");
        waitFor(
                "the undo confirmation",
                () -> robot.lookup("#accounts-undo-text").tryQuery().isPresent());
        TextArea undoText = robot.lookup("#accounts-undo-text").query();
        assertThat(undoText.getText()).contains("InstanceProfile");
        robot.clickOn("#accounts-undo-apply");
        waitFor(
                "the matrix after the undo",
                () -> text(robot, "#accounts-summary")
                        .equals("4 accounts checked: 2 ready, 1 failing, 1 that could not be checked."));
        assertThat(((AccountRow) matrix.getItems().get(2)).fixed().get()).startsWith("Undone: ");
        assertThat(((AccountRow) matrix.getItems().get(1)).passes())
                .as("member-00 untouched")
                .isTrue();
    }
}
