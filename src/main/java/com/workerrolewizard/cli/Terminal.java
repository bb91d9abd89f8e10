package com.workerrolewizard.cli;

/** Whether standard output is a terminal that wants colour (https://no-color.org is honoured). */
final class Terminal {
    private Terminal() {}

    static boolean wantsColour() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }
}
