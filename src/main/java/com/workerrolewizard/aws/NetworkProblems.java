package com.workerrolewizard.aws;

import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * What went wrong on the way to AWS, in words: a certificate that is not trusted (and the setting that fixes it), a
 * proxy that wants credentials. Each sentence starts in lower case, to follow a colon; none holds JSSE jargon, a
 * class name or a proxy's password.
 */
public final class NetworkProblems {
    private NetworkProblems() {}

    public static Optional<String> explain(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof CertificateRefusedException refused) {
                return Optional.of(refused.getMessage());
            }
        }
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Unable to tunnel through proxy") && message.contains("407")) {
                return Optional.of(proxyWantsCredentials());
            }
        }
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SSLException) {
                return Optional.of("the secure (TLS) connection could not be set up: check the endpoint URL, and if a "
                        + "proxy inspects HTTPS, set AWS_CA_BUNDLE (or ca_bundle in the profile) to a PEM file holding "
                        + "its certificate authority.");
            }
        }
        return Optional.empty();
    }

    private static String proxyWantsCredentials() {
        Optional<ProxySettings> proxy;
        try {
            proxy = ProxySettings.forScheme("https", System.getenv(), System.getProperties());
        } catch (RuntimeException e) {
            proxy = Optional.empty();
        }
        String name = proxy.map(p -> "the proxy " + p.describe()).orElse("the proxy");
        if (proxy.map(ProxySettings::hasCredentials).orElse(false)) {
            return name + " refused the user name and password it was given (HTTP 407): check them in "
                    + proxy.get().source() + ".";
        }
        return name + " asks for a user name and password (HTTP 407): give them in HTTPS_PROXY as "
                + "http://USER:PASSWORD@HOST:PORT, or in the https.proxyUser and https.proxyPassword properties.";
    }
}
