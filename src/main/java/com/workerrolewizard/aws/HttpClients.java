package com.workerrolewizard.aws;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The one way the program makes an HTTP client: the JDK's connection (the smallest SDK client), through the proxy
 * the usual settings name ({@code HTTPS_PROXY}/{@code NO_PROXY}, or the JVM's properties, credentials included),
 * trusting the JDK's certificate authorities plus those of {@code AWS_CA_BUNDLE} or the profile's {@code ca_bundle}.
 */
public final class HttpClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    static {
        // The JDK answers a proxy's Basic challenge for an HTTPS tunnel only when this list does not name Basic (its
        // default does); it is read once, when the first connection class loads, so it is set before any is made.
        if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
            System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
    }

    private HttpClients() {}

    public static SdkHttpClient create(Duration socketTimeout) {
        return create(socketTimeout, Optional.empty());
    }

    /** @param profileCaBundle the profile's ca_bundle; AWS_CA_BUNDLE wins over it, as in the AWS CLI */
    public static SdkHttpClient create(Duration socketTimeout, Optional<String> profileCaBundle) {
        return create(socketTimeout, profileCaBundle, System.getenv(), System.getProperties());
    }

    static SdkHttpClient create(
            Duration socketTimeout, Optional<String> profileCaBundle, Map<String, String> env, Properties properties) {
        return UrlConnectionHttpClient.create(new Connections(
                env, properties, CaBundle.resolve(env, profileCaBundle), CONNECT_TIMEOUT, socketTimeout));
    }

    /** The ca_bundle of a profile of the standard files, if it has one. */
    public static Optional<String> caBundleOf(String profile) {
        return caBundleOf(ProfileFile.defaultProfileFile(), profile);
    }

    public static Optional<String> caBundleOf(ProfileFile file, String profile) {
        return file.profile(profile).flatMap(p -> p.property("ca_bundle"));
    }
}
