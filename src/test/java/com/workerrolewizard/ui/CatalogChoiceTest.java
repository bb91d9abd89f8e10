package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.ui.wizard.WizardStep;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The action catalog chosen on the appliance step of a real window, with the keyboard: a bad file is one sentence
 * beside the choice and Next stays usable with the page's catalog; a good file is what the checklist checks against,
 * and it says so.
 */
@ExtendWith(ApplicationExtension.class)
class CatalogChoiceTest {
    @TempDir
    Path folder;

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
        return ((Labeled) window.node(query)).getText();
    }

    private boolean visible(String query) {
        return window.robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void aCatalogFileIsChosenOnTheApplianceStepAndNamedByTheChecklist() throws Exception {
        Path bad = folder.resolve("bad.txt");
        Files.writeString(bad, "ssm:GetDocument\nssm:*\n");
        Path good = folder.resolve("next-version.txt");
        Files.writeString(
                good,
                String.join("\n", ReferenceDocuments.load().builtInCatalog().actions()) + "\nec2:DescribeRegions\n");
        window.reach(WizardStep.APPLIANCE);
        assertThat(text("#catalog-using")).isEqualTo("Using 33 required actions from the Veeam Backup for AWS page.");

        window.robot.clickOn("#catalog-file");
        window.robot.write(bad.toString()).type(javafx.scene.input.KeyCode.ENTER);
        WizardWindow.waitFor(() -> visible("#catalog-error"));
        assertThat(text("#catalog-error"))
                .isEqualTo("Catalog " + bad + ", line 2: \"ssm:*\" is not an action name: write service:Action, "
                        + "such as ssm:GetDocument (wildcards are not allowed).");
        assertThat(text("#catalog-using")).contains("33 required actions");
        Screenshots.save(window.robot, stage.getScene(), "2-appliance-catalog-error");

        window.robot.interact(() -> ((javafx.scene.control.TextField) window.node("#catalog-path")).clear());
        window.robot.clickOn("#catalog-path").write(good.toString()).type(javafx.scene.input.KeyCode.ENTER);
        WizardWindow.waitFor(() -> text("#catalog-using").contains("34 required actions"));
        assertThat(visible("#catalog-error")).isFalse();
        Screenshots.save(window.robot, stage.getScene(), "2-appliance-catalog-file");

        window.reach(WizardStep.CHECKLIST);
        assertThat(text("#checklist-catalog")).isEqualTo("Checked against 34 required actions from " + good + ".");
        window.theme(true);
        Screenshots.save(window.robot, stage.getScene(), "4-checklist-catalog-file-dark");
    }
}
