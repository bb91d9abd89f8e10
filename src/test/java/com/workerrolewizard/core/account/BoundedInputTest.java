package com.workerrolewizard.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.workerrolewizard.SpecialFiles;
import com.workerrolewizard.core.UserFacingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a file given to the program: bounded in size, refusing what is not a file, never hanging on a pipe. */
class BoundedInputTest {
    private static final BoundedInput.Expectation SMALL =
            new BoundedInput.Expectation("--small", "a small list", 1024 * 1024, "give a shorter list");
    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private static String read(Path file) {
        return BoundedInput.read(file, SMALL, SHORT, SHORT);
    }

    @Test
    void aFileWithinTheLimitIsItsText() throws IOException {
        Path file = Files.writeString(dir.resolve("list.txt"), "s3:GetObject\n# Zürich\n", StandardCharsets.UTF_8);
        assertThat(read(file)).isEqualTo("s3:GetObject\n# Zürich\n");
        assertThat(read(Files.writeString(dir.resolve("empty.txt"), ""))).isEmpty();
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws IOException {
        Path file = Files.write(dir.resolve("full.txt"), "x".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8));
        assertThat(read(file)).hasSize(1024 * 1024);
    }

    @Test
    void aFileOverTheLimitIsRefusedByItsSize() throws IOException {
        Path file = SpecialFiles.sparse(dir.resolve("big.txt"), 1024 * 1024 + 1);
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(file + " is 2 MB, more than the 1 MB that --small reads: give a shorter list.");
    }

    @Test
    void aThreeGigabyteSparseFileIsRefusedWithoutBeingRead() throws IOException {
        Path file = SpecialFiles.sparse(dir.resolve("account.json"), 3L * 1024 * 1024 * 1024);
        assertThatThrownBy(() -> BoundedInput.read(file, BoundedInput.AUTHORIZATION_DETAILS))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(
                        file + " is 3,072 MB, more than the 200 MB that --authorization-details reads: ")
                .hasMessageContaining("--filter Role LocalManagedPolicy AWSManagedPolicy");
    }

    @Test
    void aFolderIsRefused() {
        assertThatThrownBy(() -> read(dir))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(dir + " is a folder, not a file: give --small a file holding a small list.");
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        Optional<Path> zero = SpecialFiles.device("/dev/zero");
        assumeTrue(zero.isPresent());
        assertThatThrownBy(() -> BoundedInput.read(zero.get(), BoundedInput.CATALOG))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("/dev/zero is a device, not a file: give --catalog a file holding a list of required "
                        + "actions (one per line, a JSON array, or a permissions policy).");
    }

    @Test
    void aMissingFileNamesTheOption() {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> read(missing))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(
                        "File " + missing + " does not exist: correct the --small path, or save a small list there.");
    }

    @Test
    void aDanglingLinkDoesNotExist() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("gone.txt"));
        assertThatThrownBy(() -> read(link)).hasMessageContaining("does not exist");
    }

    @Test
    void aFifoWithoutAWriterEndsWithASentence() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        assumeTrue(fifo.isPresent());
        assertThatThrownBy(() -> read(fifo.get()))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("No program wrote to " + fifo.get() + " within 0.3 seconds: start the program that writes "
                        + "to it, or give --small a saved file.");
    }

    @Test
    void aFifoIsReadLikeAFile() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        assumeTrue(fifo.isPresent());
        Thread writer =
                writer(fifo.get(), out -> out.write("{\"RoleDetailList\": []}".getBytes(StandardCharsets.UTF_8)));
        assertThat(BoundedInput.read(fifo.get(), SMALL, Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .isEqualTo("{\"RoleDetailList\": []}");
        writer.join();
    }

    @Test
    void aFifoThatBringsMoreThanTheLimitIsRefusedWhenItPassesIt() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        assumeTrue(fifo.isPresent());
        Thread writer = writer(fifo.get(), out -> {
            byte[] block = new byte[64 * 1024];
            while (true) {
                out.write(block); // ends with a broken pipe once the reader gives up
            }
        });
        assertThatThrownBy(() -> BoundedInput.read(fifo.get(), SMALL, Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(fifo.get() + " brought more than the 1 MB that --small reads: give a shorter list.");
        writer.join();
    }

    @Test
    void aFifoThatGoesSilentEndsWithASentence() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(dir.resolve("pipe"));
        assumeTrue(fifo.isPresent());
        CountDownLatch told = new CountDownLatch(1);
        Thread writer = writer(fifo.get(), out -> {
            out.write("[\"s3:GetObject\",".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                told.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThatThrownBy(() -> read(fifo.get()))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(fifo.get() + " brought no data for 0.3 seconds: check the program that writes it, or save "
                        + "its output to a file and give --small that file.");
        told.countDown();
        writer.join();
    }

    @Test
    void utf16IsRefusedNamingTheEncoding() throws IOException {
        byte[] text = "[]".getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[text.length + 2];
        withMark[0] = (byte) 0xFF;
        withMark[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withMark, 2, text.length);
        Path file = Files.write(dir.resolve("utf16.json"), withMark);
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is UTF-16 text")
                .hasMessageContaining("save a small list as UTF-8");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        Path file = Files.write(dir.resolve("latin1.txt"), "Zürich".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(file + " is not UTF-8 text: save a small list as UTF-8.");
    }

    @Test
    void waitsAreSaidInWords() {
        assertThat(BoundedInput.words(Duration.ofSeconds(30))).isEqualTo("30 seconds");
        assertThat(BoundedInput.words(Duration.ofMinutes(5))).isEqualTo("5 minutes");
        assertThat(BoundedInput.words(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(BoundedInput.words(Duration.ofMillis(2500))).isEqualTo("2.5 seconds");
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /** Opens the FIFO for writing (which waits for the reader) and writes, on a thread of its own. */
    private static Thread writer(Path fifo, Writing writing) {
        Thread thread = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                writing.to(out);
            } catch (IOException e) {
                // The reader closed its end: a broken pipe, as expected for the endless writer.
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
