package com.workerrolewizard.core.requirement;

/** The four requirements of the vendor page, with the ids of the outside contract, in the page's order. */
public enum RequirementId {
    INSTANCE_PROFILE("instance-profile", "The role is in an instance profile"),
    APPLIANCE_TRUST("appliance-trust", "The backup appliance may assume the role"),
    EC2_TRUST("ec2-trust", "The EC2 service may assume the role"),
    PERMISSIONS("permissions", "The role has the required permissions");

    private final String id;
    private final String title;

    RequirementId(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    @Override
    public String toString() {
        return id;
    }
}
