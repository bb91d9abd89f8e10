package com.workerrolewizard.ui;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.signin.SignInViewModel;
import com.workerrolewizard.ui.wizard.ThemeChoice;
import com.workerrolewizard.ui.wizard.WizardStep;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One wizard window on a sandbox the test holds, for the tests that walk every step: reaches a step the way an admin
 * would (signed in to the sandbox, its appliance, a role failing all four requirements), switches the theme and the
 * window's size. One window per test class; {@link #rebuild} builds the wizard again on the same stage.
 */
final class WizardWindow {
    final TestSessions sessions = new TestSessions();
    final Stage stage;
    final FxRobot robot = new FxRobot();
    WizardApplication app;

    WizardWindow(Stage stage) throws Exception {
        this.stage = stage;
        rebuild();
    }

    /** A new wizard on the same stage (after a change of the words, e.g. the pseudo-locale). */
    void rebuild() throws Exception {
        System.setProperty(
                "worker.role.wizard.home",
                Files.createTempDirectory("wizard-test-home").toString());
        WizardApplication previous = app;
        app = new WizardApplication(new WizardContext(
                new Workflows(ReferenceDocuments.load(), "test"),
                sessions,
                Background.fx(),
                RoleWorkflow.Timing.IAM,
                false,
                (name, owner) -> Optional.empty()));
        robot.interact(() -> {
            if (previous != null) {
                previous.stop();
            }
            app.start(stage);
        });
        waitFor(() -> app.wizard().current().get() != null);
    }

    void close() {
        robot.interact(() -> app.stop());
        sessions.sandbox.close();
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    <T extends Node> T node(String query) {
        return robot.lookup(query).query();
    }

    void theme(boolean dark) {
        robot.interact(() -> app.theme().choose(dark ? ThemeChoice.DARK : ThemeChoice.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void size(double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    WizardStep current() {
        return app.wizard().current().get();
    }

    /** Goes forward to the step, filling each step on the way as an admin would; Back from a later step. */
    void reach(WizardStep target) throws Exception {
        while (current().compareTo(target) > 0) {
            robot.interact(() -> app.wizard().back());
        }
        while (current() != target) {
            WizardStep at = current();
            fill(at);
            try {
                waitFor(() -> app.wizard().canGoNext().get());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("Next stays off at step " + at
                        + ": teach WizardWindow.fill what an admin enters there, so that every step is walked.");
            }
            robot.interact(() -> app.wizard().next());
            WaitForAsyncUtils.waitForFxEvents();
        }
        settle(target);
    }

    private void fill(WizardStep step) throws Exception {
        switch (step) {
            case SIGN_IN -> {
                if (app.wizard().state().session.get() == null
                        && !app.wizard().state().generateOnly.get()) {
                    robot.interact(() -> app.signInForTests().mode().set(SignInViewModel.Mode.SANDBOX));
                    robot.interact(() -> app.signInForTests().signIn(null));
                    waitFor(() -> app.wizard().state().session.get() != null);
                }
            }
            case APPLIANCE ->
                robot.interact(() -> {
                    TextField field = node("#appliance");
                    field.setText(app.wizard().state().generateOnly.get() ? "111122223333" : Sandbox.APPLIANCE);
                });
            case ROLE -> {
                TableView<?> table = node("#role-table");
                waitFor(() -> table.getItems().size() >= 6); // the sandbox's seven, less the appliance's own role
                robot.interact(() -> {
                    TextField search = node("#role-search");
                    search.setText("WorkerFailingAll");
                });
                waitFor(() -> table.getItems().size() == 1);
                robot.interact(() -> table.getSelectionModel().select(0));
            }
            default -> {
                // Nothing to enter: the step is valid once what it loads is on screen (the checklist).
            }
        }
    }

    /** Waits until what the step loads is on screen. */
    private void settle(WizardStep step) throws Exception {
        switch (step) {
            case ROLE -> {
                TableView<?> table = node("#role-table");
                waitFor(() -> !table.getItems().isEmpty());
            }
            case CHECKLIST ->
                waitFor(() -> robot.lookup("#status-permissions")
                        .queryLabeled()
                        .getText()
                        .equals("FAIL"));
            case EXPORT ->
                waitFor(() -> !robot.lookup("#export-permissions")
                        .queryTextInputControl()
                        .getText()
                        .isEmpty());
            default -> {}
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
