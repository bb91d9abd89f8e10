package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.signin.ProfileInfo;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The profile list shows why a broken profile cannot work before anyone chooses it, whole. */
@ExtendWith(ApplicationExtension.class)
class SignInListTest {
    private Stage stage;
    private WizardWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() throws Exception {
        window = new WizardWindow(stage);
        window.size(WizardApplication.MIN_WIDTH, WizardApplication.MIN_HEIGHT);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void aBrokenProfileSaysWhyInTheListItself() throws Exception {
        ComboBox<ProfileInfo> profiles = window.node("#profiles");
        WizardWindow.waitFor(() -> profiles.getItems().size() == 2);
        window.robot.interact(profiles::show);
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> broken = window.robot
                .lookup(n -> n instanceof ListCell<?> cell
                        && cell.isVisible()
                        && cell.getText() != null
                        && cell.getText().startsWith("broken"))
                .queryAs(ListCell.class);
        assertThat(broken.getText()).contains("cannot work").contains("source_profile nowhere does not exist");
        String shown = broken.lookupAll(".text").stream()
                .filter(t -> t instanceof Text && t.getParent() == broken)
                .map(t -> ((Text) t).getText())
                .findFirst()
                .orElseThrow();
        assertThat(shown).as("the reason is shown whole").isEqualTo(broken.getText());
        window.robot.interact(profiles::hide);
        assertThat(profiles.getValue().name())
                .as("the usable profile stays chosen")
                .isEqualTo("sandbox-profile");
    }
}
