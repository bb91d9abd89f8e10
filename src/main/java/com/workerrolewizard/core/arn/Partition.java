package com.workerrolewizard.core.arn;

import java.util.List;
import java.util.Optional;

/** The AWS partitions this product supports, with the EC2 service principals each one accepts. */
public enum Partition {
    AWS("aws", List.of("ec2.amazonaws.com")),
    AWS_CN("aws-cn", List.of("ec2.amazonaws.com", "ec2.amazonaws.com.cn")),
    AWS_US_GOV("aws-us-gov", List.of("ec2.amazonaws.com"));

    private final String id;
    private final List<String> ec2Principals;

    Partition(String id, List<String> ec2Principals) {
        this.id = id;
        this.ec2Principals = ec2Principals;
    }

    public String id() {
        return id;
    }

    /** The service principals that stand for EC2 in this partition's trust policies. */
    public List<String> ec2Principals() {
        return ec2Principals;
    }

    public static Optional<Partition> of(String id) {
        for (Partition p : values()) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
