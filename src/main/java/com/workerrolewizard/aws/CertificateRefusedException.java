package com.workerrolewizard.aws;

import java.security.cert.CertificateException;

/**
 * A server certificate that was not trusted, with one sentence (starting in lower case, to follow a colon) that
 * names the problem in words and the setting that fixes it. It travels inside the SDK's exception as a cause.
 */
public final class CertificateRefusedException extends CertificateException {
    private static final long serialVersionUID = 1L;

    public CertificateRefusedException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
