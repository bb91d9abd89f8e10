package com.workerrolewizard.ui.wizard;

/**
 * Where the window opens: inside the screen's visible area (without task bars), at any scale. The size wanted is
 * cut down to the visible area and the window centred in it; where the visible area is smaller than the
 * window's minimum size, the minimum shrinks to it (the steps scroll). Arithmetic only, in the screen's units.
 *
 * @param x         left edge
 * @param y         top edge
 * @param minWidth  the window's minimum width
 * @param minHeight the window's minimum height
 */
public record WindowPlacement(double x, double y, double width, double height, double minWidth, double minHeight) {

    /** The visible area of a screen, as JavaFX's {@code Screen.getVisualBounds()} gives it. */
    public record Area(double x, double y, double width, double height) {}

    public static WindowPlacement of(
            Area visible, double wantedWidth, double wantedHeight, double minimumWidth, double minimumHeight) {
        double minWidth = Math.min(minimumWidth, visible.width());
        double minHeight = Math.min(minimumHeight, visible.height());
        double width = clamp(wantedWidth, minWidth, visible.width());
        double height = clamp(wantedHeight, minHeight, visible.height());
        double x = visible.x() + Math.floor((visible.width() - width) / 2);
        double y = visible.y() + Math.floor((visible.height() - height) / 2);
        return new WindowPlacement(x, y, width, height, minWidth, minHeight);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }
}
