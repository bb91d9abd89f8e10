package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The wizard opens a real JavaFX window (headless under Monocle in the test run, a real one on a desktop). */
@ExtendWith(ApplicationExtension.class)
class WizardApplicationTest {
    @Start
    void start(Stage stage) {
        new WizardApplication().start(stage);
    }

    @Test
    void theWindowShowsTheProductName(FxRobot robot) {
        Window window = robot.listTargetWindows().get(0);
        assertThat(((Stage) window).getTitle()).isEqualTo("Worker Role Wizard");
        assertThat(window.isShowing()).isTrue();
        assertThat(robot.lookup("Worker Role Wizard").tryQuery()).isPresent();
    }
}
