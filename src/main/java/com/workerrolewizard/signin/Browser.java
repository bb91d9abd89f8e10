package com.workerrolewizard.signin;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;

/** Opens a page in the person's browser where this machine can; never fails (the page is always shown as well). */
public final class Browser {
    private Browser() {}

    /** True when a browser was asked to open the page. */
    public static boolean open(String url) {
        try {
            if (!GraphicsEnvironment.isHeadless()
                    && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return true;
            }
        } catch (Exception | LinkageError e) {
            // No browser here (a server, a missing desktop library): the page is shown for the person to open.
        }
        return false;
    }
}
