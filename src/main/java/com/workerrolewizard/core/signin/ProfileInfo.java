package com.workerrolewizard.core.signin;

/**
 * One profile as the sign-in step shows it: never hidden when it cannot work, but with the reason.
 *
 * @param region  the profile's region, or null
 * @param problem one sentence saying why the profile cannot work, or null when it can
 * @param token   for an Identity Center profile whose settings are complete, the state of its cached token; else null
 */
public record ProfileInfo(
        String name, ProfileKind kind, boolean mfa, String region, String problem, SsoTokenStatus token) {
    public ProfileInfo(String name, ProfileKind kind, boolean mfa, String region, String problem) {
        this(name, kind, mfa, region, problem, null);
    }

    /** No problem, or only an Identity Center cache file that cannot be read, which signing in (a login) replaces. */
    public boolean usable() {
        return problem == null || token == SsoTokenStatus.UNREADABLE;
    }
}
