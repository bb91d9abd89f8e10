package com.workerrolewizard.core.requirement;

/** The statuses of the outside contract, from best to worst for one requirement. */
public enum Status {
    /** Holds. */
    PASS,
    /** Holds, with a risk the admin must see. */
    WARN,
    /** Could not be decided; the detail names the missing permission or the error. */
    UNKNOWN,
    /** Does not hold; the detail says exactly what is missing. */
    FAIL;

    public boolean holds() {
        return this == PASS || this == WARN;
    }
}
