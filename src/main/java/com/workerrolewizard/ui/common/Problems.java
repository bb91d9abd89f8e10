package com.workerrolewizard.ui.common;

import com.workerrolewizard.core.UserFacingException;

/** An error as the admin reads it beside the control: our own sentences as they are, anything else in one line. */
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
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        return Texts.get("error.unexpected", message);
    }
}
