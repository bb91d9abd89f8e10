package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.wizard.WizardStep;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The checklist's fifth row in a real window on the sandbox, whose appliance role is in the account signed in to: its
 * status for the sandbox's roles, its Fix behind its own confirmation naming the appliance role and showing the exact
 * inline policy, applied and undone; Fix all leaving the appliance side alone; not listed (with why) for an appliance
 * given as its account. Screenshots in both themes go to target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class ApplianceAccessRowTest {
    /** The Impersonation role may assume one other role only: no worker of the sandbox. */
    private static final String ONLY_OTHER =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Resource\":\"arn:aws:iam::" + Sandbox.ACCOUNT + ":role/Other\"}]}";

    private WizardWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() throws Exception {
        window = new WizardWindow(stage);
        window.size(1000, 760);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    private String text(String query) {
        Node node = window.node(query);
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    private boolean visible(String query) {
        return window.robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private void press(String query) {
        window.robot.interact(() -> ((javafx.scene.control.ButtonBase) window.node(query)).fire());
    }

    private DialogPane preview() throws Exception {
        WizardWindow.waitFor(
                () -> window.robot.lookup("#change-preview").tryQuery().isPresent());
        return (DialogPane) window.node("#change-preview").getScene().getRoot();
    }

    @Test
    void theFifthRowShowsTheSandboxApplianceSideAndFixAllLeavesItAlone() throws Exception {
        window.reach(WizardStep.CHECKLIST);
        WizardWindow.waitFor(() -> text("#status-appliance-access").equals("PASS"));
        assertThat(visible("#row-appliance-access")).isTrue();
        assertThat(visible("#appliance-not-listed")).isFalse();
        // The sandbox's Impersonation role may assume any role: its inline policy says so.
        assertThat(text("#detail-appliance-access")).contains("AssumeWorkerRoles");
        assertThat(window.node("#fix-appliance-access").isDisabled()).isTrue();
        assertThat(text("#checklist-catalog"))
                .isEqualTo("Checked against 33 required actions from the Veeam Backup for AWS page.");

        window.robot.clickOn("#fix-all");
        DialogPane pane = preview();
        assertThat(text("#plan-text"))
                .doesNotContain("VeeamWorkerAccess")
                .doesNotContain("--role-name VeeamBackupImpersonation");
        assertThat(pane.getHeaderText()).doesNotContain("appliance’s own role");
        window.robot.clickOn("#preview-cancel");
    }

    @Test
    void anApplianceInAnotherAccountIsEnteredFromTheApplianceStepAndItsSideListed() throws Exception {
        String backup = "arn:aws:iam::" + Sandbox.BACKUP + ":role/VeeamBackupImpersonation";
        window.reach(WizardStep.APPLIANCE);
        window.robot.interact(() -> ((TextField) window.node("#appliance")).setText(backup));
        WizardWindow.waitFor(() -> visible("#appliance-account"));
        assertThat(text("#appliance-account-role")).isEqualTo("OrganizationAccountAccessRole");
        press("#appliance-account-enter");
        WizardWindow.waitFor(() -> text("#appliance-account-status").contains(Sandbox.BACKUP));
        Screenshots.save(window.robot, stage.getScene(), "2-appliance-other-account");
        window.theme(true);
        Screenshots.save(window.robot, stage.getScene(), "2-appliance-other-account-dark");
        window.theme(false);

        press("#next");
        window.reach(WizardStep.CHECKLIST);
        // The Backup account's Impersonation role may assume any role: decided there, through the account entered.
        WizardWindow.waitFor(() -> text("#status-appliance-access").equals("PASS"));
        assertThat(text("#detail-appliance-access")).contains("AssumeWorkerRoles");
        assertThat(visible("#appliance-not-listed")).isFalse();
        Screenshots.save(window.robot, stage.getScene(), "4-appliance-access-other-account");
    }

    @Test
    void itsFixHasItsOwnConfirmationNamingTheApplianceRoleAndUndoRevertsIt() throws Exception {
        window.sessions.sandbox.putInlinePolicy("VeeamBackupImpersonation", "AssumeWorkerRoles", ONLY_OTHER);
        window.reach(WizardStep.CHECKLIST);
        WizardWindow.waitFor(() -> text("#status-appliance-access").equals("FAIL"));
        assertThat(text("#detail-appliance-access")).contains("allows sts:AssumeRole on");
        WizardWindow.waitFor(() -> !window.node("#fix-appliance-access").isDisabled());
        Screenshots.save(window.robot, stage.getScene(), "4-appliance-access-failing");
        window.theme(true);
        Screenshots.save(window.robot, stage.getScene(), "4-appliance-access-failing-dark");
        window.theme(false);

        // Fix all and the four's own Fix say that the appliance's role is not theirs to change.
        window.robot.clickOn("#fix-all");
        DialogPane all = preview();
        assertThat(all.getHeaderText()).contains("The appliance’s own role is not changed here");
        assertThat(text("#plan-text")).doesNotContain("VeeamWorkerAccess");
        window.robot.clickOn("#preview-cancel");
        WizardWindow.waitFor(
                () -> window.robot.lookup("#change-preview").tryQuery().isEmpty());

        press("#fix-appliance-access"); // the last row: below the fold at some sizes
        DialogPane own = preview();
        assertThat(own.getHeaderText())
                .startsWith("This changes another role: the appliance’s Impersonation role " + Sandbox.APPLIANCE + ".");
        assertThat(text("#plan-text"))
                .contains("VeeamWorkerAccess-WorkerFailingAll")
                .contains("\"Action\": \"sts:AssumeRole\"")
                .contains("\"Resource\": \"arn:aws:iam::" + Sandbox.ACCOUNT + ":role/WorkerFailingAll\"")
                .contains("aws iam put-role-policy --role-name VeeamBackupImpersonation");
        assertThat(text("#preview-step-1")).startsWith("1. PutRolePolicy");
        assertThat(((Labeled) window.node("#apply")).getText().replace("_", ""))
                .isEqualTo("Apply to the appliance role");
        assertThat(window.node("#apply").isDisabled()).isFalse();
        Screenshots.save(window.robot, own.getScene(), "4-appliance-access-preview");
        window.theme(true);
        Screenshots.save(window.robot, own.getScene(), "4-appliance-access-preview-dark");
        window.theme(false);
        window.robot.clickOn("#apply");

        WizardWindow.waitFor(() -> text("#status-appliance-access").equals("PASS"));
        assertThat(text("#status-instance-profile"))
                .as("the worker role is not touched")
                .isEqualTo("FAIL");
        assertThat(text("#status-permissions")).isEqualTo("FAIL");
        assertThat(visible("#ready")).isFalse();
        Screenshots.save(window.robot, stage.getScene(), "4-appliance-access-fixed");

        window.robot.clickOn("#undo");
        DialogPane undo = preview();
        assertThat(text("#plan-text")).contains("VeeamWorkerAccess-WorkerFailingAll");
        assertThat(undo.getHeaderText()).contains(": 1 change, the last one first");
        window.robot.clickOn("#apply");
        WizardWindow.waitFor(() -> text("#status-appliance-access").equals("FAIL"));
    }

    @Test
    void anErrorFoundByAccessAnalyzerInThePolicyKeepsApplyOff() throws Exception {
        window.sessions.sandbox.putInlinePolicy("VeeamBackupImpersonation", "AssumeWorkerRoles", ONLY_OTHER);
        window.sessions.sandbox.reportInEveryDocument("ERROR", "INVALID_ACTION");
        window.reach(WizardStep.CHECKLIST);
        WizardWindow.waitFor(() -> !window.node("#fix-appliance-access").isDisabled());
        press("#fix-appliance-access");
        preview();
        assertThat(text("#plan-text")).contains("VeeamWorkerAccess-WorkerFailingAll");
        assertThat(window.robot.lookup(".change-preview").queryAll().stream()
                        .flatMap(n -> n.lookupAll(".label").stream())
                        .map(n -> ((Labeled) n).getText())
                        .anyMatch(t -> t.contains("INVALID_ACTION")))
                .as("the finding is shown in the preview")
                .isTrue();
        assertThat(window.node("#apply").isDisabled())
                .as("an ERROR blocks the write")
                .isTrue();
        window.robot.clickOn("#preview-cancel");
        assertThat(text("#status-appliance-access")).isEqualTo("FAIL");
    }

    @Test
    void anApplianceGivenAsItsAccountIsNotListedAndOneLineSaysWhy() throws Exception {
        window.reach(WizardStep.CHECKLIST);
        window.reach(WizardStep.APPLIANCE); // back, with the role chosen
        window.robot.interact(() -> ((TextField) window.node("#appliance")).setText(Sandbox.ACCOUNT));
        window.robot.interact(() -> window.app.wizard().next());
        WizardWindow.waitFor(() -> window.app.wizard().canGoNext().get());
        window.robot.interact(() -> window.app.wizard().next());
        WizardWindow.waitFor(() -> text("#status-ec2-trust").equals("FAIL"));
        WizardWindow.waitFor(() -> visible("#appliance-not-listed"));
        assertThat(text("#appliance-not-listed")).contains("the appliance is given as its account");
        assertThat(visible("#row-appliance-access")).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.robot, stage.getScene(), "4-appliance-access-not-listed");
    }
}
