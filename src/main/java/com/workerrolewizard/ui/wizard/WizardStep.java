package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.ui.common.Texts;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The wizard's steps, in the order they are shown. The steps that work on the account's roles are skipped when the
 * admin generates policies only.
 */
public enum WizardStep {
    SIGN_IN("step.signin", false),
    APPLIANCE("step.appliance", false),
    ROLE("step.role", true),
    CHECKLIST("step.checklist", true),
    EXPORT("step.export", false),
    FINISH("step.finish", false);

    private final String title;
    private final boolean needsAccount;

    WizardStep(String title, boolean needsAccount) {
        this.title = title;
        this.needsAccount = needsAccount;
    }

    /** The step's name in the step indicator. */
    public String title() {
        return Texts.get(title);
    }

    /** Whether the context header (account, role, appliance) is shown above the step: on every step after sign-in. */
    public boolean showsContext() {
        return this != SIGN_IN;
    }

    /** Whether the step needs a signed-in account (it is skipped with "generate policies only"). */
    public boolean needsAccount() {
        return needsAccount;
    }

    /** A copy of {@code perStep}, which must hold something for every step ({@code what}, to say what is missing). */
    static <T> Map<WizardStep, T> everyStep(Map<WizardStep, ? extends T> perStep, String what) {
        Set<WizardStep> missing = EnumSet.allOf(WizardStep.class);
        missing.removeAll(perStep.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No " + what + " for the steps " + missing);
        }
        return new EnumMap<>(perStep);
    }
}
