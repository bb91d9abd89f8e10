package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Faults;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.common.Background;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Writing through the wizard on a sandbox the test holds: a new role created and undone, a refused fix. */
@ExtendWith(ApplicationExtension.class)
class WizardWritesTest {
    private TestSessions sessions;
    private java.nio.file.Path saved;
    private WizardApplication app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(
                "worker.role.wizard.home",
                Files.createTempDirectory("wizard-test-home").toString());
        this.stage = stage;
        sessions = new TestSessions();
        saved = Files.createTempDirectory("wizard-saved");
        app = new WizardApplication(new WizardContext(
                new com.workerrolewizard.app.Workflows(ReferenceDocuments.load(), "test"),
                sessions,
                Background.fx(),
                com.workerrolewizard.app.role.RoleWorkflow.Timing.IAM,
                false,
                (name, owner) -> java.util.Optional.of(saved.resolve(name))));
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

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    private void toTheRoleStep(FxRobot robot) throws Exception {
        robot.clickOn("#mode-sandbox");
        robot.clickOn("#sign-in");
        waitFor(() -> !text(robot, "#signed-in").isEmpty());
        robot.clickOn("#next");
        robot.clickOn("#appliance").write(Sandbox.APPLIANCE);
        robot.clickOn("#next");
        TableView<?> table = robot.lookup("#role-table").query();
        waitFor(() -> table.getItems().size() >= 6);
    }

    private boolean all(FxRobot robot, String status) {
        return text(robot, "#status-instance-profile").equals(status)
                && text(robot, "#status-appliance-trust").equals(status)
                && text(robot, "#status-ec2-trust").equals(status)
                && text(robot, "#status-permissions").equals(status);
    }

    @Test
    void aNewRoleIsCreatedPassingAndUndoTakesItAway(FxRobot robot) throws Exception {
        toTheRoleStep(robot);
        robot.clickOn("#role-new");
        TextInputControl name = robot.lookup("#new-role-name").query();
        assertThat(name.getText()).as("a name is proposed").isEqualTo("VeeamWorkerRole");
        // The message line stays in the layout (the form does not jump): before typing it holds no error.
        assertThat(robot.lookup("#new-role-name-error")
                        .queryAs(javafx.scene.control.Label.class)
                        .getText())
                .as("no error before typing")
                .isNullOrEmpty();
        robot.interact(name::clear);
        robot.clickOn("#new-role-name").write("WizardMadeWorker");
        waitFor(() -> !robot.lookup("#next").query().isDisabled());
        Screenshots.save(robot, stage.getScene(), "3-role-new");
        robot.clickOn("#next");
        waitFor(() -> all(robot, "FAIL"));
        assertThat(text(robot, "#detail-permissions")).contains("does not exist yet");
        robot.clickOn("#fix-all");
        waitFor(() -> robot.lookup("#plan-text").tryQuery().isPresent());
        assertThat(text(robot, "#plan-text")).contains("CreateRole").contains("WizardMadeWorker");
        robot.clickOn("#apply");
        waitFor(() -> all(robot, "PASS"));
        assertThat(sessions.sandbox.trustPolicy("WizardMadeWorker")).isPresent();
        // Undo first shows what it reverts; Cancel there reverts nothing.
        robot.clickOn("#undo");
        waitFor(() -> robot.lookup("#change-preview").tryQuery().isPresent());
        javafx.scene.control.DialogPane undoPane = (javafx.scene.control.DialogPane)
                robot.lookup("#change-preview").query().getScene().getRoot();
        assertThat(undoPane.getHeaderText())
                .startsWith("This deletes role WizardMadeWorker, which this wizard created, together with its "
                        + "instance profile and its policy.");
        assertThat(text(robot, "#preview-step-1")).isNotEmpty();
        assertThat(text(robot, "#plan-text")).contains("DeleteRole");
        robot.clickOn("#preview-cancel");
        waitFor(() -> robot.lookup("#change-preview").tryQuery().isEmpty());
        assertThat(sessions.sandbox.trustPolicy("WizardMadeWorker")).isPresent();
        assertThat(all(robot, "PASS")).isTrue();
        robot.clickOn("#undo");
        waitFor(() -> robot.lookup("#change-preview").tryQuery().isPresent());
        Screenshots.save(robot, robot.lookup("#change-preview").query().getScene(), "4-undo-preview");
        robot.clickOn("#apply");
        waitFor(() -> all(robot, "FAIL"));
        assertThat(sessions.sandbox.trustPolicy("WizardMadeWorker")).isEmpty();
        assertThat(text(robot, "#checklist-message")).contains("Undone");
        Screenshots.save(robot, stage.getScene(), "4-checklist-undone");
    }

    @Test
    void aRefusedFixSaysWhatStoppedItAndChangesNothing(FxRobot robot) throws Exception {
        sessions.sandbox.faults().always("PutRolePolicy", Faults.Kind.ACCESS_DENIED);
        toTheRoleStep(robot);
        robot.clickOn("#role-search").write("MissingPermissions");
        TableView<?> table = robot.lookup("#role-table").query();
        waitFor(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#next");
        waitFor(() -> text(robot, "#status-permissions").equals("FAIL"));
        robot.clickOn("#fix-permissions");
        waitFor(() -> robot.lookup("#plan-text").tryQuery().isPresent());
        robot.clickOn("#apply");
        waitFor(() -> text(robot, "#checklist-message").startsWith("Stopped"));
        assertThat(text(robot, "#checklist-message")).contains("iam:PutRolePolicy");
        assertThat(text(robot, "#status-permissions")).isEqualTo("FAIL");
        Screenshots.save(robot, stage.getScene(), "4-checklist-refused");
    }

    @Test
    void whileAFixIsWrittenBackNextAndTheChecklistsActionsAreLocked(FxRobot robot) throws Exception {
        toTheRoleStep(robot);
        robot.clickOn("#role-search").write("WithoutEc2");
        TableView<?> table = robot.lookup("#role-table").query();
        waitFor(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#next");
        waitFor(() -> text(robot, "#status-ec2-trust").equals("FAIL"));
        robot.clickOn("#fix-ec2-trust");
        waitFor(() -> robot.lookup("#change-preview").tryQuery().isPresent());
        // Every call answers slowly from here on, so the writes are still running when the window is looked at.
        sessions.sandbox.faults().latency(1500);
        robot.clickOn("#apply");
        waitFor(() -> text(robot, "#checklist-message").startsWith("Applying"));
        for (String id : new String[] {"#back", "#next", "#fix-all", "#recheck", "#undo"}) {
            assertThat(robot.lookup(id).query().isDisabled())
                    .as(id + " while writing")
                    .isTrue();
        }
        sessions.sandbox.faults().latency(0);
        waitFor(() -> text(robot, "#status-ec2-trust").equals("PASS"));
        assertThat(robot.lookup("#back").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#next").query().isDisabled()).isFalse();
    }

    @Test
    void theExportedJsonGoesToAFileAndToTheClipboardExactlyAsThePageHasIt(FxRobot robot) throws Exception {
        robot.clickOn("#mode-generate");
        robot.clickOn("#next");
        robot.clickOn("#appliance").write("arn:aws:iam::111122223333:role/VeeamImpersonation");
        robot.clickOn("#next");
        waitFor(() -> !text(robot, "#export-trust").isEmpty());
        String expected = com.workerrolewizard.core.policy.PolicyJson.pretty(
                new com.workerrolewizard.core.reference.WorkerDocuments(
                                ReferenceDocuments.load(),
                                ReferenceDocuments.load().builtInCatalog())
                        .trustPolicy(
                                com.workerrolewizard.core.arn.AppliancePrincipal.parse(
                                        "arn:aws:iam::111122223333:role/VeeamImpersonation"),
                                com.workerrolewizard.core.arn.Partition.AWS));
        assertThat(text(robot, "#export-trust")).isEqualTo(expected);
        robot.clickOn("#export-trust-save");
        waitFor(() -> {
            try (var files = Files.list(saved)) {
                return files.anyMatch(f -> f.toString().endsWith(".json"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        java.nio.file.Path file;
        try (var files = Files.list(saved)) {
            file = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(file)).isEqualTo(expected);
        robot.clickOn("#export-trust-copy");
        String[] clipboard = new String[1];
        robot.interact(() ->
                clipboard[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(clipboard[0]).isEqualTo(expected);
    }

    @Test
    void theApplianceCanBePickedFromTheAccountsRoles(FxRobot robot) throws Exception {
        robot.clickOn("#mode-sandbox");
        robot.clickOn("#sign-in");
        waitFor(() -> !text(robot, "#signed-in").isEmpty());
        robot.clickOn("#next");
        javafx.scene.control.ComboBox<String> picker =
                robot.lookup("#appliance-picker").query();
        waitFor(() -> !picker.getItems().isEmpty());
        assertThat(picker.getItems().get(0)).isEqualTo(Sandbox.APPLIANCE);
        robot.interact(() -> picker.setValue(picker.getItems().get(0)));
        waitFor(() -> !robot.lookup("#next").query().isDisabled());
        assertThat(text(robot, "#appliance")).isEqualTo(Sandbox.APPLIANCE);
        Screenshots.save(robot, stage.getScene(), "2-appliance-picker");
    }

    @Test
    void detailsOnDemandListEveryMissingActionWithItsReason(FxRobot robot) throws Exception {
        toTheRoleStep(robot);
        robot.clickOn("#role-search").write("MissingPermissions");
        TableView<?> table = robot.lookup("#role-table").query();
        waitFor(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#next");
        waitFor(() -> text(robot, "#status-permissions").equals("FAIL"));
        Node more = robot.lookup("#more-permissions").query();
        assertThat(more.isVisible()).isFalse();
        robot.clickOn("#details-permissions");
        waitFor(more::isVisible);
        assertThat(text(robot, "#more-permissions"))
                .contains("ssm:PutInventory: no statement allows it")
                .doesNotContain("ec2messages:");
        Screenshots.save(robot, stage.getScene(), "4-checklist-details");
    }

    @Test
    void aSlowAccountKeepsTheWindowResponsiveAndCancelStopsTheWait(FxRobot robot) throws Exception {
        toTheRoleStep(robot);
        robot.interact(() -> ((TableView<?>) robot.lookup("#role-table").query())
                .getSelectionModel()
                .select(0));
        robot.clickOn("#next");
        waitFor(() -> !text(robot, "#status-permissions").equals("checking"));
        sessions.sandbox.faults().latency(3000);
        robot.clickOn("#recheck");
        waitFor(() -> robot.lookup("#checklist-cancel").query().isVisible());
        assertThat(text(robot, "#status-permissions")).isEqualTo("checking");
        robot.clickOn("#checklist-cancel");
        waitFor(() -> text(robot, "#checklist-message").startsWith("Cancelled"));
        assertThat(robot.lookup("#recheck").query().isDisabled()).isFalse();
        robot.clickOn("#back");
        waitFor(() ->
                robot.lookup("#role-table").tryQuery().map(Node::isVisible).orElse(false));
        sessions.sandbox.faults().latency(0);
    }

    @Test
    void aProfileThatCannotWorkShowsWhyAndCannotSignIn(FxRobot robot) throws Exception {
        robot.clickOn("#mode-profile");
        robot.interact(() -> {
            javafx.scene.control.ComboBox<com.workerrolewizard.core.signin.ProfileInfo> profiles =
                    robot.lookup("#profiles").query();
            profiles.setValue(profiles.getItems().get(1));
        });
        waitFor(() -> text(robot, "#signin-error").contains("nowhere"));
        assertThat(robot.lookup("#sign-in").query().isDisabled()).isTrue();
        Screenshots.save(robot, stage.getScene(), "1-sign-in-broken-profile");
    }
}
