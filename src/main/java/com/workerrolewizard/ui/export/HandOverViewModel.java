package com.workerrolewizard.ui.export;

import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The export step's Copy and Save: an item's text to the clipboard, or to a file written off the FX thread (a
 * temporary file beside it, then one rename), and what came of it. The file is chosen by the view.
 */
public final class HandOverViewModel {
    /** Where Copy puts text: the system clipboard in the view, a plain field in tests. */
    public interface ClipboardTarget {
        void put(String text);
    }

    private final Function<ExportItem, Optional<String>> texts;
    private final Supplier<ExportFormat> bundleFormat;
    private final ClipboardTarget clipboard;
    private final Background background;
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();

    /**
     * @param texts        an item's text as the export made it, or empty when it has none
     * @param bundleFormat the format of the bundle shown
     */
    HandOverViewModel(
            Function<ExportItem, Optional<String>> texts,
            Supplier<ExportFormat> bundleFormat,
            ClipboardTarget clipboard,
            Background background) {
        this.texts = texts;
        this.bundleFormat = bundleFormat;
        this.clipboard = clipboard;
        this.background = background;
    }

    /** Forgets what came of the last copy or save (the export is being made again). */
    void clear() {
        error.set(null);
        message.set(null);
    }

    /** The file name the chooser proposes. */
    public String suggestedFileName(ExportItem item) {
        return item.fileName(bundleFormat.get());
    }

    public void copy(ExportItem item) {
        toHandOver(item).ifPresent(text -> {
            clipboard.put(text);
            error.set(null);
            message.set(Texts.get("export.copied", item.label()));
        });
    }

    /** Writes the item to {@code target} off the FX thread; a bash script is made executable. */
    public void save(ExportItem item, Path target) {
        Optional<String> text = toHandOver(item);
        if (text.isEmpty()) {
            return;
        }
        boolean executable = item.bundle() && bundleFormat.get() == ExportFormat.CLI;
        saving.set(true);
        message.set(null);
        background.run(
                () -> {
                    SavedFile.write(target, text.get(), executable);
                    return target;
                },
                written -> {
                    saving.set(false);
                    error.set(null);
                    message.set(Texts.get("export.saved", item.label(), written.toAbsolutePath()));
                },
                problem -> {
                    saving.set(false);
                    error.set(Problems.describe(problem));
                });
    }

    /** The item's text to hand over; empty, saying so in {@link #error()}, when there is none. */
    private Optional<String> toHandOver(ExportItem item) {
        Optional<String> text = texts.apply(item);
        if (text.isEmpty()) {
            error.set(Texts.get("export.nothing", item.label()));
        }
        return text;
    }

    /** Why the last copy or save did not happen; null when it did. */
    public StringProperty error() {
        return error;
    }

    /** What the last copy or save did. */
    public StringProperty message() {
        return message;
    }

    public BooleanProperty saving() {
        return saving;
    }
}
