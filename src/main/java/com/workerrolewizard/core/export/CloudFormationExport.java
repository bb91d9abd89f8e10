package com.workerrolewizard.core.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CloudFormation template (YAML) that creates a passing worker role: {@code AWS::IAM::Role} with the trust
 * policy, the page's permissions (inline, or an {@code AWS::IAM::ManagedPolicy}), and an
 * {@code AWS::IAM::InstanceProfile}. The appliance ARN and the role name are parameters. Intrinsic functions
 * are written in their long form ({@code Ref:}), which every YAML parser reads.
 */
public final class CloudFormationExport {
    /** Quotes what a YAML reader could take for anything but a string (2012-10-17 would be a date). */
    private static final ObjectMapper YAML = YamlText.mapper();

    private CloudFormationExport() {}

    public static String render(ExportSubject subject) {
        Deployment deployment = Deployment.of(subject);
        ObjectNode template = YAML.createObjectNode();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put(
                "Description",
                "Worker IAM role for Veeam Backup for AWS: instance profile, trust for the backup "
                        + "appliance and for EC2, and the worker permissions of the vendor page.");
        ObjectNode parameters = template.putObject("Parameters");
        ObjectNode trust = trustWithParameter(subject);
        if (hasApplianceParameter(subject)) {
            ObjectNode appliance = parameters.putObject("ApplianceArn");
            appliance.put("Type", "String");
            appliance.put(
                    "Description",
                    "ARN of the backup appliance's Impersonation role, or of its account (arn:PARTITION:iam::ACCOUNT:root).");
            appliance.put("Default", subject.applianceArn());
            appliance.put("AllowedPattern", "^arn:aws(-cn|-us-gov)?:iam::\\d{12}:(root|role/.+)$");
        }
        ObjectNode roleName = parameters.putObject("RoleName");
        roleName.put("Type", "String");
        roleName.put("Description", "Name of the worker role.");
        roleName.put("Default", subject.roleName());
        roleName.put("AllowedPattern", "^[\\w+=,.@-]{1,64}$");

        ObjectNode resources = template.putObject("Resources");
        ObjectNode role = resources.putObject("WorkerRole");
        role.put("Type", "AWS::IAM::Role");
        retainIfImported(role, subject.existingRole());
        ObjectNode properties = role.putObject("Properties");
        properties.set("RoleName", ref("RoleName"));
        properties.put("Path", deployment.path());
        properties.set("AssumeRolePolicyDocument", trust);
        deployment.createRole().ifPresent(create -> roleOptions(properties, create));
        if (deployment.createRole().isEmpty() && deployment.permissionsBoundary() != null) {
            properties.put("PermissionsBoundary", deployment.permissionsBoundary());
        }
        if (subject.mode() == PermissionsMode.INLINE) {
            ObjectNode inline = properties.putArray("Policies").addObject();
            inline.put("PolicyName", deployment.policyName());
            inline.set("PolicyDocument", subject.permissionsPolicy());
        } else {
            ObjectNode policy = resources.putObject("WorkerPermissions");
            policy.put("Type", "AWS::IAM::ManagedPolicy");
            ObjectNode policyProperties = policy.putObject("Properties");
            policyProperties.put("ManagedPolicyName", deployment.policyName());
            policyProperties.put("Description", "Permissions of Veeam Backup for AWS worker instances");
            policyProperties.put("Path", "/");
            policyProperties.set("PolicyDocument", subject.permissionsPolicy());
            policyProperties.putArray("Roles").add(ref("WorkerRole"));
        }
        ObjectNode profile = resources.putObject("WorkerInstanceProfile");
        profile.put("Type", "AWS::IAM::InstanceProfile");
        retainIfImported(profile, deployment.importProfile());
        ObjectNode profileProperties = profile.putObject("Properties");
        if (deployment.instanceProfileName().equals(subject.roleName())) {
            profileProperties.set("InstanceProfileName", ref("RoleName"));
        } else {
            profileProperties.put("InstanceProfileName", deployment.instanceProfileName());
        }
        profileProperties.put("Path", deployment.instanceProfilePath());
        profileProperties.putArray("Roles").add(ref("WorkerRole"));

        ObjectNode outputs = template.putObject("Outputs");
        outputs.putObject("RoleArn").set("Value", getAtt("WorkerRole"));
        outputs.putObject("InstanceProfileArn").set("Value", getAtt("WorkerInstanceProfile"));
        StringBuilder out = new StringBuilder();
        String shownName = ControlCharacters.escape(subject.roleName());
        out.append("# Worker Role Wizard ")
                .append(subject.version())
                .append(": CloudFormation template for worker role ")
                .append(shownName)
                .append(".\n");
        out.append(
                "# Deploy: aws cloudformation deploy --template-file worker-role.yaml --stack-name veeam-worker-role "
                        + "--capabilities CAPABILITY_NAMED_IAM\n");
        if (subject.existingRole()) {
            out.append("# Role ")
                    .append(shownName)
                    .append(" exists: bring it under this stack with a resource import "
                            + "(aws cloudformation create-change-set --change-set-type IMPORT), not a plain deploy.\n");
            out.append("# Its trust policy here is the role's own")
                    .append(
                            subject.existing().map(e -> e.trustChanged()).orElse(false)
                                    ? ", with the page's missing statements appended.\n"
                                    : ".\n");
        }
        try {
            return out.append(YAML.writeValueAsString(template)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The CloudFormation template cannot be written", e);
        }
    }

    /** The template's parameters with the values of this export, in the template's order (for --parameters). */
    static Map<String, String> parameters(ExportSubject subject) {
        Map<String, String> values = new LinkedHashMap<>();
        if (hasApplianceParameter(subject)) {
            values.put("ApplianceArn", subject.applianceArn());
        }
        values.put("RoleName", subject.roleName());
        return values;
    }

    /** A trust policy that names the appliance only through its account has no use for the parameter. */
    private static boolean hasApplianceParameter(ExportSubject subject) {
        return !trustWithParameter(subject).equals(subject.trustPolicy());
    }

    private static ObjectNode trustWithParameter(ExportSubject subject) {
        return Deployment.withAppliance(subject.trustPolicy(), subject.applianceArn(), p -> ref("ApplianceArn"));
    }

    /** CloudFormation imports only resources that say what happens to them on deletion: keep what the admin had. */
    private static void retainIfImported(ObjectNode resource, boolean imported) {
        if (imported) {
            resource.put("DeletionPolicy", "Retain");
            resource.put("UpdateReplacePolicy", "Retain");
        }
    }

    private static void roleOptions(ObjectNode properties, IamOperation.CreateRole create) {
        if (create.description() != null) {
            properties.put("Description", create.description());
        }
        if (create.permissionsBoundaryArn() != null) {
            properties.put("PermissionsBoundary", create.permissionsBoundaryArn());
        }
        if (create.maxSessionDuration() != null) {
            properties.put("MaxSessionDuration", create.maxSessionDuration());
        }
        if (!create.tags().isEmpty()) {
            ArrayNode tags = properties.putArray("Tags");
            create.tags().forEach(t -> tags.addObject().put("Key", t.key()).put("Value", t.value()));
        }
    }

    private static ObjectNode ref(String name) {
        return YAML.createObjectNode().put("Ref", name);
    }

    private static ObjectNode getAtt(String resource) {
        ObjectNode node = YAML.createObjectNode();
        node.putArray("Fn::GetAtt").add(resource).add("Arn");
        return node;
    }
}
