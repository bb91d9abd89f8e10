package com.workerrolewizard.core.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.policy.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendor page's three documents, read from the reference files shipped in the jar. Everything the
 * product generates starts from these trees, so key order and action order are the page's.
 */
public final class ReferenceDocuments {
    /** The page's placeholder for the appliance principal. */
    public static final String ROLE_ARN_PLACEHOLDER = "<Role ARN>";

    private final ObjectNode applianceTrust;
    private final ObjectNode ec2Trust;
    private final ObjectNode permissions;

    private ReferenceDocuments(ObjectNode applianceTrust, ObjectNode ec2Trust, ObjectNode permissions) {
        this.applianceTrust = applianceTrust;
        this.ec2Trust = ec2Trust;
        this.permissions = permissions;
    }

    public static ReferenceDocuments load() {
        return new ReferenceDocuments(
                resource("appliance-trust-policy.json"),
                resource("ec2-trust-policy.json"),
                resource("worker-permissions-policy.json"));
    }

    private static ObjectNode resource(String name) {
        try (InputStream in = ReferenceDocuments.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The reference document " + name + " is missing from the program.");
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The reference document " + name + " cannot be read", e);
        }
    }

    /** The page's appliance trust policy, with {@code <Role ARN>} as the page writes it. */
    public ObjectNode applianceTrustPolicy() {
        return applianceTrust.deepCopy();
    }

    public ObjectNode ec2TrustPolicy() {
        return ec2Trust.deepCopy();
    }

    public ObjectNode permissionsPolicy() {
        return permissions.deepCopy();
    }

    /** The 33 actions of the page, in the page's order. */
    public ActionCatalog builtInCatalog() {
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : permissions.withArray("Statement")) {
            JsonNode action = statement.get("Action");
            if (action instanceof ArrayNode array) {
                array.forEach(a -> actions.add(a.asText()));
            } else if (action != null) {
                actions.add(action.asText());
            }
        }
        return new ActionCatalog(ActionCatalog.BUILT_IN, actions);
    }
}
