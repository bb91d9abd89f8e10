package com.workerrolewizard.aws;

import com.workerrolewizard.core.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate authorities an admin adds for HTTPS: {@code AWS_CA_BUNDLE}, else the profile's {@code ca_bundle}
 * (the AWS CLI's order), a PEM file with one or more certificates. They are trusted in addition to the JDK's own
 * (the AWS CLI trusts the bundle alone instead).
 */
public record CaBundle(Path file, String setting, List<X509Certificate> certificates) {
    private static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    /** The bundle in force, if one is set; a setting that names an unusable file is one clear error. */
    public static Optional<CaBundle> resolve(Map<String, String> env, Optional<String> profileCaBundle) {
        String fromEnv = env.get("AWS_CA_BUNDLE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(load(fromEnv.strip(), "AWS_CA_BUNDLE"));
        }
        return profileCaBundle.filter(s -> !s.isBlank()).map(s -> load(s.strip(), "the profile's ca_bundle"));
    }

    static CaBundle load(String name, String setting) {
        Path file = Path.of(name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new UserFacingException(setting + " names " + file + ", which is not a file: point it at a "
                        + "PEM file holding the certificate authorities to trust.");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UserFacingException(setting + " names " + file + ", which is larger than a certificate "
                        + "bundle can be (16 MB): point it at a PEM file of certificate authorities.");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserFacingException(setting + " names " + file + ", which cannot be read ("
                    + e.getClass().getSimpleName() + "): check its permissions.");
        }
        List<X509Certificate> certificates = parse(new String(bytes, StandardCharsets.US_ASCII), file, setting);
        return new CaBundle(file, setting, certificates);
    }

    private static List<X509Certificate> parse(String text, Path file, String setting) {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher matcher = PEM.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (matcher.find()) {
                byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
                try (InputStream in = new ByteArrayInputStream(der)) {
                    certificates.add((X509Certificate) factory.generateCertificate(in));
                }
            }
        } catch (CertificateException | IllegalArgumentException | IOException e) {
            throw new UserFacingException(setting + " names " + file + ", whose certificate number "
                    + (certificates.size() + 1) + " cannot be read: export the certificate authority again as PEM.");
        }
        if (certificates.isEmpty()) {
            throw new UserFacingException(setting + " names " + file + ", which holds no PEM certificate "
                    + "(-----BEGIN CERTIFICATE-----): export the certificate authority as PEM (Base64), not DER.");
        }
        return List.copyOf(certificates);
    }
}
