package com.workerrolewizard.bench;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor for the wizard's startup: a bare JavaFX window, measured exactly as the wizard's
 * {@code --first-window-and-exit} is (process start to window shown), by installer/measure-startup.sh.
 */
public final class BareWindow extends Application {
    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Hello"), 400, 200));
        stage.show();
        Platform.runLater(() -> {
            long millis = Duration.between(
                            ProcessHandle.current().info().startInstant().orElse(Instant.now()), Instant.now())
                    .toMillis();
            System.out.println("first window after " + millis + " ms");
            Platform.exit();
        });
    }

    /** A plain main class, as the wizard's Launcher is (JavaFX refuses an Application as main class on the class path). */
    public static final class Main {
        private Main() {}

        public static void main(String[] args) {
            BareWindow.main(args);
        }
    }
}
