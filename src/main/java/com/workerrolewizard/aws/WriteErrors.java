package com.workerrolewizard.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a failed write means for AWS. A clear refusal from IAM (a 4xx such as AccessDenied, NoSuchEntity,
 * EntityAlreadyExists or a validation error, on the only attempt) means the write was not made. Anything else (a
 * timeout, a 5xx, a lost connection, or a refusal after a retried attempt that may itself have landed) leaves the
 * outcome unknown: the write may have been made.
 */
final class WriteErrors {
    private WriteErrors() {}

    static boolean refused(SdkException e) {
        if (!(e instanceof AwsServiceException service) || service.statusCode() < 400 || service.statusCode() >= 500) {
            return false;
        }
        // The SDK retries throttling, 5xx and timeouts; an earlier attempt of those may have landed.
        Integer attempts = e.numAttempts();
        return attempts == null || attempts <= 1;
    }
}
