package com.workerrolewizard.core.signin;

/**
 * What signing in may need from the person at the keyboard: a terminal prompt on the command line, a dialog
 * in the wizard. Codes and tokens stay in memory.
 */
public interface SignInPrompts {
    /**
     * An MFA code for the device {@code serial}; {@code retry} is the reason the last one failed, or null.
     * Throws {@link SignInException} when the person cancels.
     */
    String mfaCode(String profile, String serial, String retry);

    /** Shows the IAM Identity Center user code and page, and opens the page in the browser where it can. */
    void showDeviceCode(String profile, String userCode, String verificationUri, String verificationUriComplete);

    /**
     * Sends the person to the IAM Identity Center sign-in page ({@code url}, the authorization code flow): opens it in
     * the browser where it can, and shows it as well for when it cannot. The login then waits for the browser.
     */
    void openAuthorizationPage(String profile, String url);

    /** Another login of the same session is under way (another run, or the wizard): this one waits for it. */
    default void waitingForOtherLogin(String profile) {}
}
