package com.workerrolewizard.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyJson;

/** The documents themselves, printed the product's one way (the page's key order, four-space indentation). */
public final class JsonExport {
    public enum Document {
        TRUST,
        PERMISSIONS
    }

    private JsonExport() {}

    public static String render(ExportSubject subject, Document document) {
        if (document == Document.TRUST) {
            return PolicyJson.pretty(subject.trustPolicy());
        }
        if (document == Document.PERMISSIONS) {
            return PolicyJson.pretty(subject.permissionsPolicy());
        }
        ObjectNode both = Json.MAPPER.createObjectNode();
        both.set("trustPolicy", subject.trustPolicy());
        both.set("permissionsPolicy", subject.permissionsPolicy());
        return PolicyJson.pretty(both);
    }
}
