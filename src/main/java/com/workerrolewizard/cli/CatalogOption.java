package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.core.reference.ActionCatalog;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --catalog FILE}, which every command takes: a list of required actions replacing the page's. */
final class CatalogOption {
    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            description =
                    "Required actions replacing the page's 33: one per line, a JSON array, or a permissions policy.")
    Path file;

    ActionCatalog resolve(Workflows workflows) {
        return workflows.catalog(Optional.ofNullable(file));
    }

    static String describe(ActionCatalog catalog) {
        return catalog.size() + " required actions from " + catalog.source();
    }
}
