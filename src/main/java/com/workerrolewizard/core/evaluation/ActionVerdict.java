package com.workerrolewizard.core.evaluation;

import java.util.List;

/**
 * The decision for one required action.
 *
 * @param reason why it is not granted (null when granted), in words an admin reads
 * @param risks  why a granted action might still fail (an Allow under a Condition, a conditional or
 *               resource-limited Deny); empty when none
 * @param grantedBy the policy whose statement grants it, or null
 */
public record ActionVerdict(String action, Verdict verdict, String reason, List<String> risks, String grantedBy) {
    public ActionVerdict {
        risks = List.copyOf(risks);
    }
}
