package com.workerrolewizard.aws;

import com.workerrolewizard.core.account.Known;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what AWS refused into words: which permission the operator lacks, or what went wrong on the way. Every
 * sentence names the operation, what it was about and what came back; never {@code null}, never a Java class name.
 */
final class AwsProblems {
    private AwsProblems() {}

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
            if (AwsError.of(service) == AwsError.CREDENTIALS_REFUSED) {
                String refusal = message(service);
                return "AWS refused the credentials (" + code(service) + (refusal == null ? "" : ": " + refusal)
                        + "): check the access key and its secret, or sign in again.";
            }
            if (AwsError.of(service) == AwsError.ACCESS_DENIED) {
                return "the operator may not call " + permission + " on " + resource + ": ask for that permission.";
            }
            String code = code(service);
            String message = message(service);
            if (code == null) {
                return permission + " on " + resource + " failed: the endpoint answered HTTP " + service.statusCode()
                        + " without an AWS error" + (message == null ? "" : " (" + message + ")")
                        + (service.statusCode() >= 500 ? "; it may not support this call, or be failing." : ".");
            }
            return permission + " on " + resource + " failed (" + code + (message == null ? "" : ": " + message) + ").";
        }
        if (e instanceof SdkClientException
                && String.valueOf(e.getMessage()).startsWith("Unable to load credentials")) {
            return "no AWS credentials were found: name a profile with --profile NAME, set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or try the built-in sandbox with --sandbox.";
        }
        if (e instanceof SdkClientException
                && String.valueOf(e.getMessage()).contains("Profile file contained no credentials")) {
            return "the profile has no credentials: check it in ~/.aws/config and ~/.aws/credentials.";
        }
        if (NetworkProblems.explain(e).isPresent()) {
            return NetworkProblems.explain(e).get();
        }
        if (AwsError.of(e) == AwsError.NO_ANSWER) {
            return permission + " on " + resource
                    + " got no answer in time: check the network, the proxy and the endpoint.";
        }
        if (AwsError.of(e) == AwsError.NOT_AWS) {
            return permission + " on " + resource + " got an answer that is not AWS's (it could not be read as the "
                    + "service's XML): check that the endpoint is an AWS one, or that no proxy answers in its place.";
        }
        if (e instanceof SdkClientException) {
            return permission + " could not reach AWS (" + network(e)
                    + "): check the network, the proxy and the endpoint.";
        }
        return permission + " on " + resource + " failed"
                + (e.getMessage() == null ? "." : " (" + firstLine(e.getMessage()) + ").");
    }

    static boolean isNoSuchEntity(Throwable e) {
        return AwsError.of(e) == AwsError.NO_SUCH_ENTITY;
    }

    /** IAM's error code, or null when the answer carried none (an emulator's or a proxy's plain error page). */
    static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null || code.isBlank() || code.equals("null") ? null : code;
    }

    private static String message(AwsServiceException e) {
        String message =
                e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message == null || message.isBlank() || message.equals("null")) {
            return null;
        }
        return firstLine(message);
    }

    /** What stopped a request on its way, in words: the cause the SDK wraps, not its wrapper's text. */
    private static String network(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "the host name " + cause.getMessage() + " is not known";
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return "the connection was refused"
                        + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer in time";
            }
        }
        String message = firstLine(e.getMessage());
        // The SDK's wrapper text points at a Java cause and counts attempts: neither helps an admin.
        return message.replaceAll("\\s*\\(SDK Attempt Count: \\d+\\)", "")
                .replaceAll("\\s*See cause[^.]*\\.?", "")
                .strip();
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }
}
