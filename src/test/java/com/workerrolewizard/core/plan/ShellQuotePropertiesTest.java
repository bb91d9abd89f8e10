package com.workerrolewizard.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.workerrolewizard.core.text.HostileText;
import com.workerrolewizard.core.text.PowerShellWords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Quoting for bash and PowerShell holds for hostile words: bash reads back exactly the word (and runs nothing), no
 * control character is ever written raw, and PowerShell's reading of the quoted word (see PowerShellWords) is the word.
 */
class ShellQuotePropertiesTest {
    @Provide
    Arbitrary<String> hostile() {
        return HostileText.strings();
    }

    @Property(tries = 300)
    void aQuotedWordHoldsNoRawControlCharacter(@ForAll("hostile") String word) {
        assertThat(HostileText.hasRawControl(ShellQuote.posix(word))).isFalse();
        assertThat(ShellQuote.posix(word)).doesNotContain("\n");
        assertThat(HostileText.hasRawControl(ShellQuote.powershell(word))).isFalse();
        assertThat(ShellQuote.powershell(word)).doesNotContain("\n");
    }

    @Property(tries = 300)
    void powerShellReadsBackTheWord(@ForAll("hostile") String word) {
        String quoted = ShellQuote.powershell(word);
        assertThat(PowerShellWords.value(quoted)).isEqualTo(word);
        // Inside a command line too: the words around it stay where they are.
        List<PowerShellWords.Word> words =
                PowerShellWords.read("Invoke-Aws iam get-role --role-name " + quoted + " | Out-Null");
        assertThat(words)
                .extracting(PowerShellWords.Word::value)
                .containsExactly("Invoke-Aws", "iam", "get-role", "--role-name", word);
    }

    @Property(tries = 60)
    void bashReadsBackExactlyTheWordsAndRunsNothing(@ForAll("hostile") String a, @ForAll("hostile") String b)
            throws Exception {
        assumeTrue(onPath("bash"), "SKIPPED: no bash here");
        Path folder = Files.createTempDirectory("shellquote");
        try {
            Path marker = folder.resolve("MARKER");
            String first = a.replace("MARKER", marker.toString());
            String second = b.replace("MARKER", marker.toString());
            List<String> read = bash(
                    folder,
                    "printf '%s\\0' " + ShellQuote.posix(first) + " "
                            + ShellQuote.awsCli(List.of(second)).substring("aws iam ".length()));
            assertThat(read).containsExactly(first, second);
            assertThat(marker).doesNotExist();
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aWordWithAControlCharacterIsWrittenInAnsiCQuotes() {
        assertThat(ShellQuote.posix("a\nb")).isEqualTo("$'a\\nb'");
        assertThat(ShellQuote.posix("it's\u001b[0m")).isEqualTo("$'it\\'s\\x1b[0m'");
        assertThat(ShellQuote.posix("\u202e")).isEqualTo("$'\\xe2\\x80\\xae'");
        assertThat(ShellQuote.powershell("a\nb")).isEqualTo("('a' + [char]0x000A + 'b')");
        assertThat(ShellQuote.powershell("\u001b")).isEqualTo("('' + [char]0x001B)");
    }

    static List<String> bash(Path folder, String command) throws Exception {
        Path script = Files.writeString(folder.resolve("words.sh"), command + "\n", StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("bash", script.toString())
                .directory(folder.toFile())
                .start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("bash: %s", err).isZero();
        List<String> words = new ArrayList<>();
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        for (byte x : out) {
            if (x == 0) {
                words.add(word.toString(StandardCharsets.UTF_8));
                word.reset();
            } else {
                word.write(x);
            }
        }
        return words;
    }

    static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
