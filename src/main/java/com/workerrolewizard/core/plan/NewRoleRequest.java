package com.workerrolewizard.core.plan;

import java.util.List;

/** What the admin asked for when creating a worker role; null means "not set". */
public record NewRoleRequest(
        String roleName,
        String path,
        String description,
        String permissionsBoundaryArn,
        List<IamOperation.Tag> tags,
        Integer maxSessionDuration) {
    public NewRoleRequest {
        path = path == null ? "/" : path;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static NewRoleRequest named(String roleName) {
        return new NewRoleRequest(roleName, "/", null, null, List.of(), null);
    }
}
