package com.workerrolewizard.app.session;

import com.workerrolewizard.core.UserFacingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the account comes from, as the person said it (SOURCE of the contract): an offline file, the built-in sandbox,
 * or live AWS through a profile, the SDK's default chain, a region and an endpoint. Both faces describe a sign-in with
 * it and {@link Sessions} opens it; the rules on what may be combined live here, once.
 *
 * @param sandboxSeed an authorization-details file the sandbox starts from instead of its example roles (tests)
 */
public record SourceRequest(
        Optional<Path> authorizationDetails,
        Optional<String> profile,
        Optional<String> region,
        Optional<String> endpointUrl,
        boolean sandbox,
        Optional<Path> sandboxSeed) {

    public static SourceRequest sandboxAccount() {
        return new SourceRequest(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.empty());
    }

    /** A profile of the standard files; a blank region means the profile's own (or {@link Sessions#DEFAULT_REGION}). */
    public static SourceRequest profile(String name, String region) {
        return new SourceRequest(
                Optional.empty(),
                Optional.of(name),
                Optional.ofNullable(region).filter(r -> !r.isBlank()),
                Optional.empty(),
                false,
                Optional.empty());
    }

    public static SourceRequest file(Path authorizationDetails) {
        return new SourceRequest(
                Optional.of(authorizationDetails),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Optional.empty());
    }

    /** True when anything was said about the source (export without a source plans a new role). */
    public boolean given() {
        return authorizationDetails.isPresent()
                || profile.isPresent()
                || region.isPresent()
                || endpointUrl.isPresent()
                || sandbox;
    }

    public boolean offline() {
        return authorizationDetails.isPresent();
    }

    /** One sentence when the parts cannot be combined. */
    void validate() {
        if (offline() && (profile.isPresent() || region.isPresent() || endpointUrl.isPresent() || sandbox)) {
            throw new UserFacingException("--authorization-details reads a file; it cannot be combined with --profile, "
                    + "--region, --endpoint-url or --sandbox: choose one source.");
        }
        if (sandbox && (profile.isPresent() || endpointUrl.isPresent())) {
            throw new UserFacingException("--sandbox is its own account: drop --profile and --endpoint-url.");
        }
    }

    /** The endpoint as a URL, or one sentence saying it is not one. */
    Optional<URI> endpoint() {
        return endpointUrl.map(url -> {
            try {
                URI uri = new URI(url);
                if (uri.getScheme() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                        || uri.getHost() == null) {
                    throw new URISyntaxException(url, "not an http(s) URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new UserFacingException(
                        "--endpoint-url \"" + url + "\" is not a URL such as https://iam.example.com.");
            }
        });
    }
}
