package com.workerrolewizard.core.signin;

/** How a profile gets its credentials, with the names of the outside contract. */
public enum ProfileKind {
    KEYS("keys"),
    SESSION("session"),
    ASSUME_ROLE("assume-role"),
    PROCESS("process"),
    SSO("sso"),
    WEB_IDENTITY("web-identity"),
    ENVIRONMENT("environment");

    private final String id;

    ProfileKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
