package com.workerrolewizard.cli;

import static com.workerrolewizard.cli.JarRun.APPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.workerrolewizard.SpecialFiles;
import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not what they should be, through the jar with a small heap: inputs that never end, never start or
 * are too large end with one sentence and exit 2; {@code --output} never replaces what is not a regular file;
 * running out of memory is one sentence and exit 4.
 */
class HostileFilesIT {
    /** Enough for every command; far less than /dev/zero or a 3 GB file would take if they were read. */
    private static final String SMALL_HEAP = "-Xmx256m";

    private static final String SHORT_WAIT = "-D" + com.workerrolewizard.core.account.BoundedInput.WAIT_PROPERTY + "=2";

    @TempDir
    Path temp;

    private static JarRun check(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "--appliance", APPLIANCE, "--all-roles"));
        args.addAll(List.of(options));
        return JarRun.with(Map.of(), List.of(SMALL_HEAP, SHORT_WAIT), args.toArray(String[]::new));
    }

    private static JarRun export(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("export", "--appliance", APPLIANCE, "--format", "json"));
        args.addAll(List.of(options));
        return JarRun.with(Map.of(), List.of(SMALL_HEAP, SHORT_WAIT), args.toArray(String[]::new));
    }

    // ---------------------------------------------------------------- inputs

    @Test
    void devZeroIsADeviceNotAnEndlessFile() throws Exception {
        Optional<Path> zero = SpecialFiles.device("/dev/zero");
        assumeTrue(zero.isPresent());
        check("--authorization-details", "/dev/zero").isBadUsage("/dev/zero is a device, not a file");
        export("--catalog", "/dev/zero").isBadUsage("/dev/zero is a device, not a file: give --catalog a file");
    }

    @Test
    void aFifoWithoutAWriterEndsWithASentence() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(temp.resolve("account.json"));
        assumeTrue(fifo.isPresent());
        check("--authorization-details", fifo.get().toString())
                .isBadUsage("No program wrote to " + fifo.get() + " within 2 seconds");
        export("--catalog", fifo.get().toString()).isBadUsage("No program wrote to " + fifo.get());
    }

    @Test
    void aThreeGigabyteFileIsRefusedByItsSize() throws Exception {
        Path sparse = SpecialFiles.sparse(temp.resolve("account.json"), 3L * 1024 * 1024 * 1024);
        check("--authorization-details", sparse.toString())
                .isBadUsage(sparse + " is 3,072 MB, more than the 200 MB that --authorization-details reads");
        export("--catalog", sparse.toString()).isBadUsage("more than the 1 MB that --catalog reads");
    }

    @Test
    void aFolderIsRefused() throws Exception {
        check("--authorization-details", temp.toString()).isBadUsage(temp + " is a folder, not a file");
        export("--catalog", temp.toString()).isBadUsage(temp + " is a folder, not a file");
    }

    @Test
    void processSubstitutionReadsLikeTheFile() throws Exception {
        Optional<Path> bash = onPath("bash");
        assumeTrue(bash.isPresent());
        Path catalog = Files.writeString(temp.resolve("catalog.txt"), "s3:GetObject\nsqs:SendMessage\n");
        String fixture = JarRun.fixture().toString();
        JarRun direct = JarRun.with(
                Map.of(),
                List.of(),
                "check",
                "--appliance",
                APPLIANCE,
                "--all-roles",
                "--format",
                "json",
                "--authorization-details",
                fixture,
                "--catalog",
                catalog.toString());
        JarRun piped = JarRun.command(
                null,
                Map.of(),
                List.of(
                        bash.get().toString(),
                        "-c",
                        "exec \"$0\" -jar \"$1\" check --appliance \"$2\" --all-roles --format json"
                                + " --authorization-details <(cat \"$3\") --catalog <(cat \"$4\")",
                        JarRun.java().get(0),
                        JarRun.jar(),
                        APPLIANCE,
                        fixture,
                        catalog.toString()));
        assertThat(direct.exit()).as(direct.err()).isEqualTo(1);
        assertThat(piped.err()).isEmpty();
        assertThat(piped.exit()).isEqualTo(direct.exit());
        // The same report, where it names its source: the pipe is /dev/fd/NN to the program.
        assertThat(piped.out().replaceAll("/dev/fd/\\d+", "FILE"))
                .contains("\"role\"")
                .isEqualTo(direct.out().replace(fixture, "FILE").replace(catalog.toString(), "FILE"));
    }

    @Test
    void aPipeThatBringsTooMuchIsCutAtTheLimit() throws Exception {
        Optional<Path> bash = onPath("bash");
        assumeTrue(bash.isPresent());
        JarRun run = JarRun.command(
                null,
                Map.of(),
                List.of(
                        bash.get().toString(),
                        "-c",
                        "exec \"$0\" " + SMALL_HEAP + " -jar \"$1\" export --appliance \"$2\" --format json"
                                + " --catalog <(yes s3:GetObject)",
                        JarRun.java().get(0),
                        JarRun.jar(),
                        APPLIANCE));
        run.isBadUsage("brought more than the 1 MB that --catalog reads");
    }

    // ---------------------------------------------------------------- --output

    @Test
    void outputAtAFifoIsRefusedEvenWithForce() throws Exception {
        Optional<Path> fifo = SpecialFiles.fifo(temp.resolve("worker-role.json"));
        assumeTrue(fifo.isPresent());
        export("--output", fifo.get().toString()).isBadUsage("is a named pipe, not a regular file");
        export("--output", fifo.get().toString(), "--force").isBadUsage("is a named pipe, not a regular file");
        assertThat(Files.isRegularFile(fifo.get())).as("still a FIFO").isFalse();
        assertThat(Files.exists(fifo.get())).isTrue();
        assertOnlyThere(fifo.get());
    }

    @Test
    void outputAtADeviceIsRefused() throws Exception {
        Optional<Path> devNull = SpecialFiles.device("/dev/null");
        assumeTrue(devNull.isPresent());
        // Never with --force here: run as root by a broken build, that would replace the machine's /dev/null.
        export("--output", "/dev/null").isBadUsage("/dev/null is a device, not a regular file");
        assertThat(Files.isRegularFile(devNull.get(), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }

    @Test
    void aDanglingLinkIsNotAbsent() throws Exception {
        Path gone = temp.resolve("gone.json");
        Path link = Files.createSymbolicLink(temp.resolve("worker-role.json"), gone);
        export("--output", link.toString()).isBadUsage("is a symbolic link (to " + gone + ")");
        export("--output", link.toString(), "--force").isBadUsage("is a symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(gone).doesNotExist();
    }

    @Test
    void aLinkToADeviceOrAFileIsNeitherReplacedNorWrittenThrough() throws Exception {
        Optional<Path> devNull = SpecialFiles.device("/dev/null");
        assumeTrue(devNull.isPresent());
        Path toDevice = Files.createSymbolicLink(temp.resolve("null.json"), devNull.get());
        export("--output", toDevice.toString(), "--force").isBadUsage("is a symbolic link (to /dev/null)");
        assertThat(Files.readSymbolicLink(toDevice)).isEqualTo(devNull.get());
        Path real = Files.writeString(temp.resolve("real.json"), "keep\n");
        Path toFile = Files.createSymbolicLink(temp.resolve("link.json"), real);
        export("--output", toFile.toString(), "--force").isBadUsage("is a symbolic link (to " + real + ")");
        assertThat(Files.isSymbolicLink(toFile)).isTrue();
        assertThat(real).hasContent("keep");
        Files.delete(toDevice);
    }

    // ---------------------------------------------------------------- memory

    @Test
    void runningOutOfMemoryIsOneSentenceAndExitFour() throws Exception {
        // 50,000 roles, about 55 MB of valid JSON: within the 200 MB limit, beyond a 64 MB heap.
        Path large = temp.resolve("large.json");
        try (BufferedWriter out = Files.newBufferedWriter(large, StandardCharsets.UTF_8)) {
            out.write("{\"RoleDetailList\": [");
            String description = "x".repeat(1000);
            for (int i = 0; i < 50_000; i++) {
                out.write((i == 0 ? "" : ",") + "{\"RoleName\": \"R" + i
                        + "\", \"Arn\": \"arn:aws:iam::444455556666:role/R" + i + "\", \"Description\": \""
                        + description + "\"}");
            }
            out.write("], \"Policies\": []}");
        }
        JarRun run = JarRun.with(
                Map.of(),
                List.of("-Xmx64m"),
                "check",
                "--appliance",
                APPLIANCE,
                "--all-roles",
                "--authorization-details",
                large.toString());
        assertThat(run.exit()).as("exit code; stderr: %s", run.err()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
        assertThat(run.err())
                .startsWith("worker-role-wizard check: ran out of memory")
                .contains("-Xmx")
                .doesNotContain("\tat ")
                .doesNotContain("Error")
                .doesNotContain("java.");
    }

    private void assertOnlyThere(Path expected) throws Exception {
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).as("no temporary file left behind").containsExactly(expected);
        }
    }

    private static Optional<Path> onPath(String program) {
        Optional<Path> found = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            System.err.println(
                    "SKIPPED: " + program + " is not on the PATH; the test with process substitution did not run.");
        }
        return found;
    }
}
