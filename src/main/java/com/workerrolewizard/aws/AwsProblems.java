package com.workerrolewizard.aws;

import com.workerrolewizard.core.account.Known;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns what AWS refused into words: which permission the operator lacks, or what went wrong on the way. */
final class AwsProblems {
    private AwsProblems() {
    }

    /** Runs a read; an AccessDenied or a failure becomes an unknown fact naming the permission or the error. */
    static <T> Known<T> read(String permission, String resource, Supplier<T> call) {
        try {
            return Known.of(call.get());
        } catch (SdkException e) {
            return Known.unknown(explain(e, permission, resource));
        }
    }

    static String explain(Throwable error, String permission, String resource) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            if (isAccessDenied(service)) {
                return "the operator may not call " + permission + " on " + resource + ": ask for that permission.";
            }
            String message = service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage();
            return permission + " on " + resource + " failed (" + code + ": " + message + ").";
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
            return "no AWS credentials were found: name a profile with --profile NAME, set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or try the built-in sandbox with --sandbox.";
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("Profile file contained no credentials")) {
            return "the profile has no credentials: check it in ~/.aws/config and ~/.aws/credentials.";
        }
        if (NetworkProblems.explain(e).isPresent()) {
            return NetworkProblems.explain(e).get();
        }
        if (e instanceof SdkClientException) {
            return permission + " could not reach AWS (" + firstLine(e.getMessage()) + "): check the network, the proxy "
                    + "and the endpoint.";
        }
        return permission + " failed (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ").";
    }

    static boolean isAccessDenied(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        return e.statusCode() == 403 || "AccessDenied".equals(code) || "AccessDeniedException".equals(code);
    }

    static boolean isNoSuchEntity(Throwable e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && "NoSuchEntity".equals(service.awsErrorDetails().errorCode());
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }
}
