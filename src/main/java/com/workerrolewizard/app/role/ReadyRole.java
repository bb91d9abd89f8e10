package com.workerrolewizard.app.role;

import java.util.List;

/**
 * A role that meets every requirement, with what the admin enters in the backup appliance for it: the role's ARN
 * and the instance profiles it is in (the workers are launched with an instance profile).
 */
public record ReadyRole(String role, String arn, List<String> instanceProfiles) {
    public ReadyRole {
        instanceProfiles = List.copyOf(instanceProfiles);
    }
}
