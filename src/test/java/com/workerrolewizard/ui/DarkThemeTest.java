package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.ui.wizard.WizardStep;
import javafx.scene.control.RadioButton;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every style valid in both themes: walking every step in light and dark reports no stylesheet problem, and the
 * window stays dark after each validation error (an invalid appliance once turned the whole window white).
 */
@ExtendWith(ApplicationExtension.class)
class DarkThemeTest {
    private WizardWindow window;
    private StyleProblems problems;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() throws Exception {
        problems = new StyleProblems();
        window = new WizardWindow(stage);
    }

    @AfterEach
    void stop() {
        window.close();
        problems.close();
    }

    @Test
    void everyStepInBothThemesReportsNoStylesheetProblem() throws Exception {
        for (WizardStep step : WizardStep.values()) {
            window.reach(step);
            for (boolean dark : new boolean[] {true, false}) {
                window.theme(dark);
                window.size(900, 600);
                focusEachControl();
                assertThat(problems.all())
                        .as("stylesheet problems at step %s, %s", step, dark ? "dark" : "light")
                        .isEmpty();
            }
        }
    }

    /** The theme menu beside Back and Next switches the whole window, and the choice is remembered. */
    @Test
    void theThemeMenuSwitchesTheWindowAndRemembersTheChoice() throws Exception {
        window.size(900, 600);
        window.robot.clickOn("#theme-menu");
        window.robot.clickOn(com.workerrolewizard.ui.wizard.ThemeChoice.DARK.title());
        WaitForAsyncUtils.waitForFxEvents();
        assertDark("choosing Dark in the menu");
        WizardWindow.waitFor(() -> com.workerrolewizard.app.WizardMemory.load()
                .get(com.workerrolewizard.app.WizardMemory.THEME)
                .equals(java.util.Optional.of("DARK")));
        window.robot.clickOn("#theme-menu");
        window.robot.clickOn(com.workerrolewizard.ui.wizard.ThemeChoice.LIGHT.title());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(background().getBrightness())
                .as("light after choosing Light")
                .isGreaterThan(0.8);
    }

    /** The catcher can fail: a style whose colour lookup does not exist in the theme is reported. */
    @Test
    void aStyleTheThemeCannotResolveIsReported() throws Exception {
        window.robot.interact(
                () -> window.stage.getScene().getRoot().setStyle("-fx-background-color: -no-such-color;"));
        window.size(901, 601);
        WizardWindow.waitFor(() -> !problems.all().isEmpty());
        assertThat(problems.all()).anySatisfy(p -> assertThat(p).contains("ClassCastException"));
        window.robot.interact(() -> window.stage.getScene().getRoot().setStyle(""));
    }

    @Test
    void theWindowStaysDarkAfterEveryValidationError() throws Exception {
        window.theme(true);
        window.size(900, 600);
        assertDark("the first step");
        window.reach(WizardStep.APPLIANCE);
        type("#appliance", "arn:aws:s3:::backups");
        WizardWindow.waitFor(() -> !window.robot
                .lookup("#appliance-error")
                .queryLabeled()
                .getText()
                .isEmpty());
        assertDark("an invalid appliance");
        type("#appliance", "arn:aws:iam::123456789012:user/Someone");
        assertDark("an appliance that is a user");
        window.reach(WizardStep.ROLE);
        window.robot.interact(() -> window.<RadioButton>node("#role-new").setSelected(true));
        type("#new-role-name", "bad name!");
        assertDark("an invalid role name");
        type("#new-role-boundary", "not-an-arn");
        assertDark("an invalid boundary");
        type("#new-role-path", "no-slashes");
        assertDark("an invalid path");
        type("#new-role-tags", "=value");
        assertDark("a tag without a key");
        assertThat(problems.all()).isEmpty();
    }

    /** Moves the focus through the step's controls, so that the focused styles are applied too. */
    private void focusEachControl() {
        java.util.Set<javafx.scene.Node> focused = new java.util.HashSet<>();
        for (int i = 0; i < 25; i++) {
            window.robot.interact(() -> {
                focused.add(window.stage.getScene().getFocusOwner());
                javafx.scene.Node owner = window.stage.getScene().getFocusOwner();
                if (owner != null) {
                    owner.fireEvent(new javafx.scene.input.KeyEvent(
                            javafx.scene.input.KeyEvent.KEY_PRESSED,
                            "",
                            "",
                            javafx.scene.input.KeyCode.TAB,
                            false,
                            false,
                            false,
                            false));
                } else {
                    window.stage.getScene().getRoot().requestFocus();
                }
                window.stage.getScene().getRoot().applyCss();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused).as("controls that had the focus").hasSizeGreaterThan(3);
    }

    private void type(String field, String text) {
        window.robot.interact(() -> {
            javafx.scene.control.TextInputControl input = window.node(field);
            input.setText(text);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Color background() {
        WritableImage[] image = new WritableImage[1];
        window.robot.interact(() -> image[0] = window.stage.getScene().snapshot(null));
        return image[0].getPixelReader().getColor(3, (int) (image[0].getHeight() / 2));
    }

    /** The root's background, sampled at the left edge half way down (where no control is), is dark. */
    private void assertDark(String after) {
        WritableImage[] image = new WritableImage[1];
        window.robot.interact(() -> image[0] = window.stage.getScene().snapshot(null));
        Color pixel = image[0].getPixelReader().getColor(3, (int) (image[0].getHeight() / 2));
        assertThat(pixel.getBrightness())
                .as("brightness of the background after %s: %s", after, pixel)
                .isLessThan(0.35);
        Screenshots.save(window.robot, window.stage.getScene(), "dark-after-" + after.replace(' ', '-'));
    }
}
