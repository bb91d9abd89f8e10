package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.ui.wizard.WizardStep;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Alt+letter reaches one control per step: no two visible controls of a step share a mnemonic. */
@ExtendWith(ApplicationExtension.class)
class MnemonicsTest {
    private Stage stage;
    private WizardWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() throws Exception {
        window = new WizardWindow(stage);
        window.size(1280, 720);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void everyStepHasEachMnemonicOnceAtMost() throws Exception {
        List<String> shared = new ArrayList<>();
        int seen = 0;
        for (WizardStep step : WizardStep.values()) {
            window.reach(step);
            seen += collect(step.name(), shared);
            if (step == WizardStep.ROLE) {
                window.robot.interact(
                        () -> window.<RadioButton>node("#role-new").setSelected(true));
                WaitForAsyncUtils.waitForFxEvents();
                seen += collect("ROLE (new role)", shared);
                window.robot.interact(
                        () -> window.<RadioButton>node("#role-existing").setSelected(true));
            }
        }
        assertThat(seen).as("mnemonics found on the way (the walk sees them)").isGreaterThan(20);
        assertThat(shared).isEmpty();
    }

    /** The visible controls of each mnemonic the scene has registered; returns how many there are. */
    private int collect(String where, List<String> shared) {
        int[] count = {0};
        window.robot.interact(() -> {
            for (var entry : stage.getScene().getMnemonics().entrySet()) {
                KeyCombination key = entry.getKey();
                List<String> visible = entry.getValue().stream()
                        .map(Mnemonic::getNode)
                        .filter(MnemonicsTest::shown)
                        .distinct()
                        .map(MnemonicsTest::describe)
                        .collect(Collectors.toList());
                count[0] += visible.size();
                if (visible.size() > 1) {
                    shared.add(where + ": " + key.getName() + " is shared by " + visible);
                }
            }
        });
        return count[0];
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static String describe(Node node) {
        return (node.getId() == null ? "" : "#" + node.getId() + " ")
                + (node instanceof Labeled labeled ? labeled.getText() : "");
    }
}
