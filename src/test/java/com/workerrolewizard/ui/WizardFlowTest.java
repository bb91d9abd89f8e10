package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.reference.ReferenceDocuments;
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

/**
 * The wizard end to end on the built-in sandbox, in a real JavaFX window (headless under Monocle in the test run):
 * sign in, the appliance, a role failing all four requirements, Fix all, all PASS, export. Each screen is saved
 * to target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {
    private WizardApplication app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        // A fresh application data folder per test: nothing remembered, nothing journaled from another test.
        System.setProperty(
                "worker.role.wizard.home",
                Files.createTempDirectory("wizard-test-home").toString());
        this.stage = stage;
        ReferenceDocuments references = ReferenceDocuments.load();
        app = new WizardApplication(new WizardContext(
                new com.workerrolewizard.app.Workflows(references, "test"),
                new com.workerrolewizard.app.session.Sessions(references.builtInCatalog()),
                Background.fx(),
                false));
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private static void waitFor(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    private static <T extends Node> T node(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    private static String text(FxRobot robot, String query) {
        Node node = node(robot, query);
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    private void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.save(robot, stage.getScene(), name))
                .satisfies(p -> assertThat(Files.size(p)).isPositive());
    }

    private void signInToTheSandbox(FxRobot robot) throws Exception {
        robot.clickOn("#mode-sandbox");
        robot.clickOn("#sign-in");
        waitFor("signed in", () -> !text(robot, "#signed-in").isEmpty());
        assertThat(text(robot, "#signed-in")).contains(Sandbox.ACCOUNT);
    }

    @Test
    void aRoleFailingAllFourPassesAfterFixAllAndItsPoliciesExport(FxRobot robot) throws Exception {
        assertThat(stage.getTitle()).isEqualTo("Worker Role Wizard");
        assertThat(node(robot, "#next").isDisabled())
                .as("Next waits for a sign-in")
                .isTrue();
        shot(robot, "1-sign-in");
        signInToTheSandbox(robot);
        shot(robot, "1-signed-in");
        robot.clickOn("#next");

        robot.clickOn("#appliance").write(Sandbox.APPLIANCE);
        waitFor("appliance accepted", () -> !node(robot, "#next").isDisabled());
        shot(robot, "2-appliance");
        robot.clickOn("#next");

        TableView<?> table = node(robot, "#role-table");
        waitFor("roles listed", () -> table.getItems().size() >= 6);
        robot.clickOn("#role-search").write("failing");
        waitFor("search applied", () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        waitFor("role chosen", () -> !node(robot, "#next").isDisabled());
        shot(robot, "3-role");
        robot.clickOn("#next");

        waitFor("checked", () -> text(robot, "#status-permissions").equals("FAIL"));
        assertThat(text(robot, "#status-instance-profile")).isEqualTo("FAIL");
        assertThat(text(robot, "#detail-appliance-trust")).contains("does not let the appliance");
        shot(robot, "4-checklist-failing");
        robot.clickOn("#fix-all");
        waitFor("plan shown", () -> robot.lookup("#plan-text").tryQuery().isPresent());
        assertThat(text(robot, "#plan-text")).contains("UpdateAssumeRolePolicy").contains("aws iam put-role-policy");
        assertThat(text(robot, "#preview-step-1")).startsWith("1. UpdateAssumeRolePolicy");
        assertThat(((TextInputControl) node(robot, "#cli-2")).getText()).startsWith("aws iam put-role-policy");
        Screenshots.save(robot, node(robot, "#plan-text").getScene(), "4-fix-preview");
        robot.clickOn("#apply");
        waitFor(
                "all pass",
                () -> text(robot, "#status-instance-profile").equals("PASS")
                        && text(robot, "#status-appliance-trust").equals("PASS")
                        && text(robot, "#status-ec2-trust").equals("PASS")
                        && text(robot, "#status-permissions").equals("PASS")
                        && text(robot, "#status-appliance-access").equals("PASS"));
        // The banner comes with the same re-check that shows every row PASS, the fifth (the sandbox's appliance
        // role is in the account, so appliance-access is listed) included.
        waitFor(
                "ready",
                () -> text(robot, "#ready-title").equals("WorkerFailingAll is ready for Veeam Backup for AWS"));
        assertThat(text(robot, "#context-role")).isEqualTo("WorkerFailingAll");
        shot(robot, "4-checklist-passing");
        robot.clickOn("#next");

        waitFor("exported", () -> !text(robot, "#export-permissions").isEmpty());
        assertThat(text(robot, "#export-permissions"))
                .isEqualTo(PolicyJson.pretty(ReferenceDocuments.load().permissionsPolicy()));
        JsonNode trust = Json.MAPPER.readTree(text(robot, "#export-trust"));
        assertThat(trust.toString())
                .contains(Sandbox.APPLIANCE)
                .contains("ec2.amazonaws.com")
                .contains("lambda.amazonaws.com");
        shot(robot, "5-export");
        robot.clickOn("#next");
        waitFor("finish", () -> node(robot, "#close").isVisible());
        assertThat(text(robot, "#finish-headline")).isEqualTo("WorkerFailingAll is ready for Veeam Backup for AWS");
        shot(robot, "6-finish");
    }

    @Test
    void generatePoliciesOnlyGoesStraightToTheExport(FxRobot robot) throws Exception {
        robot.clickOn("#mode-generate");
        waitFor("next enabled", () -> !node(robot, "#next").isDisabled());
        robot.clickOn("#next");
        robot.clickOn("#appliance").write("111122223333");
        waitFor("appliance accepted", () -> !node(robot, "#next").isDisabled());
        assertThat(text(robot, "#appliance-meaning")).contains("arn:aws:iam::111122223333:root");
        robot.clickOn("#next");
        waitFor("exported", () -> !text(robot, "#export-trust").isEmpty());
        JsonNode trust = Json.MAPPER.readTree(text(robot, "#export-trust"));
        assertThat(trust.get("Statement")).hasSize(2);
        assertThat(trust.get("Statement").get(0).get("Principal").get("AWS").asText())
                .isEqualTo("arn:aws:iam::111122223333:root");
        shot(robot, "5-export-generate-only");
    }

    @Test
    void aWrongApplianceIsExplainedBesideTheFieldAndNextStaysOff(FxRobot robot) throws Exception {
        robot.clickOn("#mode-generate");
        robot.clickOn("#next");
        robot.clickOn("#appliance").write("arn:aws:s3:::backups");
        waitFor("error shown", () -> !text(robot, "#appliance-error").isEmpty());
        assertThat(text(robot, "#appliance-error")).contains("not an IAM role ARN");
        assertThat(node(robot, "#next").isDisabled()).isTrue();
        shot(robot, "2-appliance-error");
    }
}
