package com.workerrolewizard.core.account;

/** An instance profile the role is in. */
public record InstanceProfileRef(String name, String arn) {}
