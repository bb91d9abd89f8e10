package com.workerrolewizard.core.requirement;

import java.util.List;

/**
 * The four requirements of the vendor page, with the ids of the outside contract, in the page's order, and the fifth
 * result of the contract: the appliance side of the assume-role call.
 */
public enum RequirementId {
    INSTANCE_PROFILE("instance-profile", "The role is in an instance profile"),
    APPLIANCE_TRUST("appliance-trust", "The backup appliance may assume the role"),
    EC2_TRUST("ec2-trust", "The EC2 service may assume the role"),
    PERMISSIONS("permissions", "The role has the required permissions"),
    /** The fifth result, listed only where the appliance's own role can be read (CONTRACT.md). */
    APPLIANCE_ACCESS("appliance-access", "The appliance role may call sts:AssumeRole on the role");

    private final String id;
    private final String title;

    RequirementId(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    /** The vendor page's four, which every report holds. */
    public static List<RequirementId> four() {
        return java.util.List.of(INSTANCE_PROFILE, APPLIANCE_TRUST, EC2_TRUST, PERMISSIONS);
    }

    public String title() {
        return title;
    }

    @Override
    public String toString() {
        return id;
    }
}
