package com.workerrolewizard.core.account;

import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.arn.Partition;

/** Who the operator is, as {@code sts:GetCallerIdentity} says: signing in is this call. */
public record CallerIdentity(String account, String arn, String userId) {
    public Partition partition() {
        return Arn.parse(arn).map(Arn::partition).orElse(Partition.AWS);
    }
}
