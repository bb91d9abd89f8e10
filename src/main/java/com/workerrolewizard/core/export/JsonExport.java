package com.workerrolewizard.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.plan.ApplianceAccessPlanner;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyJson;

/** The documents themselves, printed the product's one way (the page's key order, four-space indentation). */
public final class JsonExport {
    public enum Document {
        TRUST,
        PERMISSIONS,
        /** The appliance side: an inline policy for the Impersonation role, asked for on its own only. */
        APPLIANCE_ACCESS
    }

    private JsonExport() {}

    /**
     * The worker role's ARN: the role's own where the account is known; else the role by path and name in any
     * account of the appliance's partition, as the appliance enters it by name in every production account.
     */
    static String workerArn(ExportSubject subject) {
        if (subject.plan().roleArn() != null && !subject.plan().roleArn().isBlank()) {
            return subject.plan().roleArn();
        }
        String partition =
                Arn.parse(subject.applianceArn()).map(a -> a.partition().id()).orElse("aws");
        String path = subject.path() == null || subject.path().isEmpty() ? "/" : subject.path();
        return "arn:" + partition + ":iam::*:role" + path + subject.roleName();
    }

    public static String render(ExportSubject subject, Document document) {
        if (document == Document.TRUST) {
            return PolicyJson.pretty(subject.trustPolicy());
        }
        if (document == Document.PERMISSIONS) {
            return PolicyJson.pretty(subject.permissionsPolicy());
        }
        if (document == Document.APPLIANCE_ACCESS) {
            return PolicyJson.pretty(ApplianceAccessPlanner.document(workerArn(subject)));
        }
        ObjectNode both = Json.MAPPER.createObjectNode();
        both.set("trustPolicy", subject.trustPolicy());
        both.set("permissionsPolicy", subject.permissionsPolicy());
        return PolicyJson.pretty(both);
    }
}
