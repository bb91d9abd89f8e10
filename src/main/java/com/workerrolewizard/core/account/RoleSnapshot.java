package com.workerrolewizard.core.account;

import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.policy.PolicyDocument;
import java.util.List;
import java.util.Optional;

/**
 * Everything the four checks need to know about one role, read at one moment from one source
 * (an authorization-details file, a live account, the sandbox). Parts that could not be read are
 * unknown with their reason.
 *
 * @param boundary the permissions boundary, empty when the role has none
 */
public record RoleSnapshot(String name, String path, String arn, String roleId,
        Known<PolicyDocument> trustPolicy,
        Known<List<InstanceProfileRef>> instanceProfiles,
        Known<List<IdentityPolicy>> policies,
        Known<Optional<IdentityPolicy>> boundary) {

    /** The role's partition, read from its ARN ({@code aws} when the ARN names none we know). */
    public Partition partition() {
        return Arn.parse(arn).map(Arn::partition).orElse(Partition.AWS);
    }

    public String account() {
        return Arn.parse(arn).map(Arn::account).orElse("");
    }
}
