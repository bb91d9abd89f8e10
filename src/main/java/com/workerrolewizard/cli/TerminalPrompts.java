package com.workerrolewizard.cli;

import com.workerrolewizard.signin.SignInException;
import com.workerrolewizard.signin.SignInPrompts;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;

/** Sign-in prompts on the terminal: the MFA code is read there; the Identity Center page is opened in the browser. */
final class TerminalPrompts implements SignInPrompts {
    private final PrintWriter err;

    TerminalPrompts(PrintWriter err) {
        this.err = err;
    }

    @Override
    public String mfaCode(String profile, String serial, String retry) {
        Console console = System.console();
        if (console == null) {
            throw new SignInException("Profile " + profile + " needs an MFA code, and there is no terminal to ask for it on: "
                    + "run the command in a terminal.");
        }
        if (retry != null) {
            err.println(retry);
            err.flush();
        }
        String code = console.readLine("MFA code for %s (profile %s): ", serial, profile);
        if (code == null || code.isBlank()) {
            throw new SignInException("No MFA code was given for profile " + profile + ": nothing was signed in.");
        }
        return code.strip();
    }

    @Override
    public void showDeviceCode(String profile, String userCode, String verificationUri, String verificationUriComplete) {
        err.println("IAM Identity Center login for profile " + profile + ": open " + verificationUri
                + " and confirm the code " + userCode + ".");
        err.flush();
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(verificationUriComplete != null ? verificationUriComplete : verificationUri));
            }
        } catch (Exception e) {
            // No browser could be opened: the address above is enough.
        }
    }
}
