package com.workerrolewizard.core.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One IAM API call of a plan, with its exact parameters. The same record is shown to the admin, turned
 * into an AWS CLI command or a script, and executed by the live gateway.
 */
public sealed interface IamOperation
        permits IamOperation.CreateRole,
                IamOperation.UpdateAssumeRolePolicy,
                IamOperation.CreateInstanceProfile,
                IamOperation.AddRoleToInstanceProfile,
                IamOperation.PutRolePolicy,
                IamOperation.CreatePolicy,
                IamOperation.AttachRolePolicy {

    /** The IAM API action, as in IAM's reference and in the journal. */
    String action();

    /** What it does, in one sentence. */
    String summary();

    /** The AWS CLI v2 arguments after {@code aws iam}, documents as compact JSON. */
    List<String> cliArguments();

    /**
     * The call's parameters as IAM names them ({@code RoleName}, {@code PolicyArn}), in the order the call takes them,
     * without its document: what the journal records and undo reads back.
     */
    java.util.Map<String, String> parameters();

    /** The policy document this call writes, if any. */
    default Optional<ObjectNode> document() {
        return Optional.empty();
    }

    record Tag(String key, String value) {}

    record CreateRole(
            String roleName,
            String path,
            ObjectNode trustPolicy,
            String description,
            String permissionsBoundaryArn,
            List<Tag> tags,
            Integer maxSessionDuration)
            implements IamOperation {
        public CreateRole {
            tags = List.copyOf(tags);
        }

        @Override
        public String action() {
            return "CreateRole";
        }

        @Override
        public String summary() {
            return "Create role " + roleName + " on path " + path
                    + " with a trust policy holding both of the page's statements.";
        }

        @Override
        public java.util.Map<String, String> parameters() {
            java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
            p.put("RoleName", roleName);
            p.put("Path", path);
            if (description != null && !description.isBlank()) {
                p.put("Description", description);
            }
            if (permissionsBoundaryArn != null) {
                p.put("PermissionsBoundary", permissionsBoundaryArn);
            }
            if (maxSessionDuration != null) {
                p.put("MaxSessionDuration", String.valueOf(maxSessionDuration));
            }
            if (!tags.isEmpty()) {
                p.put(
                        "Tags",
                        String.join(
                                " ",
                                tags.stream()
                                        .map(t -> "Key=" + t.key() + ",Value=" + t.value())
                                        .toList()));
            }
            return p;
        }

        @Override
        public List<String> cliArguments() {
            List<String> args = new java.util.ArrayList<>(List.of(
                    "create-role",
                    "--role-name",
                    roleName,
                    "--path",
                    path,
                    "--assume-role-policy-document",
                    trustPolicy.toString()));
            if (description != null && !description.isBlank()) {
                args.addAll(List.of("--description", description));
            }
            if (permissionsBoundaryArn != null) {
                args.addAll(List.of("--permissions-boundary", permissionsBoundaryArn));
            }
            if (maxSessionDuration != null) {
                args.addAll(List.of("--max-session-duration", String.valueOf(maxSessionDuration)));
            }
            if (!tags.isEmpty()) {
                args.add("--tags");
                tags.forEach(t -> args.add("Key=" + t.key() + ",Value=" + t.value()));
            }
            return args;
        }

        @Override
        public Optional<ObjectNode> document() {
            return Optional.of(trustPolicy);
        }
    }

    /** Replaces the role's trust policy; {@code before} is kept for the diff, the journal and undo. */
    record UpdateAssumeRolePolicy(String roleName, ObjectNode before, ObjectNode after, List<String> addedStatements)
            implements IamOperation {
        public UpdateAssumeRolePolicy {
            addedStatements = List.copyOf(addedStatements);
        }

        @Override
        public String action() {
            return "UpdateAssumeRolePolicy";
        }

        @Override
        public String summary() {
            return "Append " + String.join(" and ", addedStatements) + " to the trust policy of role " + roleName
                    + ", keeping every statement it has.";
        }

        @Override
        public java.util.Map<String, String> parameters() {
            return java.util.Map.of("RoleName", roleName);
        }

        @Override
        public List<String> cliArguments() {
            return List.of("update-assume-role-policy", "--role-name", roleName, "--policy-document", after.toString());
        }

        @Override
        public Optional<ObjectNode> document() {
            return Optional.of(after);
        }
    }

    record CreateInstanceProfile(String instanceProfileName, String path) implements IamOperation {
        @Override
        public String action() {
            return "CreateInstanceProfile";
        }

        @Override
        public String summary() {
            return "Create instance profile " + instanceProfileName + " on path " + path + ".";
        }

        @Override
        public java.util.Map<String, String> parameters() {
            java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
            p.put("InstanceProfileName", instanceProfileName);
            p.put("Path", path);
            return p;
        }

        @Override
        public List<String> cliArguments() {
            return List.of("create-instance-profile", "--instance-profile-name", instanceProfileName, "--path", path);
        }
    }

    record AddRoleToInstanceProfile(String instanceProfileName, String roleName) implements IamOperation {
        @Override
        public String action() {
            return "AddRoleToInstanceProfile";
        }

        @Override
        public String summary() {
            return "Add role " + roleName + " to instance profile " + instanceProfileName + ".";
        }

        @Override
        public java.util.Map<String, String> parameters() {
            java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
            p.put("InstanceProfileName", instanceProfileName);
            p.put("RoleName", roleName);
            return p;
        }

        @Override
        public List<String> cliArguments() {
            return List.of(
                    "add-role-to-instance-profile",
                    "--instance-profile-name",
                    instanceProfileName,
                    "--role-name",
                    roleName);
        }
    }

    record PutRolePolicy(String roleName, String policyName, ObjectNode policy) implements IamOperation {
        @Override
        public String action() {
            return "PutRolePolicy";
        }

        @Override
        public String summary() {
            return "Add inline policy " + policyName + " (" + what() + ") to role " + roleName + ".";
        }

        /** The page's permissions, or the appliance side's one statement (sts:AssumeRole on a worker role). */
        private String what() {
            com.fasterxml.jackson.databind.JsonNode statements = policy.path("Statement");
            if (statements.size() == 1
                    && "sts:AssumeRole".equals(statements.get(0).path("Action").asText())) {
                return "allowing sts:AssumeRole on "
                        + statements.get(0).path("Resource").asText();
            }
            return "the page's permissions policy";
        }

        @Override
        public java.util.Map<String, String> parameters() {
            java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
            p.put("RoleName", roleName);
            p.put("PolicyName", policyName);
            return p;
        }

        @Override
        public List<String> cliArguments() {
            return List.of(
                    "put-role-policy",
                    "--role-name",
                    roleName,
                    "--policy-name",
                    policyName,
                    "--policy-document",
                    policy.toString());
        }

        @Override
        public Optional<ObjectNode> document() {
            return Optional.of(policy);
        }
    }

    record CreatePolicy(String policyName, String path, ObjectNode policy, String description) implements IamOperation {
        @Override
        public String action() {
            return "CreatePolicy";
        }

        @Override
        public String summary() {
            return "Create customer managed policy " + policyName + " holding the page's permissions policy.";
        }

        @Override
        public java.util.Map<String, String> parameters() {
            java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
            p.put("PolicyName", policyName);
            p.put("Path", path);
            p.put("Description", description);
            return p;
        }

        @Override
        public List<String> cliArguments() {
            return List.of(
                    "create-policy",
                    "--policy-name",
                    policyName,
                    "--path",
                    path,
                    "--description",
                    description,
                    "--policy-document",
                    policy.toString());
        }

        @Override
        public Optional<ObjectNode> document() {
            return Optional.of(policy);
        }
    }

    record AttachRolePolicy(String roleName, String policyArn) implements IamOperation {
        @Override
        public String action() {
            return "AttachRolePolicy";
        }

        @Override
        public String summary() {
            return "Attach managed policy " + policyArn.substring(policyArn.lastIndexOf('/') + 1) + " to role "
                    + roleName + ".";
        }

        @Override
        public java.util.Map<String, String> parameters() {
            java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
            p.put("RoleName", roleName);
            p.put("PolicyArn", policyArn);
            return p;
        }

        @Override
        public List<String> cliArguments() {
            return List.of("attach-role-policy", "--role-name", roleName, "--policy-arn", policyArn);
        }
    }
}
