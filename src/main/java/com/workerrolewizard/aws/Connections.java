package com.workerrolewizard.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

/**
 * The JDK connections behind every SDK call: the proxy of the URL's scheme (with its credentials answered when it
 * asks, at most once per connection, so wrong ones end in a 407 rather than a loop), the trust of {@link TrustWithBundle},
 * and the timeouts.
 */
final class Connections implements UrlConnectionFactory {
    private final Optional<ProxySettings> https;
    private final Optional<ProxySettings> http;
    private final SSLSocketFactory tls;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    Connections(
            Map<String, String> env,
            Properties properties,
            Optional<CaBundle> caBundle,
            Duration connectTimeout,
            Duration readTimeout) {
        this.https = ProxySettings.forScheme("https", env, properties);
        this.http = ProxySettings.forScheme("http", env, properties);
        this.tls = TrustWithBundle.context(caBundle).getSocketFactory();
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public HttpURLConnection createConnection(URI uri) {
        Optional<ProxySettings> proxy =
                ("https".equalsIgnoreCase(uri.getScheme()) ? https : http).filter(p -> !p.bypasses(uri.getHost()));
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL()
                    .openConnection(proxy.map(p ->
                                    new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port())))
                            .orElse(Proxy.NO_PROXY));
            if (connection instanceof HttpsURLConnection secure) {
                secure.setSSLSocketFactory(tls);
            }
            proxy.filter(ProxySettings::hasCredentials).ifPresent(p -> connection.setAuthenticator(new AnswerOnce(p)));
            connection.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the proxy its credentials the first time it asks, and to nobody else. */
    private static final class AnswerOnce extends Authenticator {
        private final ProxySettings proxy;
        private boolean answered;

        AnswerOnce(ProxySettings proxy) {
            this.proxy = proxy;
        }

        @Override
        protected synchronized PasswordAuthentication getPasswordAuthentication() {
            if (answered || getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            answered = true;
            String password = proxy.password() == null ? "" : proxy.password();
            return new PasswordAuthentication(proxy.user(), password.toCharArray());
        }
    }
}
