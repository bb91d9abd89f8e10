package com.workerrolewizard.cli;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.signin.CredentialsResolver;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.signin.SsoLogin;
import com.workerrolewizard.signin.SsoTokenCache;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;

/** Wires sign-in for the command line: the standard profile files, the AWS CLI's token cache, the SDK's endpoint settings. */
final class SignIn {
    private SignIn() {
    }

    static CredentialsResolver resolver(String region, Optional<URI> endpoint, SignInPrompts prompts) {
        return new CredentialsResolver(ProfileFile.defaultProfileFile(), region, endpoint, prompts, sso(prompts));
    }

    /** Identity Center through the endpoints the SDK's own settings name, when they are set (tests, private endpoints). */
    static SsoLogin sso(SignInPrompts prompts) {
        return new SsoLogin(SsoTokenCache.standard(), env("AWS_ENDPOINT_URL_SSO_OIDC"), env("AWS_ENDPOINT_URL_SSO"), prompts);
    }

    private static Optional<URI> env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(value));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(name + " \"" + value + "\" is not a URL.");
        }
    }
}
