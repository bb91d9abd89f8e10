package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.common.Background;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14: from launch to a role that passes all four requirements on the sandbox with the keyboard alone (Tab,
 * Space, Enter, Down and typing), the focus checked at each step: typing always lands where the step needs it.
 */
@ExtendWith(ApplicationExtension.class)
class WizardKeyboardTest {
    private TestSessions sessions;
    private WizardApplication app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(
                "worker.role.wizard.home",
                Files.createTempDirectory("wizard-test-home").toString());
        this.stage = stage;
        sessions = new TestSessions();
        app = new WizardApplication(new WizardContext(
                new com.workerrolewizard.app.Workflows(ReferenceDocuments.load(), "test"),
                sessions,
                Background.fx(),
                com.workerrolewizard.app.role.RoleWorkflow.Timing.IAM,
                false,
                (name, owner) -> java.util.Optional.empty()));
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
        sessions.sandbox.close();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    /** The id of the focused node of the window in front (the preview dialog while it is open). */
    private static String focused() {
        Scene scene = Window.getWindows().stream()
                .filter(Window::isFocused)
                .reduce((a, b) -> b)
                .or(() -> Window.getWindows().stream().reduce((a, b) -> b))
                .map(Window::getScene)
                .orElseThrow();
        Node owner = scene.getFocusOwner();
        return owner == null ? "" : String.valueOf(owner.getId());
    }

    /** Tabs until the node with this id has the focus (a bounded number of times). */
    private static void tabTo(FxRobot robot, String id) throws Exception {
        for (int i = 0; i < 20 && !focused().equals(id); i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(focused()).as("Tab reaches " + id).isEqualTo(id);
    }

    private static String text(FxRobot robot, String query) {
        return ((Labeled) robot.lookup(query).query()).getText();
    }

    private boolean all(FxRobot robot, String status) {
        return text(robot, "#status-instance-profile").equals(status)
                && text(robot, "#status-appliance-trust").equals(status)
                && text(robot, "#status-ec2-trust").equals(status)
                && text(robot, "#status-permissions").equals(status);
    }

    @Test
    void fromLaunchToAPassingRoleWithTheKeyboardAlone(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        tabTo(robot, "mode-sandbox");
        robot.type(KeyCode.SPACE);
        tabTo(robot, "sign-in");
        robot.type(KeyCode.SPACE);
        waitFor(() -> !text(robot, "#signed-in").isEmpty());
        waitFor(() -> !robot.lookup("#next").query().isDisabled());
        robot.type(KeyCode.ENTER);

        waitFor(() -> focused().equals("appliance"));
        robot.write(Sandbox.APPLIANCE);
        waitFor(() -> !robot.lookup("#next").query().isDisabled());
        robot.type(KeyCode.ENTER);

        TableView<?> table = robot.lookup("#role-table").query();
        waitFor(() -> focused().equals("role-search"));
        waitFor(() -> table.getItems().size() >= 6);
        robot.write("failingall");
        waitFor(() -> table.getItems().size() == 1);
        robot.type(KeyCode.DOWN);
        waitFor(() -> focused().equals("role-table"));
        waitFor(() -> !robot.lookup("#next").query().isDisabled());
        assertThat(text(robot, "#context-role")).isEqualTo("WorkerFailingAll");
        robot.type(KeyCode.ENTER);

        waitFor(() -> all(robot, "FAIL"));
        waitFor(() -> focused().equals("fix-all"));
        assertThat(text(robot, "#context-account")).isEqualTo(Sandbox.ACCOUNT);
        assertThat(robot.lookup("#context-sandbox").query().isVisible()).isTrue();
        assertThat(text(robot, "#context-appliance")).isEqualTo(Sandbox.APPLIANCE);
        robot.type(KeyCode.SPACE);
        waitFor(() -> robot.lookup("#change-preview").tryQuery().isPresent());
        waitFor(() -> robot.lookup("#change-preview").query().isFocused());
        robot.type(KeyCode.ENTER);

        waitFor(() -> all(robot, "PASS"));
        assertThat(text(robot, "#ready-title")).isEqualTo("WorkerFailingAll is ready for Veeam Backup for AWS");
        assertThat(text(robot, "#ready-detail")).contains("arn:aws:iam::" + Sandbox.ACCOUNT + ":role/WorkerFailingAll");
        waitFor(() -> focused().equals("next"));
        robot.type(KeyCode.ENTER);

        waitFor(() ->
                robot.lookup("#export-trust").tryQuery().map(Node::isVisible).orElse(false));
        waitFor(() -> !robot.lookup("#next").query().isDisabled());
        robot.type(KeyCode.ENTER);

        waitFor(() -> focused().equals("close"));
        assertThat(text(robot, "#finish-headline")).isEqualTo("WorkerFailingAll is ready for Veeam Backup for AWS");
        javafx.scene.control.ListView<?> changes =
                robot.lookup("#finish-changes").query();
        assertThat(changes.getItems()).hasSize(4).allMatch(l -> l.toString().startsWith("Applied: "));
        Screenshots.save(robot, stage.getScene(), "6-finish");
        robot.type(KeyCode.ENTER);
        waitFor(() -> !stage.isShowing());
    }
}
