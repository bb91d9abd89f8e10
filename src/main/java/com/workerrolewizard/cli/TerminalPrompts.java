package com.workerrolewizard.cli;

import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import java.io.Console;
import java.io.PrintWriter;

/**
 * Sign-in prompts on the terminal (stderr; stdout carries results alone): the MFA code is read there; the Identity
 * Center page is opened in the browser where one can be, and always printed alone on its own line, for a machine
 * whose browser cannot be opened.
 */
final class TerminalPrompts implements SignInPrompts {
    private final PrintWriter err;

    TerminalPrompts(PrintWriter err) {
        this.err = err;
    }

    @Override
    public String mfaCode(String profile, String serial, String retry) {
        Console console = System.console();
        if (console == null) {
            throw new SignInException(
                    "Profile " + profile + " needs an MFA code, and there is no terminal to ask for it on: "
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
    public void showDeviceCode(
            String profile, String userCode, String verificationUri, String verificationUriComplete) {
        err.println("IAM Identity Center login for profile " + profile + ": open " + verificationUri
                + " and confirm the code " + userCode + ".");
        err.flush();
        Sessions.openInBrowser(verificationUriComplete != null ? verificationUriComplete : verificationUri);
    }

    @Override
    public void openAuthorizationPage(String profile, String url) {
        err.println("IAM Identity Center login for profile " + profile + ": sign in on the page that opens in your "
                + "browser. If none opens, open this address in a browser on this machine (or run login --profile "
                + profile + " --use-device-code to sign in from another device):");
        err.println(url);
        err.flush();
        Sessions.openInBrowser(url);
        err.println("Waiting for the browser...");
        err.flush();
    }

    @Override
    public void waitingForOtherLogin(String profile) {
        err.println("Another IAM Identity Center login of the same session is under way; waiting for it to finish.");
        err.flush();
    }
}
