package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphicalDisplayTest {
    @Test
    void linuxWithoutDisplayOrWaylandHasNone() {
        assertThat(GraphicalDisplay.missing("Linux", Map.of(), null)).isTrue();
        assertThat(GraphicalDisplay.missing("Linux", Map.of("DISPLAY", " "), null))
                .isTrue();
        assertThat(GraphicalDisplay.missing("FreeBSD", Map.of(), null)).isTrue();
    }

    @Test
    void anXOrWaylandDisplayOrAnotherOsOrAChosenPlatformHasOne() {
        assertThat(GraphicalDisplay.missing("Linux", Map.of("DISPLAY", ":0"), null))
                .isFalse();
        assertThat(GraphicalDisplay.missing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null))
                .isFalse();
        assertThat(GraphicalDisplay.missing("Windows 11", Map.of(), null)).isFalse();
        assertThat(GraphicalDisplay.missing("Mac OS X", Map.of(), null)).isFalse();
        assertThat(GraphicalDisplay.missing("Linux", Map.of(), "Monocle")).isFalse();
    }

    @Test
    void javaFxsRefusalOfTheDisplayIsRecognisedThroughWrappers() {
        Throwable refused = new RuntimeException(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertThat(GraphicalDisplay.cannotOpen(refused)).isTrue();
        assertThat(GraphicalDisplay.cannotOpen(new UnsupportedOperationException("something else")))
                .isFalse();
    }
}
