package com.workerrolewizard.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save a file: the platform's file chooser in the app, a fixed folder in tests. */
public interface SaveDialog {
    Optional<Path> ask(String suggestedName, Window owner);

    static SaveDialog fileChooser() {
        return (suggestedName, owner) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("export.save.title"));
            chooser.setInitialFileName(suggestedName);
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}
