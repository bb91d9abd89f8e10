package com.workerrolewizard.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.signin.FakeIdentityCenter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/** The proxy settings the AWS CLI and the JVM read, and a proxy that asks for credentials it was not given. */
class ProxySettingsTest {
    @TempDir
    Path folder;

    @Test
    void credentialsInTheProxyAddressAreReadAndNeverShown() {
        ProxySettings proxy = ProxySettings.forScheme(
                        "https", Map.of("HTTPS_PROXY", "http://ann:p%40ss%3Aw+rd@proxy.corp:3128"), new Properties())
                .orElseThrow();
        assertThat(proxy.host()).isEqualTo("proxy.corp");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.user()).isEqualTo("ann");
        assertThat(proxy.password()).isEqualTo("p@ss:w+rd");
        assertThat(proxy.describe()).isEqualTo("http://proxy.corp:3128");
        assertThat(proxy.toString()).doesNotContain("p@ss").doesNotContain("ann");
    }

    @Test
    void lowerCaseWinsAndEachSchemeHasItsOwnProxy() {
        Map<String, String> env = Map.of(
                "https_proxy", "proxy-a:8080", "HTTPS_PROXY", "http://proxy-b:8080", "HTTP_PROXY", "http://plain:80");
        assertThat(ProxySettings.forScheme("https", env, new Properties())
                        .orElseThrow()
                        .host())
                .isEqualTo("proxy-a");
        assertThat(ProxySettings.forScheme("http", env, new Properties())
                        .orElseThrow()
                        .host())
                .isEqualTo("plain");
        assertThat(ProxySettings.forScheme("https", Map.of(), new Properties())).isEmpty();
    }

    @Test
    void noProxyAndTheJvmsNonProxyHostsAreHonoured() {
        ProxySettings env = ProxySettings.forScheme(
                        "https",
                        Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "internal.corp, .amazonaws.com,10.0.0.1"),
                        new Properties())
                .orElseThrow();
        assertThat(env.bypasses("sts.amazonaws.com")).isTrue();
        assertThat(env.bypasses("a.internal.corp")).isTrue();
        assertThat(env.bypasses("10.0.0.1")).isTrue();
        assertThat(env.bypasses("127.0.0.1"))
                .as("loopback goes through a proxy from the environment, as with curl")
                .isFalse();
        Properties properties = new Properties();
        properties.setProperty("https.proxyHost", "jvm-proxy");
        properties.setProperty("https.proxyUser", "bob");
        properties.setProperty("https.proxyPassword", "secret");
        ProxySettings jvm =
                ProxySettings.forScheme("https", Map.of(), properties).orElseThrow();
        assertThat(jvm.port()).isEqualTo(443);
        assertThat(jvm.hasCredentials()).isTrue();
        assertThat(jvm.bypasses("127.0.0.1"))
                .as("the JDK's default http.nonProxyHosts")
                .isTrue();
        properties.setProperty("http.nonProxyHosts", "*.corp|db.local");
        ProxySettings narrowed =
                ProxySettings.forScheme("https", Map.of(), properties).orElseThrow();
        assertThat(narrowed.bypasses("a.corp")).isTrue();
        assertThat(narrowed.bypasses("127.0.0.1")).isFalse();
    }

    @Test
    void aProxyAddressThatCannotWorkIsOneSentenceWithoutTheSecret() {
        assertThatThrownBy(() -> ProxySettings.forScheme(
                        "https", Map.of("HTTPS_PROXY", "https://u:hunter2@proxy:443"), new Properties()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("write it as http://proxy:443")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ProxySettings.forScheme(
                        "https", Map.of("HTTPS_PROXY", "http://u:hunter2@ bad host"), new Properties()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aProxyThatWantsCredentialsIsSaidSo() throws Exception {
        try (TestProxy proxy = new TestProxy("ann", "right");
                FakeIdentityCenter target =
                        new FakeIdentityCenter(TestCa.shared().serverContext())) {
            Map<String, String> env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port());
            Throwable error = catchThrowable(() -> {
                try (SsoOidcClient oidc = SsoOidcClient.builder()
                        .region(Region.US_EAST_1)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .endpointOverride(target.endpoint())
                        .httpClient(HttpClients.create(Duration.ofSeconds(10), Optional.empty(), env, new Properties()))
                        .build()) {
                    oidc.registerClient(r -> r.clientName("x").clientType("public"));
                }
            });
            assertThat(NetworkProblems.explain(error).orElseThrow())
                    .contains("asks for a user name and password (HTTP 407)")
                    .contains("HTTPS_PROXY");
            assertThat(proxy.answers).isNotEmpty().containsOnly("407");
        }
    }
}
