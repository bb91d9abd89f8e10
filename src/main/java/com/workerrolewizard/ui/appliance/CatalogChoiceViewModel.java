package com.workerrolewizard.ui.appliance;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Which Veeam version the role is judged for: the page's 33 required actions, or a catalog file, as {@code --catalog}
 * gives the command line (read by the same code, off the FX thread). A catalog in use changes the documents every
 * step makes, and a live session is replaced by one whose policy simulator asks about the same actions. A file that
 * cannot be used is one sentence; the catalog in use stays as it was.
 */
public final class CatalogChoiceViewModel {
    private final WizardState state;
    private final Background background;
    private final Function<Optional<Path>, ActionCatalog> catalogs;
    private final BooleanProperty fromFile = new SimpleBooleanProperty();
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty using = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    /** The file of the catalog in use; empty for the page's. */
    private Optional<Path> inUse = Optional.empty();
    /** The session made here for the catalog in use (any other one was signed in with the page's catalog). */
    private Session made;

    /** @param catalogs the page's catalog, or a file's ({@code Workflows::catalog}, which {@code --catalog} uses) */
    public CatalogChoiceViewModel(
            WizardState state, Background background, Function<Optional<Path>, ActionCatalog> catalogs) {
        this.state = state;
        this.background = background;
        this.catalogs = catalogs;
        describe(state.documents.get().catalog());
        fromFile.addListener((o, was, is) -> {
            if (!is) {
                use(Optional.empty());
            } else if (!file.get().isBlank()) {
                load();
            }
        });
        // A new sign-in opens a session with the page's catalog: it gets the one in use.
        state.session.addListener((o, was, is) -> {
            if (is != null && is != made && inUse.isPresent()) {
                use(inUse);
            }
        });
    }

    /** Uses the page's catalog, or the file named, whichever is chosen. */
    public void load() {
        if (!fromFile.get()) {
            use(Optional.empty());
            return;
        }
        String name = file.get() == null ? "" : file.get().strip();
        if (name.isEmpty()) {
            error.set(Texts.get("catalog.noFile"));
            return;
        }
        try {
            use(Optional.of(Path.of(name)));
        } catch (InvalidPathException e) {
            error.set(Texts.get("catalog.badName", name));
        }
    }

    private void use(Optional<Path> source) {
        loading.set(true);
        error.set("");
        Session session = state.session.get();
        background.run(
                () -> {
                    ActionCatalog catalog = catalogs.apply(source);
                    Session checked = session == null ? null : session.withCatalog(catalog);
                    if (checked != null && checked != session) {
                        checked.operator(); // read here, so the header never asks STS on the FX thread
                    }
                    return new Chosen(catalog, checked);
                },
                chosen -> {
                    loading.set(false);
                    if (state.session.get() != session) {
                        return; // signed in again meanwhile: that session is given the catalog in its turn
                    }
                    inUse = source;
                    state.documents.set(new WorkerDocuments(state.references, chosen.catalog()));
                    if (chosen.session() != null && chosen.session() != session) {
                        made = chosen.session();
                        state.session.set(made);
                    }
                    describe(chosen.catalog());
                },
                problem -> {
                    loading.set(false);
                    error.set(Problems.describe(problem));
                });
    }

    private record Chosen(ActionCatalog catalog, Session session) {}

    private void describe(ActionCatalog catalog) {
        using.set(Texts.get("catalog.using", catalog.size(), catalog.source()));
    }

    /** True for a catalog file, false for the page's 33 actions. */
    public BooleanProperty fromFile() {
        return fromFile;
    }

    public StringProperty file() {
        return file;
    }

    /** "Using 33 required actions from the Veeam Backup for AWS page." */
    public StringProperty using() {
        return using;
    }

    /** Why the file chosen cannot be used, in one sentence; empty when it can. */
    public StringProperty error() {
        return error;
    }

    /** A catalog is being read (and a session made for it): the step waits. */
    public BooleanProperty loading() {
        return loading;
    }
}
