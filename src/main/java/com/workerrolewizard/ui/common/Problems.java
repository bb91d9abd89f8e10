package com.workerrolewizard.ui.common;

import com.workerrolewizard.core.UserFacingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/**
 * An error as the admin reads it beside the control: our own sentences as they are, a network failure as a sentence
 * that says what to check, anything else in one line without the SDK's wrapper text ("See cause...").
 */
public final class Problems {
    private Problems() {}

    public static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException
                        || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof UserFacingException) {
            return e.getMessage();
        }
        String network = network(e);
        if (network != null) {
            return Texts.get("signin.network", network);
        }
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : withoutWrapperText(e.getMessage().lines().findFirst().orElse(""));
        return Texts.get("error.unexpected", message);
    }

    /** What stopped a request on the network, in words; null when nothing in the chain is a network failure. */
    private static String network(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "the host name " + cause.getMessage() + " is not known";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return "the connection was refused";
            }
            if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return "no answer in time";
            }
        }
        return null;
    }

    /** The SDK's wrapper text points at a Java cause and counts attempts: neither helps an admin. */
    private static String withoutWrapperText(String message) {
        return message.replaceAll("\\s*\\(SDK Attempt Count: \\d+\\)", "")
                .replaceAll("\\s*See cause[^.]*\\.?", "")
                .strip();
    }
}
