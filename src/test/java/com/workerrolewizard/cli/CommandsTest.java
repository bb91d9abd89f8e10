package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What the program did not expect is one sentence and exit code 4: never a stack trace, never a class name. */
class CommandsTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new ClassCastException("class java.lang.String cannot be cast to class java.lang.Integer");
        }
    }

    @Test
    void anUnexpectedErrorIsOneSentenceWithExitCodeFour() {
        StringWriter err = new StringWriter();
        CommandLine line = Commands.create(
                new com.workerrolewizard.app.Workflows(ReferenceDocuments.load(), "test"),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        line.addSubcommand("boom", new Boom());
        int exit = line.execute("boom");
        assertThat(exit).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(err.toString().lines().toList()).hasSize(1);
        assertThat(err.toString())
                .startsWith("worker-role-wizard boom: stopped on an unexpected error inside the program")
                .contains("please report it")
                .doesNotContain("java.")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void runningOutOfMemoryIsSaidInWordsWithWhatToDo() {
        String sentence = UnexpectedError.sentence(
                "worker-role-wizard check", new CompletionException(new OutOfMemoryError("Java heap space")));
        assertThat(sentence)
                .startsWith("worker-role-wizard check: ran out of memory: the input is too large")
                .contains("-Xmx")
                .doesNotContain("OutOfMemoryError")
                .doesNotContain("java.");
        assertThat(UnexpectedError.sentence("x", new IllegalStateException("boom")))
                .doesNotContain("memory");
    }
}
