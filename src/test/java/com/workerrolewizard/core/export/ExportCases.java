package com.workerrolewizard.core.export;

import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The export subjects the export tests share: a new role (inline and managed permissions) and two roles of the
 * 36-role fixture, FailsAll (fails all four requirements) and DenyTrust (a Deny the plan must not remove).
 */
final class ExportCases {
    static final String APPLIANCE = "arn:aws:iam::111122223333:role/VeeamImpersonation";
    static final String DEFAULT_ROLE = "VeeamWorkerRole";
    static final String VERSION = "0.1.0";

    /** One subject of an export, with the folder its golden files live in. */
    enum Case {
        NEW_ROLE("new-role"),
        NEW_ROLE_MANAGED("new-role-managed"),
        FAILS_ALL("FailsAll"),
        DENY_TRUST("DenyTrust");

        final String folder;

        Case(String folder) {
            this.folder = folder;
        }

        ExportSubject subject() {
            return switch (this) {
                case NEW_ROLE -> newRole(PermissionsMode.INLINE);
                case NEW_ROLE_MANAGED -> newRole(PermissionsMode.MANAGED);
                case FAILS_ALL -> fixtureRole("FailsAll");
                case DENY_TRUST -> fixtureRole("DenyTrust");
            };
        }

        boolean existingRole() {
            return this == FAILS_ALL || this == DENY_TRUST;
        }

        String roleName() {
            return existingRole() ? folder : DEFAULT_ROLE;
        }
    }

    private ExportCases() {}

    static Exports exports() {
        ReferenceDocuments references = ReferenceDocuments.load();
        return new Exports(
                new WorkerDocuments(references, ReferenceDocuments.load().builtInCatalog()), VERSION);
    }

    static AppliancePrincipal appliance() {
        return AppliancePrincipal.parse(APPLIANCE);
    }

    static ExportSubject newRole(PermissionsMode mode) {
        return exports().forNewRole(NewRoleRequest.named(DEFAULT_ROLE), appliance(), AccountFacts.none(), mode);
    }

    static Path fixtureFile() {
        try {
            return Path.of(ExportCases.class
                    .getResource("/fixtures/authorization-details.json")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuthorizationDetails fixture() {
        return AuthorizationDetails.read(fixtureFile());
    }

    static ExportSubject fixtureRole(String name) {
        return fixtureRole(name, PermissionsMode.INLINE);
    }

    static ExportSubject fixtureRole(String name, PermissionsMode mode) {
        AuthorizationDetails account = fixture();
        return exports().forRole(account.role(name), appliance(), account.facts(), mode);
    }

    /** One role given as the JSON of get-account-authorization-details, for a trust policy the fixture lacks. */
    static ExportSubject roleWithTrust(String roleName, String trustPolicyJson) {
        String text = """
                {"RoleDetailList": [{
                  "Path": "/", "RoleName": "%s", "RoleId": "AROAEXAMPLEEXAMPLE01",
                  "Arn": "arn:aws:iam::444455556666:role/%s",
                  "AssumeRolePolicyDocument": %s,
                  "InstanceProfileList": [], "RolePolicyList": [], "AttachedManagedPolicies": [], "Tags": []
                }], "Policies": []}
                """.formatted(roleName, roleName, trustPolicyJson);
        AuthorizationDetails account = AuthorizationDetails.parse(text, "test input");
        return exports().forRole(account.role(roleName), appliance(), account.facts(), PermissionsMode.INLINE);
    }

    static String render(ExportSubject subject, ExportFormat format) {
        return exports().render(subject, format, Optional.empty());
    }

    static String render(Case c, ExportFormat format) {
        return render(c.subject(), format);
    }

    static String renderJson(Case c, JsonExport.Document document) {
        return exports().render(c.subject(), ExportFormat.JSON, Optional.ofNullable(document));
    }
}
