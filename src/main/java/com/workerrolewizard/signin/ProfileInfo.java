package com.workerrolewizard.signin;

/**
 * One profile as the sign-in step shows it: never hidden when it cannot work, but with the reason.
 *
 * @param region  the profile's region, or null
 * @param problem one sentence saying why the profile cannot work, or null when it can
 */
public record ProfileInfo(String name, ProfileKind kind, boolean mfa, String region, String problem) {
    public boolean usable() {
        return problem == null;
    }
}
