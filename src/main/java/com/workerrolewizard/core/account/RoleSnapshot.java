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
 * @param boundary   the permissions boundary, empty when the role has none
 * @param simulation what IAM's policy simulator decided for the required actions: empty where no simulator
 *                   was asked (an offline file), unknown where it was refused or failed
 */
public record RoleSnapshot(
        String name,
        String path,
        String arn,
        String roleId,
        Known<PolicyDocument> trustPolicy,
        Known<List<InstanceProfileRef>> instanceProfiles,
        Known<List<IdentityPolicy>> policies,
        Known<Optional<IdentityPolicy>> boundary,
        Optional<Known<List<SimulatedAction>>> simulation) {

    /** A snapshot without a simulator's answer (offline sources, tests). */
    public RoleSnapshot(
            String name,
            String path,
            String arn,
            String roleId,
            Known<PolicyDocument> trustPolicy,
            Known<List<InstanceProfileRef>> instanceProfiles,
            Known<List<IdentityPolicy>> policies,
            Known<Optional<IdentityPolicy>> boundary) {
        this(name, path, arn, roleId, trustPolicy, instanceProfiles, policies, boundary, Optional.empty());
    }

    /** The same snapshot with the policy simulator's answer. */
    public RoleSnapshot withSimulation(Known<List<SimulatedAction>> answer) {
        return new RoleSnapshot(
                name, path, arn, roleId, trustPolicy, instanceProfiles, policies, boundary, Optional.of(answer));
    }

    /** The role's partition, read from its ARN ({@code aws} when the ARN names none we know). */
    public Partition partition() {
        return Arn.parse(arn).map(Arn::partition).orElse(Partition.AWS);
    }

    public String account() {
        return Arn.parse(arn).map(Arn::account).orElse("");
    }
}
