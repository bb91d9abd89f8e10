package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --all-roles} shows its progress on standard error when that is a terminal, and only there: never on
 * standard output, never in JSON, never in a file or a pipe.
 */
class ProgressIT {
    @TempDir
    Path temp;

    @Test
    void progressGoesToATerminalOnStandardErrorAndNowhereElse() throws Exception {
        Path script = Path.of("/usr/bin/script");
        if (!Files.isExecutable(script)) {
            System.err.println("SKIPPED: no /usr/bin/script (util-linux) to give the command a terminal.");
            Assumptions.abort("no script(1)");
        }
        Path out = temp.resolve("out.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("wizard.jar", "target/worker-role-wizard.jar");
        // script(1) gives the command a terminal; its standard output goes to a file, standard error stays on the
        // terminal.
        String command = "'" + java + "' -jar '" + jar + "' check --sandbox --all-roles --format json --appliance "
                + Sandbox.APPLIANCE + " > '" + out + "'";
        Process process = new ProcessBuilder(script.toString(), "-qefc", command, "/dev/null")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String terminal = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(terminal).contains("Checking roles: 7 of 7").contains("\r\u001b[K");
        String json = Files.readString(out);
        assertThat(json).doesNotContain("Checking roles").doesNotContain("\u001b");
        assertThat(new ObjectMapper().readTree(json).get("roles")).hasSize(7);
    }

    @Test
    void aCheckAcrossAccountsCountsTheAccountsOnTheTerminal() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "no script(1)");
        Path out = temp.resolve("accounts.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("wizard.jar", "target/worker-role-wizard.jar");
        String command = "'" + java + "' -jar '" + jar + "' check --sandbox --accounts organization --role "
                + "VeeamWorkerReady --format json --appliance " + Sandbox.APPLIANCE + " > '" + out + "'";
        Process process = new ProcessBuilder(script.toString(), "-qefc", command, "/dev/null")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String terminal = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        // The sandbox's organization: the management account and four ACTIVE members.
        assertThat(terminal).contains("Checking accounts: 5 of 5");
        assertThat(new ObjectMapper().readTree(Files.readString(out)).get("accounts"))
                .hasSize(5);
    }

    @Test
    void noProgressWhenStandardErrorIsNotATerminal() throws Exception {
        JarRun run = JarRun.of("check", "--sandbox", "--all-roles", "--appliance", Sandbox.APPLIANCE);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("Checking roles").doesNotContain("\u001b[K");
    }
}
