package com.workerrolewizard.ui.export;

import com.workerrolewizard.app.export.ExportWorkflow;
import com.workerrolewizard.app.export.SaveRefusedException;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.ui.common.Texts;
import java.nio.file.Path;

/** Writes a file the export step saves, and says in the wizard's words (the file chooser's, not --output's) why not. */
final class SavedFile {
    private SavedFile() {}

    /**
     * Never leaves half a file: the content reaches the target in one rename, or the target stays as it was. The
     * chooser has asked before replacing a file; anything that is not a regular file is refused (see OutputTarget).
     */
    static void write(Path target, String content, boolean executable) {
        Path absolute = target.toAbsolutePath();
        try {
            ExportWorkflow.write(absolute, content, true, executable);
        } catch (SaveRefusedException e) {
            throw new UserFacingException(
                    switch (e.reason()) {
                        case FOLDER -> Texts.get("export.save.isFolder", absolute);
                        case NO_FOLDER -> Texts.get("export.save.noFolder", absolute.getParent());
                        case EXISTS -> throw new IllegalStateException("replacing a file was allowed");
                        case SYMBOLIC_LINK -> Texts.get("export.save.isLink", absolute, e.detail());
                        case NOT_A_FILE -> Texts.get("export.save.notAFile", absolute, e.detail());
                        case FAILED -> Texts.get("export.save.failed", absolute, e.detail());
                    });
        }
    }
}
