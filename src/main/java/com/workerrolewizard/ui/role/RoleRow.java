package com.workerrolewizard.ui.role;

import java.time.Instant;

/** One row of the role table: what ListRoles says about a role. */
public record RoleRow(String name, String path, Instant created, String description) {}
