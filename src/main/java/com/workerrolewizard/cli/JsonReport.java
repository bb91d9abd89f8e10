package com.workerrolewizard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import java.util.List;

/** {@code check --format json}: the object of the outside contract, for scripts. */
final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    static String render(String appliance, List<RoleReport> reports) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("appliance", appliance);
        root.set("roles", roles(reports));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The check report cannot be written as JSON", e);
        }
    }

    /** The contract's {@code roles} array: one account's, or the whole report's. */
    static ArrayNode roles(List<RoleReport> reports) {
        ArrayNode roles = MAPPER.createArrayNode();
        for (RoleReport report : reports) {
            ObjectNode role = roles.addObject();
            role.put("role", report.role());
            role.put("arn", report.arn());
            ArrayNode requirements = role.putArray("requirements");
            for (RequirementResult result : report.requirements()) {
                ObjectNode requirement = requirements.addObject();
                requirement.put("id", result.id().id());
                requirement.put("status", result.status().name());
                requirement.put("detail", result.detail());
                if (result.id() == RequirementId.PERMISSIONS) {
                    ArrayNode missing = requirement.putArray("missing");
                    result.missing().forEach(missing::add);
                    ObjectNode reasons = requirement.putObject("reasons");
                    result.reasons().forEach(reasons::put);
                }
            }
        }
        return roles;
    }
}
