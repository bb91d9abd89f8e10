package com.workerrolewizard.ui.common;

import com.workerrolewizard.core.account.UnreadableInputException;
import com.workerrolewizard.core.policy.MalformedPolicyException;
import com.workerrolewizard.signin.SignInException;

/** An error as the admin reads it beside the control: our own sentences as they are, anything else in one line. */
public final class Problems {
    private Problems() {
    }

    public static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof UnreadableInputException || e instanceof SignInException || e instanceof MalformedPolicyException) {
            return e.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return Texts.get("error.unexpected", message);
    }
}
