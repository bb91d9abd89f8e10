package com.workerrolewizard.core.validation;

import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.policy.PolicyKind;
import java.util.List;

/** Validates a policy document before it is written: IAM Access Analyzer's {@code ValidatePolicy} on a live account. */
public interface PolicyValidator {
    /**
     * The findings for one document, or why there are none to show (the call was refused or failed: never a reason
     * to stop, only to say so).
     */
    Known<List<Finding>> validate(String document, PolicyKind kind);
}
