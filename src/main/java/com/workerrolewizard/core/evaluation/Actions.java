package com.workerrolewizard.core.evaluation;

import com.workerrolewizard.core.policy.ValueList;

/** Whether an {@code Action}/{@code NotAction} element applies to one action name. */
public final class Actions {
    private Actions() {}

    public static boolean applies(ValueList actions, String action) {
        boolean listed = false;
        for (String pattern : actions.values()) {
            if (Wildcard.matchesAction(pattern, action)) {
                listed = true;
                break;
            }
        }
        return actions.negated() != listed;
    }
}
