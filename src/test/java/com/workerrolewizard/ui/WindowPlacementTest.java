package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.ui.wizard.WindowPlacement;
import com.workerrolewizard.ui.wizard.WindowPlacement.Area;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    @Test
    void at200PercentOnA1400x900ScreenTheWindowFitsAndItsMinimumShrinks() {
        // 1400x900 at 200 %: JavaFX reports 700x450 (minus a 24 px panel) in its own units.
        WindowPlacement placed = WindowPlacement.of(new Area(0, 24, 700, 426), 1000, 700, 760, 560);
        assertThat(placed.x()).isEqualTo(0);
        assertThat(placed.y()).isEqualTo(24);
        assertThat(placed.width()).isEqualTo(700);
        assertThat(placed.height()).isEqualTo(426);
        assertThat(placed.minWidth()).isEqualTo(700);
        assertThat(placed.minHeight()).isEqualTo(426);
    }

    @Test
    void onALargeScreenTheWindowIsCentredAtItsWantedSize() {
        WindowPlacement placed = WindowPlacement.of(new Area(1920, 0, 1920, 1040), 1000, 700, 760, 560);
        assertThat(placed.width()).isEqualTo(1000);
        assertThat(placed.height()).isEqualTo(700);
        assertThat(placed.x()).isEqualTo(1920 + 460);
        assertThat(placed.y()).isEqualTo(170);
        assertThat(placed.minWidth()).isEqualTo(760);
        assertThat(placed.minHeight()).isEqualTo(560);
    }

    @Property
    void theWindowIsAlwaysInsideTheVisibleArea(
            @ForAll @DoubleRange(min = -4000, max = 4000) double x,
            @ForAll @DoubleRange(min = -4000, max = 4000) double y,
            @ForAll @DoubleRange(min = 200, max = 8000) double width,
            @ForAll @DoubleRange(min = 200, max = 8000) double height,
            @ForAll @DoubleRange(min = 100, max = 9000) double wantedWidth,
            @ForAll @DoubleRange(min = 100, max = 9000) double wantedHeight) {
        WindowPlacement placed = WindowPlacement.of(new Area(x, y, width, height), wantedWidth, wantedHeight, 760, 560);
        assertThat(placed.x()).isGreaterThanOrEqualTo(x);
        assertThat(placed.y()).isGreaterThanOrEqualTo(y);
        assertThat(placed.x() + placed.width()).isLessThanOrEqualTo(x + width);
        assertThat(placed.y() + placed.height()).isLessThanOrEqualTo(y + height);
        assertThat(placed.width()).isGreaterThanOrEqualTo(placed.minWidth());
        assertThat(placed.height()).isGreaterThanOrEqualTo(placed.minHeight());
        assertThat(placed.minWidth()).isEqualTo(Math.min(760, width));
    }
}
