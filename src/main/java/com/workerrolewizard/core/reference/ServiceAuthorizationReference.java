package com.workerrolewizard.core.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.core.evaluation.ResourceTypes;
import com.workerrolewizard.core.policy.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resource types of the page's actions, from AWS's Service Authorization Reference, shipped as data beside
 * the catalog ({@code reference/action-resources.json}, with its source). They tell how far an Allow's
 * {@code NotResource} reaches: {@code arn:aws:sqs:*:*:*} takes away every queue {@code sqs:SendMessage} could
 * send to, and nothing from {@code sqs:ListQueues}, which acts on no resource type.
 */
public final class ServiceAuthorizationReference implements ResourceTypes {
    private static final ServiceAuthorizationReference BUILT_IN = load();

    private final String source;
    private final Map<String, List<ResourceType>> byAction;

    private ServiceAuthorizationReference(String source, Map<String, List<ResourceType>> byAction) {
        this.source = source;
        this.byAction = Map.copyOf(byAction);
    }

    public static ServiceAuthorizationReference builtIn() {
        return BUILT_IN;
    }

    public String source() {
        return source;
    }

    /** Action names compare without regard to case, as IAM compares them. */
    @Override
    public Optional<List<ResourceType>> of(String action) {
        return Optional.ofNullable(byAction.get(action.toLowerCase(Locale.ROOT)));
    }

    private static ServiceAuthorizationReference load() {
        try (InputStream in =
                ServiceAuthorizationReference.class.getResourceAsStream("/reference/action-resources.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "The reference data action-resources.json is missing from the program.");
            }
            JsonNode root = Json.MAPPER.readTree(in);
            Map<String, String> formats = new HashMap<>();
            root.path("resourceTypes")
                    .fields()
                    .forEachRemaining(f -> formats.put(f.getKey(), f.getValue().asText()));
            Map<String, List<ResourceType>> byAction = new HashMap<>();
            root.path("actions").fields().forEachRemaining(action -> {
                List<ResourceType> types = new ArrayList<>();
                for (JsonNode type : action.getValue()) {
                    String format = formats.get(type.asText());
                    if (format == null) {
                        throw new IllegalStateException(
                                "action-resources.json names resource type " + type + " without its ARN format.");
                    }
                    types.add(new ResourceType(type.asText(), format));
                }
                byAction.put(action.getKey().toLowerCase(Locale.ROOT), List.copyOf(types));
            });
            return new ServiceAuthorizationReference(root.path("source").asText(), byAction);
        } catch (IOException e) {
            throw new UncheckedIOException("The reference data action-resources.json cannot be read", e);
        }
    }
}
