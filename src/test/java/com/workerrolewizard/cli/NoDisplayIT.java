package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.ui.GraphicalDisplay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The wizard without a graphical display: one sentence and exit code 2, never a stack trace. */
@EnabledOnOs(OS.LINUX)
class NoDisplayIT {

    @Test
    void withoutADisplayTheWizardSaysSoInOneSentence() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", null);
        env.put("WAYLAND_DISPLAY", null);
        JarRun run = JarRun.with(env, List.of());
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo(GraphicalDisplay.MISSING);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aDisplayThatCannotBeOpenedIsTheSameSentence() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", ":97");
        env.put("WAYLAND_DISPLAY", null);
        JarRun run = JarRun.with(env, List.of());
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err())
                .contains(GraphicalDisplay.MISSING)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aCommandNeedsNoDisplay() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", null);
        JarRun run = JarRun.with(env, List.of(), "--version");
        assertThat(run.exit()).isZero();
    }
}
