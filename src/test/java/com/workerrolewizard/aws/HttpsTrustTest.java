package com.workerrolewizard.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.signin.FakeIdentityCenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * Every SDK client trusts the JDK's certificate authorities plus the admin's bundle: an HTTPS endpoint whose
 * certificate comes from a test CA is refused without the bundle (with a sentence in words naming the setting),
 * accepted with AWS_CA_BUNDLE or a profile's ca_bundle; bundles that cannot be used are one sentence each.
 */
class HttpsTrustTest {
    @TempDir
    static Path folder;

    private static TestCa ca;
    private static FakeIdentityCenter secure;

    @BeforeAll
    static void start() throws Exception {
        ca = TestCa.shared();
        secure = new FakeIdentityCenter(ca.serverContext());
    }

    @AfterAll
    static void stop() {
        secure.close();
    }

    private static String register(Map<String, String> env, Optional<String> profileBundle) {
        try (SsoOidcClient oidc = SsoOidcClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .endpointOverride(secure.endpoint())
                .httpClient(HttpClients.create(Duration.ofSeconds(10), profileBundle, env, new Properties()))
                .build()) {
            return oidc.registerClient(r -> r.clientName("trust-test").clientType("public"))
                    .clientId();
        }
    }

    @Test
    void anUnknownAuthorityIsRefusedInWordsThatNameTheSetting() {
        Throwable error = catchThrowable(() -> register(Map.of(), Optional.empty()));
        assertThat(error).isInstanceOf(SdkException.class);
        assertThat(NetworkProblems.explain(error))
                .hasValue("the HTTPS certificate of 127.0.0.1 is issued by \""
                        + TestCa.NAME + "\", a certificate authority this machine does not trust: if your network "
                        + "inspects HTTPS or uses a private certificate authority, set AWS_CA_BUNDLE (or ca_bundle in the profile) "
                        + "to a PEM file holding that authority's certificate.");
        assertThat(NetworkProblems.explain(error).orElseThrow())
                .doesNotContain("PKIX")
                .doesNotContain("sun.")
                .doesNotContain("Exception");
    }

    @Test
    void theBundleIsTrustedFromTheEnvironmentOrTheProfile() {
        assertThat(register(Map.of("AWS_CA_BUNDLE", ca.caPem().toString()), Optional.empty()))
                .startsWith("client-");
        assertThat(register(Map.of(), Optional.of(ca.caPem().toString()))).startsWith("client-");
    }

    @Test
    void aBundleOfManyCertificatesIsAddedToTheJdksOwn() throws Exception {
        Path system = Path.of("/etc/ssl/certs/ca-certificates.crt");
        String others = Files.isRegularFile(system) ? Files.readString(system) : "";
        Path bundle = Files.writeString(
                folder.resolve("many.pem"),
                "# a comment as certifi writes them\n" + others + Files.readString(ca.caPem()));
        assertThat(register(Map.of("AWS_CA_BUNDLE", bundle.toString()), Optional.empty()))
                .startsWith("client-");
        assertThat(CaBundle.load(bundle.toString(), "AWS_CA_BUNDLE")
                        .certificates()
                        .size())
                .isGreaterThan(others.isEmpty() ? 0 : 1);
    }

    private static Path otherAuthority() {
        return ca.otherCaPem();
    }

    @Test
    void aBundleWithoutTheAuthorityIsNamedInTheRefusal() throws Exception {
        Path other = otherAuthority();
        Throwable error = catchThrowable(() -> register(Map.of("AWS_CA_BUNDLE", other.toString()), Optional.empty()));
        assertThat(NetworkProblems.explain(error).orElseThrow())
                .endsWith("it is not in AWS_CA_BUNDLE (" + other
                        + ") either: add that authority's certificate (PEM) to the bundle.");
    }

    @Test
    void theEnvironmentWinsOverTheProfileAsInTheAwsCli() throws Exception {
        Throwable error = catchThrowable(() -> register(
                Map.of("AWS_CA_BUNDLE", otherAuthority().toString()),
                Optional.of(ca.caPem().toString())));
        assertThat(NetworkProblems.explain(error).orElseThrow()).contains("it is not in AWS_CA_BUNDLE");
    }

    @Test
    void aBundleThatCannotBeUsedIsOneSentence() throws Exception {
        assertThatThrownBy(() -> register(
                        Map.of("AWS_CA_BUNDLE", folder.resolve("absent.pem").toString()), Optional.empty()))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(
                        "AWS_CA_BUNDLE names " + folder.resolve("absent.pem")
                                + ", which is not a file: point it at a PEM file holding the certificate authorities to trust.");
        Path der = Files.write(folder.resolve("ca.der"), new byte[] {0x30, (byte) 0x82, 0x01, 0x00});
        assertThatThrownBy(() -> register(Map.of(), Optional.of(der.toString())))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("the profile's ca_bundle names " + der)
                .hasMessageContaining("holds no PEM certificate");
    }
}
