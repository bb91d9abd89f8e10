package com.workerrolewizard.ui;

import java.nio.file.Path;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;

/** {@link Screenshots} for the tests of the steps' own packages. */
public final class ScreenshotsAccess {
    private ScreenshotsAccess() {}

    public static Path save(FxRobot robot, Scene scene, String name) {
        return Screenshots.save(robot, scene, name);
    }
}
