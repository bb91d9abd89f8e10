package com.workerrolewizard.signin;

import com.workerrolewizard.core.signin.SignInException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The settings of an IAM Identity Center profile, from its {@code [sso-session]} section or its own legacy keys, read
 * as the AWS CLI reads them.
 *
 * @param sessionName      the sso-session's name, or null for a legacy profile
 * @param configuredScopes sso_registration_scopes as written (comma-separated), or null when the setting is absent
 * @param caBundle         the profile's ca_bundle, if any
 */
public record SsoSettings(
        String profile,
        String sessionName,
        String startUrl,
        String region,
        String accountId,
        String roleName,
        List<String> configuredScopes,
        Optional<String> caBundle) {
    /** The scope every browser login asks for when none is configured; it is what makes a refresh token be issued. */
    static final String DEFAULT_SCOPE = "sso:account:access";

    public static SsoSettings of(String name, ProfileFile file) {
        Profile profile =
                file.profile(name).orElseThrow(() -> new SignInException("Profile " + name + " does not exist."));
        Optional<String> session = profile.property("sso_session");
        Optional<Profile> section = session.flatMap(s -> file.getSection("sso-session", s));
        if (session.isPresent() && section.isEmpty()) {
            throw new SignInException("Profile " + name + " names sso_session " + session.get() + ", which has no "
                    + "[sso-session " + session.get() + "] section: add it (aws configure sso-session).");
        }
        String startUrl = section.flatMap(s -> s.property("sso_start_url"))
                .or(() -> profile.property("sso_start_url"))
                .orElseThrow(() -> new SignInException("Profile " + name + " has no sso_start_url."));
        String region = section.flatMap(s -> s.property("sso_region"))
                .or(() -> profile.property("sso_region"))
                .orElseThrow(() -> new SignInException("Profile " + name + " has no sso_region."));
        if (!region.matches("[a-z]{2}(-[a-z0-9]+)+")) {
            throw new SignInException("Profile " + name + " has sso_region \""
                    + com.workerrolewizard.aws.Printable.of(region)
                    + "\", which is not a region name (such as us-east-1): "
                    + "correct it.");
        }
        List<String> scopes = section.flatMap(s -> s.property("sso_registration_scopes"))
                .map(s -> Arrays.stream(s.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList())
                .orElse(null);
        return new SsoSettings(
                name,
                session.orElse(null),
                startUrl,
                region,
                profile.property("sso_account_id").orElse(null),
                profile.property("sso_role_name").orElse(null),
                scopes,
                profile.property("ca_bundle"));
    }

    /** The name the token cache file is the SHA-1 of: the session's, or the start URL of a legacy profile. */
    public String cacheKey() {
        return sessionName != null ? sessionName : startUrl;
    }

    /** An sso-session profile signs in through the browser with PKCE; a legacy one only with a device code (as the CLI). */
    public boolean browserLogin() {
        return sessionName != null;
    }

    /** The scopes a browser login registers and asks for. */
    List<String> browserScopes() {
        return configuredScopes == null || configuredScopes.isEmpty() ? List.of(DEFAULT_SCOPE) : configuredScopes;
    }
}
