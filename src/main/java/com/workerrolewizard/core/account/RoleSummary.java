package com.workerrolewizard.core.account;

import java.time.Instant;

/**
 * A role as a listing of the account shows it, before anything about it is checked.
 *
 * @param created     when IAM created it, or null when the listing did not say
 * @param description its description, empty when it has none
 */
public record RoleSummary(String name, String path, String arn, Instant created, String description) {}
