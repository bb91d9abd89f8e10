package com.workerrolewizard.core.account;

/** One AWS account of a multi-account run: its 12-digit ID and, where Organizations gave it, its name. */
public record AccountRef(String id, String name) {
    public static AccountRef of(String id) {
        return new AccountRef(id, "");
    }
}
