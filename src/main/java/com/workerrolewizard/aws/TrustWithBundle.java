package com.workerrolewizard.aws;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Server certificates are trusted when the JDK's own authorities accept them, or the admin's CA bundle does (both
 * with the host name checked). A refusal becomes a {@link CertificateRefusedException} saying why in words.
 */
final class TrustWithBundle extends X509ExtendedTrustManager {
    private static final java.util.Map<java.util.List<X509Certificate>, SSLContext> CONTEXTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final X509ExtendedTrustManager system;
    private final Optional<X509ExtendedTrustManager> bundle;
    private final Optional<CaBundle> source;

    private TrustWithBundle(
            X509ExtendedTrustManager system, Optional<X509ExtendedTrustManager> bundle, Optional<CaBundle> source) {
        this.system = system;
        this.bundle = bundle;
        this.source = source;
    }

    /** One context per bundle (the JDK's authorities load once, not per client). */
    static SSLContext context(Optional<CaBundle> caBundle) {
        return CONTEXTS.computeIfAbsent(
                caBundle.map(CaBundle::certificates).orElse(java.util.List.of()), certificates -> build(caBundle));
    }

    private static SSLContext build(Optional<CaBundle> caBundle) {
        try {
            X509ExtendedTrustManager system = trustManager(null);
            Optional<X509ExtendedTrustManager> extra = Optional.empty();
            if (caBundle.isPresent()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (X509Certificate certificate : caBundle.get().certificates()) {
                    store.setCertificateEntry("bundle-" + i++, certificate);
                }
                extra = Optional.of(trustManager(store));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustWithBundle(system, extra, caBundle)}, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("This Java runtime cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private interface Check {
        void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void check(X509Certificate[] chain, String host, Check check) throws CertificateException {
        try {
            check.run(system);
        } catch (CertificateException refusedBySystem) {
            CertificateException last = refusedBySystem;
            if (bundle.isPresent()) {
                try {
                    check.run(bundle.get());
                    return;
                } catch (CertificateException refusedByBundle) {
                    last = refusedByBundle;
                }
            }
            throw new CertificateRefusedException(explain(chain, host, last), last);
        }
    }

    /** Why the certificate was refused, in words, with the setting that fixes it. */
    private String explain(X509Certificate[] chain, String host, CertificateException failure) {
        String server = host == null ? "the server" : Printable.of(host);
        if (chain == null || chain.length == 0) {
            return "the server " + server + " sent no certificate: check the endpoint URL and the proxy.";
        }
        X509Certificate leaf = chain[0];
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException e) {
            return "the HTTPS certificate of " + server + " expired on " + date(leaf.getNotAfter())
                    + ": its owner (or the "
                    + "administrators of a proxy that inspects HTTPS) must renew it; no setting here can make it valid.";
        } catch (CertificateNotYetValidException e) {
            return "the HTTPS certificate of " + server + " is valid only from " + date(leaf.getNotBefore())
                    + ": check this machine's clock and time zone.";
        }
        String reason = String.valueOf(failure.getMessage());
        if (reason.contains("subject alternative") || reason.contains("No name matching")) {
            return "the HTTPS certificate that " + server + " presented is made out to another name ("
                    + Printable.of(leaf.getSubjectX500Principal().getName()) + "): check the endpoint URL "
                    + "(--endpoint-url, AWS_ENDPOINT_URL_...) and the proxy (HTTPS_PROXY, NO_PROXY).";
        }
        X509Certificate top = chain[chain.length - 1];
        String issuer = Printable.of(top.getIssuerX500Principal().getName());
        String fix = source.map(b -> "it is not in " + b.setting() + " (" + b.file() + ") either: add that authority's "
                        + "certificate (PEM) to the bundle.")
                .orElse("if your network inspects HTTPS or uses a private certificate authority, set AWS_CA_BUNDLE (or "
                        + "ca_bundle in the profile) to a PEM file holding that authority's certificate.");
        return "the HTTPS certificate of " + server + " is issued by \"" + issuer + "\", a certificate authority this "
                + "machine does not trust: " + fix;
    }

    private static String date(java.util.Date date) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(date.toInstant().atOffset(ZoneOffset.UTC));
    }

    private static String host(Socket socket) {
        if (socket instanceof SSLSocket ssl) {
            SSLSession session = ssl.getHandshakeSession();
            if (session != null && session.getPeerHost() != null) {
                return session.getPeerHost();
            }
        }
        return socket == null || socket.getInetAddress() == null
                ? null
                : socket.getInetAddress().getHostAddress();
    }

    private static String host(SSLEngine engine) {
        return engine == null ? null : engine.getPeerHost();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, host(socket), m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, host(engine), m -> m.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null, m -> m.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        system.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        system.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        system.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        X509Certificate[] own = system.getAcceptedIssuers();
        if (bundle.isEmpty()) {
            return own;
        }
        X509Certificate[] extra = bundle.get().getAcceptedIssuers();
        X509Certificate[] all = java.util.Arrays.copyOf(own, own.length + extra.length);
        System.arraycopy(extra, 0, all, own.length, extra.length);
        return all;
    }
}
