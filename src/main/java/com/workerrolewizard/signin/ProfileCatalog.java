package com.workerrolewizard.signin;

import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.ProfileKind;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SsoTokenStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The profiles of the standard config and credentials files (honouring {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE}), each with its kind, and a reason for every profile that cannot work,
 * plus the environment's credentials. Read with the SDK's own parser, so what is listed is what will load.
 */
public final class ProfileCatalog {
    private static final Set<String> CREDENTIAL_SOURCES = Set.of("Environment", "Ec2InstanceMetadata", "EcsContainer");
    private final ProfileFile file;
    private final Map<String, String> environment;
    private final Optional<SsoTokenCache> tokens;

    /** Profiles without the state of Identity Center tokens (signing in reads those itself). */
    public ProfileCatalog(ProfileFile file, Map<String, String> environment) {
        this(file, environment, Optional.empty());
    }

    /** Profiles with the state of each Identity Center profile's token in {@code tokens}. */
    public ProfileCatalog(ProfileFile file, Map<String, String> environment, Optional<SsoTokenCache> tokens) {
        this.file = file;
        this.environment = environment;
        this.tokens = tokens;
    }

    public static ProfileCatalog standard() {
        return new ProfileCatalog(
                ProfileFile.defaultProfileFile(), System.getenv(), Optional.of(SsoTokenCache.standard()));
    }

    public ProfileFile file() {
        return file;
    }

    public List<ProfileInfo> profiles() {
        List<ProfileInfo> list = new ArrayList<>();
        if (environment.containsKey("AWS_ACCESS_KEY_ID")) {
            String region = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
            list.add(new ProfileInfo(
                    "(environment)",
                    ProfileKind.ENVIRONMENT,
                    false,
                    region,
                    environment.containsKey("AWS_SECRET_ACCESS_KEY")
                            ? null
                            : "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or neither."));
        }
        file.profiles().keySet().stream().sorted().forEach(name -> list.add(describe(name)));
        return list;
    }

    public Optional<ProfileInfo> profile(String name) {
        return file.profile(name).map(p -> describe(name));
    }

    public ProfileInfo describe(String name) {
        Profile profile = file.profile(name).orElseThrow();
        ProfileKind kind = kind(profile);
        boolean mfa = kind == ProfileKind.ASSUME_ROLE && mfaInChain(name, new LinkedHashSet<>());
        String problem = problem(name, new LinkedHashSet<>())
                .map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
                .orElse(null);
        SsoTokenStatus token = null;
        if (kind == ProfileKind.SSO && problem == null && tokens.isPresent()) {
            try {
                token = tokenStatus(tokens.get(), SsoSettings.of(name, file));
            } catch (SignInException e) {
                problem = e.getMessage();
            } catch (SsoTokenCache.UnreadableFile e) {
                token = SsoTokenStatus.UNREADABLE;
                problem = e.sentence(name);
            }
        }
        return new ProfileInfo(name, kind, mfa, profile.property("region").orElse(null), problem, token);
    }

    private static SsoTokenStatus tokenStatus(SsoTokenCache cache, SsoSettings settings) {
        Optional<SsoTokenCache.Token> cached = cache.read(settings.cacheKey());
        if (cached.isEmpty()) {
            return SsoTokenStatus.MISSING;
        }
        return cached.get().valid()
                ? SsoTokenStatus.VALID
                : cached.get().refreshable() ? SsoTokenStatus.REFRESHABLE : SsoTokenStatus.EXPIRED;
    }

    static ProfileKind kind(Profile profile) {
        if (profile.property("role_arn").isPresent()) {
            return profile.property("web_identity_token_file").isPresent()
                    ? ProfileKind.WEB_IDENTITY
                    : ProfileKind.ASSUME_ROLE;
        }
        if (profile.property("sso_session").isPresent()
                || profile.property("sso_start_url").isPresent()) {
            return ProfileKind.SSO;
        }
        if (profile.property("credential_process").isPresent()) {
            return ProfileKind.PROCESS;
        }
        if (profile.property("aws_session_token").isPresent()) {
            return ProfileKind.SESSION;
        }
        return ProfileKind.KEYS;
    }

    private boolean mfaInChain(String name, Set<String> seen) {
        Optional<Profile> profile = file.profile(name);
        if (profile.isEmpty() || !seen.add(name)) {
            return false;
        }
        return profile.get().property("mfa_serial").isPresent()
                || profile.get()
                        .property("source_profile")
                        .map(s -> !s.equals(name) && mfaInChain(s, seen))
                        .orElse(false);
    }

    /** Why the profile cannot work, following source_profile chains (and catching loops). */
    private Optional<String> problem(String name, Set<String> chain) {
        Optional<Profile> found = file.profile(name);
        if (found.isEmpty()) {
            return Optional.of("profile " + name + " does not exist.");
        }
        Profile profile = found.get();
        if (!chain.add(name)) {
            return Optional.of("its source_profile chain loops (" + String.join(" -> ", chain) + " -> " + name + ").");
        }
        return switch (kind(profile)) {
            case ASSUME_ROLE -> assumeRoleProblem(name, profile, chain);
            case WEB_IDENTITY ->
                profile.property("web_identity_token_file")
                        .filter(f -> !Files.isReadable(Path.of(f)))
                        .map(f -> "its web_identity_token_file " + f + " cannot be read.");
            case SSO -> ssoProblem(profile);
            case PROCESS ->
                profile.property("credential_process")
                        .filter(String::isBlank)
                        .map(c -> "its credential_process is empty: give the command that prints the credentials.");
            case SESSION, KEYS -> keysProblem(profile);
            case ENVIRONMENT -> Optional.empty();
        };
    }

    private Optional<String> assumeRoleProblem(String name, Profile profile, Set<String> chain) {
        String role = profile.property("role_arn").orElse("");
        if (!role.matches("arn:aws(-cn|-us-gov)?:iam::\\d{12}:role/.+")) {
            return Optional.of(
                    "its role_arn \"" + role + "\" is not a role ARN (arn:aws:iam::123456789012:role/NAME).");
        }
        Optional<String> source = profile.property("source_profile");
        Optional<String> credentialSource = profile.property("credential_source");
        if (source.isPresent() && credentialSource.isPresent()) {
            return Optional.of("it has both source_profile and credential_source: keep one.");
        }
        if (credentialSource.isPresent()) {
            return CREDENTIAL_SOURCES.contains(credentialSource.get())
                    ? Optional.empty()
                    : Optional.of("its credential_source \"" + credentialSource.get()
                            + "\" is not Environment, Ec2InstanceMetadata or EcsContainer.");
        }
        if (source.isEmpty()) {
            return Optional.of("its role_arn needs a source_profile or a credential_source to assume the role with.");
        }
        if (source.get().equals(name)) {
            // A profile may name itself when it holds the keys that assume its role.
            return keysProblem(profile).map(p -> "it is its own source_profile, but " + p);
        }
        if (file.profile(source.get()).isEmpty()) {
            return Optional.of("its source_profile " + source.get() + " does not exist.");
        }
        return problem(source.get(), chain)
                .map(p -> p.startsWith("its source_profile chain loops")
                        ? p
                        : "its source_profile " + source.get() + " cannot work: " + p);
    }

    private Optional<String> ssoProblem(Profile profile) {
        Optional<String> session = profile.property("sso_session");
        Optional<Profile> section = session.flatMap(s -> file.getSection("sso-session", s));
        if (session.isPresent() && section.isEmpty()) {
            return Optional.of(
                    "its sso_session " + session.get() + " has no [sso-session " + session.get() + "] section.");
        }
        Optional<String> startUrl =
                section.flatMap(s -> s.property("sso_start_url")).or(() -> profile.property("sso_start_url"));
        Optional<String> ssoRegion =
                section.flatMap(s -> s.property("sso_region")).or(() -> profile.property("sso_region"));
        if (startUrl.isEmpty()) {
            return Optional.of("it has no sso_start_url.");
        }
        if (ssoRegion.isEmpty()) {
            return Optional.of("it has no sso_region.");
        }
        if (profile.property("sso_account_id").isEmpty()
                || profile.property("sso_role_name").isEmpty()) {
            return Optional.of(
                    "it needs sso_account_id and sso_role_name to choose the account and role to sign in to.");
        }
        return Optional.empty();
    }

    private static Optional<String> keysProblem(Profile profile) {
        boolean id = profile.property("aws_access_key_id").isPresent();
        boolean secret = profile.property("aws_secret_access_key").isPresent();
        if (!id && !secret) {
            return Optional.of("it holds no credentials (no keys, role_arn, credential_process or SSO settings).");
        }
        if (!id || !secret) {
            return Optional.of("it has "
                    + (id
                            ? "aws_access_key_id but no aws_secret_access_key"
                            : "aws_secret_access_key but no aws_access_key_id")
                    + ".");
        }
        return Optional.empty();
    }
}
