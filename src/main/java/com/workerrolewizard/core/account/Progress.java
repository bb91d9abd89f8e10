package com.workerrolewizard.core.account;

/**
 * How far reading a whole account has come, for a face that shows it (a terminal line, a progress bar). Called
 * from background threads; implementations must be thread-safe and cheap.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void rolesRead(int count) {}

        @Override
        public void rolesChecked(int done, int total) {}
    };

    /** {@code count} roles read so far. */
    void rolesRead(int count);

    /** {@code done} of {@code total} roles checked (read in full, or asked of the policy simulator). */
    void rolesChecked(int done, int total);

    /** {@code done} of {@code total} accounts entered and checked (or given up on), for a check across accounts. */
    default void accountsChecked(int done, int total) {}
}
