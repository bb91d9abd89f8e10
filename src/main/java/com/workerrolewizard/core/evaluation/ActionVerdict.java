package com.workerrolewizard.core.evaluation;

import java.util.List;

/**
 * The decision for one required action.
 *
 * @param reason why it is not granted (null when granted), in words an admin reads
 * @param risks  why a granted action might still fail (an Allow under a Condition, a conditional or
 *               resource-limited Deny); empty when none
 * @param grantedBy the policy whose statement grants it, or null
 * @param identityAllows whether the role's own policies allow it (true even when the boundary then refuses it)
 * @param exceptSome whether it is granted only with some of its resources excluded by a NotResource
 */
public record ActionVerdict(
        String action,
        Verdict verdict,
        String reason,
        List<String> risks,
        String grantedBy,
        boolean identityAllows,
        boolean exceptSome) {
    public ActionVerdict {
        risks = List.copyOf(risks);
    }

    ActionVerdict(
            String action,
            Verdict verdict,
            String reason,
            List<String> risks,
            String grantedBy,
            boolean identityAllows) {
        this(action, verdict, reason, risks, grantedBy, identityAllows, false);
    }
}
