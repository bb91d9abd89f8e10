package com.workerrolewizard.aws;

import java.util.Set;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * What an SDK failure means for the program, decided once from the SDK's typed exceptions, status codes and IAM's
 * error codes, never from message text: the gateway's classes act on this, and words come from {@link AwsProblems}.
 */
enum AwsError {
    /** The entity named does not exist (or not yet: IAM is eventually consistent). */
    NO_SUCH_ENTITY,
    /** The operator may not make this call. */
    ACCESS_DENIED,
    /** The key is unknown, the signature wrong, the session expired: no permission would help. */
    CREDENTIALS_REFUSED,
    /** Too many requests: slow down and try again. */
    THROTTLED,
    /** Another clear refusal (4xx): a validation error, an entity that exists, a limit. */
    REFUSED,
    /** The service failed (5xx): an emulator that lacks the call, or a passing failure. */
    SERVER_ERROR,
    /** No answer in time. */
    NO_ANSWER,
    /** An answer that is not the service's (a proxy's page, garbage). */
    NOT_AWS,
    /** The request did not get there (refused connection, unknown host, TLS). */
    NETWORK;

    private static final Set<String> CREDENTIALS = Set.of(
            "InvalidClientTokenId",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "MissingAuthenticationToken",
            "ExpiredToken",
            "ExpiredTokenException");

    static AwsError of(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof NoSuchEntityException) {
            return NO_SUCH_ENTITY;
        }
        if (e instanceof AwsServiceException service) {
            String code = AwsProblems.code(service);
            if (code != null && CREDENTIALS.contains(code)) {
                return CREDENTIALS_REFUSED;
            }
            if (service.isThrottlingException()) {
                return THROTTLED;
            }
            if (service.statusCode() == 403 || "AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
                return ACCESS_DENIED;
            }
            return service.statusCode() >= 500 ? SERVER_ERROR : REFUSED;
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return NO_ANSWER;
        }
        if (e instanceof SdkClientException
                && String.valueOf(e.getMessage()).startsWith("Unable to unmarshall response")) {
            return NOT_AWS;
        }
        return NETWORK;
    }
}
