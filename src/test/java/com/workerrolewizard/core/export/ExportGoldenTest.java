package com.workerrolewizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.workerrolewizard.core.export.ExportCases.Case;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every export format, for a new role (inline and managed permissions) and for two roles of the fixture, equals
 * its golden file under {@code src/test/resources/golden/<case>/}. A golden file is what an admin receives, read
 * and judged once by a person; any change to an export shows up here as a diff to be read again.
 *
 * <p>To rewrite the golden files from the current code (after a deliberate change), run
 * {@code mvn -B -q test -Dtest=ExportGoldenTest -DupdateGoldens=true} and review the diff with {@code git diff}
 * before committing: this test then writes the files instead of comparing them.
 */
class ExportGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("updateGoldens");
    private static final Path SOURCE_FOLDER =
            Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");

    /** One output of an export: the file name of its golden, and how it is rendered. */
    enum Variant {
        JSON("worker-role.json", c -> ExportCases.renderJson(c, null)),
        JSON_TRUST("trust-policy.json", c -> ExportCases.renderJson(c, JsonExport.Document.TRUST)),
        JSON_PERMISSIONS("permissions-policy.json", c -> ExportCases.renderJson(c, JsonExport.Document.PERMISSIONS)),
        CLI("worker-role.sh", c -> ExportCases.render(c, ExportFormat.CLI)),
        POWERSHELL("worker-role.ps1", c -> ExportCases.render(c, ExportFormat.POWERSHELL)),
        CLOUDFORMATION("worker-role.yaml", c -> ExportCases.render(c, ExportFormat.CLOUDFORMATION)),
        TERRAFORM("worker-role.tf", c -> ExportCases.render(c, ExportFormat.TERRAFORM));

        final String file;
        final Function<Case, String> render;

        Variant(String file, Function<Case, String> render) {
            this.file = file;
            this.render = render;
        }
    }

    static Stream<Arguments> goldens() {
        List<Arguments> all = new ArrayList<>();
        for (Case c : Case.values()) {
            for (Variant v : Variant.values()) {
                all.add(Arguments.of(c, v));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldens")
    void exportEqualsItsGoldenFile(Case c, Variant variant) throws IOException {
        String actual = variant.render.apply(c);
        String name = c.folder + "/" + variant.file;
        if (UPDATE) {
            Path file = SOURCE_FOLDER.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            System.err.println("updateGoldens=true: rewrote " + file.toAbsolutePath());
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(actual);
            return;
        }
        String golden = golden(name);
        assertThat(actual)
                .as(
                        "export %s of %s differs from golden/%s; if the change is deliberate, rerun with "
                                + "-DupdateGoldens=true and review the diff",
                        variant, c, name)
                .isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("goldens")
    void renderingIsTheSameEveryTime(Case c, Variant variant) {
        assertThat(variant.render.apply(c)).isEqualTo(variant.render.apply(c));
    }

    @Test
    void everyFormatHasGoldenFilesForEveryCase() {
        assumeFalse(UPDATE, "updateGoldens=true: the golden files are being rewritten");
        assertThat(Variant.values()).hasSize(7);
        for (Case c : Case.values()) {
            for (Variant v : Variant.values()) {
                assertThat(ExportGoldenTest.class.getResource("/golden/" + c.folder + "/" + v.file))
                        .as("golden/%s/%s", c.folder, v.file)
                        .isNotNull();
            }
        }
    }

    @Test
    void goldensUseUnixLineEndingsAndEndWithANewline() throws IOException {
        assumeFalse(UPDATE, "updateGoldens=true: the golden files are being rewritten");
        for (Case c : Case.values()) {
            for (Variant v : Variant.values()) {
                String golden = golden(c.folder + "/" + v.file);
                assertThat(golden)
                        .as("%s/%s", c.folder, v.file)
                        .doesNotContain("\r")
                        .endsWith("\n")
                        .doesNotContain("\t");
            }
        }
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ExportGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in)
                    .as("golden file golden/%s (create it with -DupdateGoldens=true)", name)
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
