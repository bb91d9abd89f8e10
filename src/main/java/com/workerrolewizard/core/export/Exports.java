package com.workerrolewizard.core.export;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.InstanceProfileRef;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.FixPlanner;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.plan.TrustPolicyMerge;
import com.workerrolewizard.core.reference.WorkerDocuments;
import java.util.List;
import java.util.Optional;

/** Makes the subject of an export (a new role, or an existing role's fix) and renders it in a format. */
public final class Exports {
    private final WorkerDocuments documents;
    private final String version;

    public Exports(WorkerDocuments documents, String version) {
        this.documents = documents;
        this.version = version;
    }

    public ExportSubject forNewRole(
            NewRoleRequest request, AppliancePrincipal appliance, AccountFacts facts, PermissionsMode mode) {
        FixPlan plan = new FixPlanner(documents).planNewRole(request, appliance, facts, mode);
        Partition partition = appliance.partition().or(facts::partition).orElse(Partition.AWS);
        return new ExportSubject(
                request.roleName(),
                request.path(),
                appliance.arn(partition),
                documents.trustPolicy(appliance, partition),
                documents.permissionsPolicy(),
                plan,
                mode,
                Optional.empty(),
                version);
    }

    public ExportSubject forRole(
            RoleSnapshot role, AppliancePrincipal appliance, AccountFacts facts, PermissionsMode mode) {
        if (!role.trustPolicy().isKnown()) {
            throw new UserFacingException("The trust policy of role " + role.name() + " could not be read, so it "
                    + "cannot be exported: " + role.trustPolicy().unknownBecause());
        }
        FixPlan plan = new FixPlanner(documents).planFix(role, appliance, facts, mode);
        TrustPolicyMerge.Result merge =
                TrustPolicyMerge.merge(role.trustPolicy().value(), appliance, role.partition(), documents);
        Optional<InstanceProfileRef> profile = role.instanceProfiles().isKnown()
                ? role.instanceProfiles().value().stream().findFirst()
                : Optional.empty();
        String boundary = role.boundary().isKnown()
                ? role.boundary().value().map(IdentityPolicy::arn).orElse(null)
                : null;
        List<String> inline = role.policies().isKnown()
                ? role.policies().value().stream()
                        .filter(p -> p.kind() == IdentityPolicy.Kind.INLINE)
                        .map(IdentityPolicy::name)
                        .toList()
                : List.of();
        ExportSubject.Existing existing = new ExportSubject.Existing(
                profile.map(InstanceProfileRef::name),
                profile.flatMap(p -> Arn.parse(p.arn())).map(Exports::profilePath),
                boundary,
                inline,
                merge.changed());
        return new ExportSubject(
                role.name(),
                role.path(),
                appliance.arn(role.partition()),
                merge.after(),
                documents.permissionsPolicy(),
                plan,
                mode,
                Optional.of(existing),
                version);
    }

    /** The path of an instance profile from its ARN: {@code instance-profile/veeam/Name} has path {@code /veeam/}. */
    static String profilePath(Arn arn) {
        String resource = arn.resource();
        int first = resource.indexOf('/');
        int last = resource.lastIndexOf('/');
        return first < 0 || first == last ? "/" : resource.substring(first, last + 1);
    }

    /** @param document for {@link ExportFormat#JSON} only: one document instead of both */
    public String render(ExportSubject subject, ExportFormat format, Optional<JsonExport.Document> document) {
        if (format != ExportFormat.JSON) {
            requireRunnable(subject, format);
        }
        return switch (format) {
            case JSON -> JsonExport.render(subject, document.orElse(null));
            case CLI -> BashScriptExport.render(subject);
            case POWERSHELL -> PowerShellExport.render(subject);
            case CLOUDFORMATION -> CloudFormationExport.render(subject);
            case TERRAFORM -> TerraformExport.render(subject);
            case STACKSET -> StackSetExport.render(subject, Rollout.none(Rollout.DEFAULT_REGION), Optional.empty());
        };
    }

    /**
     * The StackSet script for these targets.
     *
     * @param templateFile the template's file name beside the script; empty to embed it
     */
    public String renderStackSet(ExportSubject subject, Rollout rollout, Optional<String> templateFile) {
        requireRunnable(subject, ExportFormat.STACKSET);
        return StackSetExport.render(subject, rollout, templateFile);
    }

    /** The template a StackSet script deploys (the CloudFormation export). */
    public String stackSetTemplate(ExportSubject subject) {
        requireRunnable(subject, ExportFormat.STACKSET);
        return CloudFormationExport.render(subject);
    }

    /** Terraform for many accounts: a provider alias and a call of the module (the one-account export) per account. */
    public String renderTerraformAccounts(ExportSubject subject, Rollout rollout, String moduleSource) {
        requireRunnable(subject, ExportFormat.TERRAFORM);
        return TerraformAccountsExport.render(subject, rollout, moduleSource);
    }

    private static void requireRunnable(ExportSubject subject, ExportFormat format) {
        if (!subject.plan().runnable()) {
            throw new UserFacingException("The plan breaks IAM limits, so no " + format.id() + " export is made: "
                    + String.join(" ", subject.plan().problems()));
        }
    }

    public static List<ExportFormat> formats() {
        return List.of(ExportFormat.values());
    }
}
