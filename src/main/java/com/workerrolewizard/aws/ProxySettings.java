package com.workerrolewizard.aws;

import com.workerrolewizard.core.UserFacingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The proxy for one URL scheme, found where the AWS CLI looks ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY},
 * lower case first, as Python's urllib reads them) and then in the JVM's properties ({@code https.proxyHost},
 * {@code https.proxyPort}, {@code https.proxyUser}, {@code https.proxyPassword}, {@code http.nonProxyHosts}).
 * {@link #toString()} and {@link #describe()} never show the user name or the password.
 *
 * @param bypass     NO_PROXY entries (host names, domain suffixes, IP addresses, "*")
 * @param jvmPattern http.nonProxyHosts patterns ("*.corp|localhost|127.*"), for a proxy from the JVM's properties
 */
public record ProxySettings(
        String host,
        int port,
        String user,
        String password,
        List<String> bypass,
        List<String> jvmPattern,
        String source) {
    /** The JDK's own default for http.nonProxyHosts: loopback never goes through a proxy set as a JVM property. */
    private static final String JVM_DEFAULT_NON_PROXY = "localhost|127.*|[::1]|0.0.0.0|[::0]";

    /** The proxy for URLs of {@code scheme} (http or https), if any is set. */
    public static Optional<ProxySettings> forScheme(String scheme, Map<String, String> env, Properties properties) {
        String variable = scheme.toLowerCase(Locale.ROOT) + "_proxy";
        String fromEnv = firstSet(env.get(variable), env.get(variable.toUpperCase(Locale.ROOT)));
        List<String> noProxy = splitList(firstSet(env.get("no_proxy"), env.get("NO_PROXY")), ",");
        if (fromEnv != null) {
            return Optional.of(parse(fromEnv, variable.toUpperCase(Locale.ROOT), noProxy));
        }
        String host = properties.getProperty(scheme + ".proxyHost");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        int port = port(
                properties.getProperty(scheme + ".proxyPort"),
                scheme.equals("https") ? 443 : 80,
                scheme + ".proxyPort");
        String nonProxy = properties.getProperty("http.nonProxyHosts", JVM_DEFAULT_NON_PROXY);
        return Optional.of(new ProxySettings(
                host.strip(),
                port,
                blankToNull(properties.getProperty(scheme + ".proxyUser")),
                blankToNull(properties.getProperty(scheme + ".proxyPassword")),
                noProxy,
                splitList(nonProxy, "\\|"),
                "the " + scheme + ".proxyHost property"));
    }

    private static ProxySettings parse(String value, String variable, List<String> noProxy) {
        String text = value.strip();
        String withScheme = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new UserFacingException(variable + " is not a proxy address: write it as http://HOST:PORT "
                    + "(or http://USER:PASSWORD@HOST:PORT, with special characters of the password percent-encoded).");
        }
        if (uri.getHost() == null) {
            throw new UserFacingException(variable + " names no proxy host: write it as http://HOST:PORT.");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new UserFacingException(variable + " names a proxy reached over " + uri.getScheme()
                    + "://; the program reaches proxies over http:// (HTTPS still goes through them encrypted): "
                    + "write it as http://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ".");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8) : "";
        }
        return new ProxySettings(
                uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), user, password, noProxy, List.of(), variable);
    }

    /** True when a request to {@code host} goes straight there (NO_PROXY, or http.nonProxyHosts for a JVM proxy). */
    public boolean bypasses(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        for (String entry : bypass) {
            String rule = entry.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
            if (rule.equals("*")) {
                return true;
            }
            String domain = rule.startsWith("*.") ? rule.substring(1) : rule;
            String bare = domain.startsWith(".") ? domain.substring(1) : domain;
            if (name.equals(bare) || name.endsWith("." + bare)) {
                return true;
            }
        }
        for (String pattern : jvmPattern) {
            String rule = pattern.toLowerCase(Locale.ROOT);
            String unbracketed =
                    rule.startsWith("[") && rule.endsWith("]") ? rule.substring(1, rule.length() - 1) : rule;
            if (matchesWildcard(name, unbracketed)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasCredentials() {
        return user != null && !user.isEmpty();
    }

    /** The proxy as it may be printed: scheme, host and port, never the credentials. */
    public String describe() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return describe() + " (from " + source + ")";
    }

    private static boolean matchesWildcard(String host, String pattern) {
        if (pattern.isEmpty()) {
            return false;
        }
        if (pattern.startsWith("*")) {
            return host.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return host.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return host.equals(pattern);
    }

    private static int port(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new UserFacingException("The " + name + " property is not a port number (1 to 65535): correct it.");
    }

    private static List<String> splitList(String value, String separator) {
        return value == null
                ? List.of()
                : Arrays.stream(value.split(separator))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static String firstSet(String first, String second) {
        return first != null && !first.isBlank() ? first : second != null && !second.isBlank() ? second : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
