package com.workerrolewizard.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.workerrolewizard.SpecialFiles;
import com.workerrolewizard.files.OutputTarget.Refusal;
import com.workerrolewizard.files.OutputTarget.RefusedException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export goes only to a new name or over a regular file: never over or through anything else. */
class OutputTargetTest {
    @TempDir
    Path dir;

    private void write(Path target, boolean replace) throws IOException {
        OutputTarget.write(target, "new\n", replace, AtomicFile.DOCUMENT);
    }

    private RefusedException refused(Path target, boolean replace) {
        return (RefusedException) catchThrowable(() -> write(target, replace));
    }

    @Test
    void aNewNameIsWritten() throws IOException {
        Path target = dir.resolve("trust.json");
        write(target, false);
        assertThat(target).hasContent("new");
    }

    @Test
    void aRegularFileIsReplacedOnlyWhenAllowed() throws IOException {
        Path target = Files.writeString(dir.resolve("trust.json"), "old\n");
        assertThat(refused(target, false).refusal()).isEqualTo(Refusal.EXISTS);
        assertThat(target).hasContent("old");
        write(target, true);
        assertThat(target).hasContent("new");
    }

    @Test
    void aFolderAndAMissingFolderAreRefused() {
        assertThat(refused(dir, true).refusal()).isEqualTo(Refusal.FOLDER);
        RefusedException missing = refused(dir.resolve("nowhere").resolve("x.json"), true);
        assertThat(missing.refusal()).isEqualTo(Refusal.NO_FOLDER);
        assertThat(missing.detail()).isEqualTo(dir.resolve("nowhere").toString());
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void aDanglingLinkIsNotAbsentAndStaysALink() throws IOException {
        Path gone = dir.resolve("gone.json");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), gone);
        for (boolean replace : new boolean[] {false, true}) {
            RefusedException e = refused(link, replace);
            assertThat(e.refusal()).isEqualTo(Refusal.SYMBOLIC_LINK);
            assertThat(e.detail()).isEqualTo(gone.toString());
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(gone).doesNotExist();
    }

    @Test
    void aLinkToARegularFileIsNeitherReplacedNorWrittenThrough() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        assertThat(refused(link, true).refusal()).isEqualTo(Refusal.SYMBOLIC_LINK);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("old");
    }

    @Test
    void aDeviceAndALinkToItAreRefusedEvenWhenReplacingIsAllowed() throws IOException {
        Optional<Path> devNull = SpecialFiles.device("/dev/null");
        assumeTrue(devNull.isPresent());
        RefusedException device = refused(devNull.get(), true);
        assertThat(device.refusal()).isEqualTo(Refusal.NOT_A_FILE);
        assertThat(device.detail()).isEqualTo("a device");
        Path link = Files.createSymbolicLink(dir.resolve("null.json"), devNull.get());
        assertThat(refused(link, true).refusal()).isEqualTo(Refusal.SYMBOLIC_LINK);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(devNull.get(), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        Files.delete(link);
    }

    @Test
    void aFifoIsRefusedAndStaysAFifo() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        assumeTrue(fifo.isPresent());
        RefusedException e = refused(fifo.get(), true);
        assertThat(e.refusal()).isEqualTo(Refusal.NOT_A_FILE);
        assertThat(e.detail()).isEqualTo("a named pipe");
        assertThat(Files.isRegularFile(fifo.get())).isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left").containsExactly(fifo.get());
        }
    }

    @Test
    void reasonsAreWordsNotClassNames() {
        assertThat(OutputTarget.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(OutputTarget.reason(new FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("No space left on device");
        assertThat(OutputTarget.reason(new IOException())).isEqualTo("an input/output error");
        assertThat(OutputTarget.reason(new IOException("disk gone"))).isEqualTo("disk gone");
    }
}
