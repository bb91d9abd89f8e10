package com.workerrolewizard.core.signin;

/**
 * The state of an Identity Center profile's cached token, with the names of the outside contract. A cache file
 * that cannot be read counts as missing for the contract; the profile's problem names the file.
 */
public enum SsoTokenStatus {
    VALID("valid"),
    REFRESHABLE("refreshable"),
    EXPIRED("expired"),
    MISSING("missing"),
    UNREADABLE("missing");

    private final String id;

    SsoTokenStatus(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
