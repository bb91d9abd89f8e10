package com.workerrolewizard.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** View models hold state and validation only: none grows past 250 lines (split it by concern when one does). */
class ViewModelSizeTest {
    @Test
    void noViewModelIsOver250Lines() throws IOException {
        Path ui = Path.of("src/main/java/com/workerrolewizard/ui");
        List<Path> models;
        try (Stream<Path> files = Files.walk(ui)) {
            models = files.filter(p -> p.getFileName().toString().endsWith("ViewModel.java"))
                    .toList();
        }
        assertThat(models).as("the view models under %s", ui).hasSizeGreaterThan(5);
        for (Path model : models) {
            assertThat(Files.readAllLines(model)).as("%s", model).hasSizeLessThanOrEqualTo(250);
        }
    }
}
