package com.workerrolewizard.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop wizard. For now a placeholder window: the steps arrive with the wizard issue; the
 * headless commands already run on the same core.
 */
public final class WizardApplication extends Application {
    public static void open(String[] args) {
        Application.launch(WizardApplication.class, args);
    }

    @Override
    public void start(Stage stage) {
        Label title = new Label("Worker Role Wizard");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label body = new Label("The guided setup is coming. Today the command line checks a worker role, plans its fix\n"
                + "and exports its policies:\n"
                + "worker-role-wizard check --appliance ARN --role NAME --authorization-details FILE");
        body.setWrapText(true);
        VBox root = new VBox(12, title, body);
        root.setPadding(new Insets(24));
        stage.setTitle("Worker Role Wizard");
        stage.setScene(new Scene(root, 640, 240));
        stage.show();
    }
}
