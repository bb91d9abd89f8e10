package com.workerrolewizard.core.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.plan.PlannedChange;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.RequirementId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Export subjects whose every outside value is hostile, built directly (as if the reader's validation had been
 * bypassed), so each exporter's own escaping is what is tested: defence in depth.
 */
final class HostileSubjects {
    static final String ACCOUNT = "444455556666";
    private static final WorkerDocuments DOCUMENTS = new WorkerDocuments(
            ReferenceDocuments.load(), ReferenceDocuments.load().builtInCatalog());

    /** The outside values of one export; MARKER in any of them is replaced by a file the tests look for. */
    record Names(
            String role,
            String path,
            String profile,
            String profilePath,
            String policy,
            String description,
            String boundary,
            String tagKey,
            String tagValue,
            String appliance,
            String sid,
            String conditionKey,
            String conditionValue,
            String blocker) {

        static Names from(String hostile) {
            return new Names(
                    "R" + hostile,
                    "/" + hostile + "/",
                    "I" + hostile,
                    "/p" + hostile + "/",
                    "P" + hostile,
                    "D" + hostile,
                    "arn:aws:iam::" + ACCOUNT + ":policy/B" + hostile,
                    "K" + hostile,
                    "V" + hostile,
                    "arn:aws:iam::111122223333:role/A" + hostile,
                    "S" + hostile,
                    "aws:PrincipalTag/" + hostile,
                    "C" + hostile,
                    "Statement (Sid \"" + hostile + "\") denies sts:AssumeRole to the appliance.");
        }

        Names map(UnaryOperator<String> f) {
            return new Names(
                    f.apply(role),
                    f.apply(path),
                    f.apply(profile),
                    f.apply(profilePath),
                    f.apply(policy),
                    f.apply(description),
                    f.apply(boundary),
                    f.apply(tagKey),
                    f.apply(tagValue),
                    f.apply(appliance),
                    f.apply(sid),
                    f.apply(conditionKey),
                    f.apply(conditionValue),
                    f.apply(blocker));
        }
    }

    /** The shapes an export takes: a new role (inline or managed permissions), an existing role with or without a profile. */
    enum Shape {
        NEW_INLINE,
        NEW_MANAGED,
        EXISTING,
        EXISTING_WITH_PROFILE
    }

    private HostileSubjects() {}

    /** The page's trust policy naming the (hostile) appliance, with the admin's own hostile statement first. */
    static ObjectNode trust(Names names, boolean withPageStatements) {
        ObjectNode document = DOCUMENTS.trustPolicy(
                com.workerrolewizard.core.arn.AppliancePrincipal.parse(
                        "arn:aws:iam::111122223333:role/VeeamImpersonation"),
                com.workerrolewizard.core.arn.Partition.AWS);
        ArrayNode statements = document.withArray("Statement");
        ((ObjectNode) statements.get(0).get("Principal")).put("AWS", names.appliance());
        ObjectNode own = statements.insertObject(0);
        own.put("Sid", names.sid());
        own.put("Effect", "Allow");
        own.put("Action", "sts:AssumeRole");
        own.putObject("Principal").put("AWS", "arn:aws:iam::" + ACCOUNT + ":root");
        own.putObject("Condition").putObject("StringEquals").put(names.conditionKey(), names.conditionValue());
        if (!withPageStatements) {
            statements.remove(2);
            statements.remove(1);
        }
        return document;
    }

    static ExportSubject subject(Names n, Shape shape) {
        ObjectNode permissions = DOCUMENTS.permissionsPolicy();
        List<PlannedChange> changes = new ArrayList<>();
        boolean existing = shape == Shape.EXISTING || shape == Shape.EXISTING_WITH_PROFILE;
        PermissionsMode mode = shape == Shape.NEW_MANAGED ? PermissionsMode.MANAGED : PermissionsMode.INLINE;
        if (existing) {
            changes.add(change(
                    new IamOperation.UpdateAssumeRolePolicy(
                            n.role(),
                            trust(n, false),
                            trust(n, true),
                            List.of("the page's appliance statement", "the page's EC2 statement")),
                    RequirementId.APPLIANCE_TRUST));
        } else {
            changes.add(change(new IamOperation.CreateRole(
                    n.role(),
                    n.path(),
                    trust(n, true),
                    n.description(),
                    n.boundary(),
                    List.of(new IamOperation.Tag(n.tagKey(), n.tagValue())),
                    3600)));
        }
        if (mode == PermissionsMode.INLINE) {
            changes.add(change(
                    new IamOperation.PutRolePolicy(n.role(), n.policy(), permissions), RequirementId.PERMISSIONS));
        } else {
            changes.add(change(new IamOperation.CreatePolicy(
                    n.policy(), "/", permissions, "Permissions of Veeam Backup for AWS worker instances")));
            changes.add(change(
                    new IamOperation.AttachRolePolicy(n.role(), "arn:aws:iam::" + ACCOUNT + ":policy/" + n.policy()),
                    RequirementId.PERMISSIONS));
        }
        if (shape != Shape.EXISTING_WITH_PROFILE) {
            changes.add(change(new IamOperation.CreateInstanceProfile(n.profile(), n.path())));
            changes.add(change(
                    new IamOperation.AddRoleToInstanceProfile(n.profile(), n.role()), RequirementId.INSTANCE_PROFILE));
        }
        FixPlan plan = new FixPlan(
                n.role(),
                "arn:aws:iam::" + ACCOUNT + ":role" + n.path() + n.role(),
                n.appliance(),
                !existing,
                List.of(),
                changes,
                existing ? List.of(n.blocker()) : List.of(),
                List.of(),
                List.of("Instance profile " + n.profile() + " holds role " + n.role() + "."));
        Optional<ExportSubject.Existing> what = existing
                ? Optional.of(new ExportSubject.Existing(
                        shape == Shape.EXISTING_WITH_PROFILE ? Optional.of(n.profile()) : Optional.empty(),
                        Optional.of(n.profilePath()),
                        n.boundary(),
                        List.of(n.policy()),
                        true))
                : Optional.empty();
        return new ExportSubject(
                n.role(), n.path(), n.appliance(), trust(n, true), permissions, plan, mode, what, "0.1.0");
    }

    private static PlannedChange change(IamOperation operation, RequirementId... fixes) {
        return new PlannedChange(List.of(fixes), operation);
    }
}
