package com.workerrolewizard.core.export;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vendor page's three JSON documents, read from {@code ../shared/seed} (system property {@code shared.dir}),
 * independently of the product's own reference files. Where the page is absent (a user's clone) the tests that
 * need it are skipped; {@link SharedFolder} prints a visible message saying so.
 */
final class SeedPage {
    static final String ROLE_ARN_PLACEHOLDER = "<Role ARN>";
    /** Strict JSON: one document, nothing after it, key order kept (ObjectNode is insertion-ordered). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static List<ObjectNode> cached;

    private final List<ObjectNode> blocks;

    private SeedPage(List<ObjectNode> blocks) {
        this.blocks = blocks;
    }

    /** The page, or an aborted (skipped) test where it is not here. */
    static SeedPage require() {
        Optional<Path> page = SharedFolder.seedPage();
        assumeTrue(
                page.isPresent(),
                "SKIPPED: the vendor page (../shared/seed/worker-iam-role-permissions.txt) is not "
                        + "here, so the documents are not compared with it");
        if (cached == null) {
            try {
                cached = blocks(Files.readString(page.get(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SeedPage(cached);
    }

    /** The page where it is here; no test is skipped (callers fall back to something else). */
    static Optional<SeedPage> find() {
        Optional<Path> page = SharedFolder.seedPage();
        return page.isPresent() ? Optional.of(require()) : Optional.empty();
    }

    /** JSON blocks: from a line that is just "{" to the line where the braces balance; U+00A0 indentation becomes spaces. */
    static List<ObjectNode> blocks(String page) throws IOException {
        List<ObjectNode> blocks = new ArrayList<>();
        StringBuilder block = null;
        int depth = 0;
        for (String line : page.lines().toList()) {
            if (block == null && line.replace('\u00A0', ' ').strip().equals("{")) {
                block = new StringBuilder();
                depth = 0;
            }
            if (block == null) {
                continue;
            }
            block.append(line).append('\n');
            for (char c : line.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth == 0) {
                blocks.add((ObjectNode) JSON.readTree(block.toString().replace('\u00A0', ' ')));
                block = null;
            }
        }
        if (blocks.size() != 3) {
            throw new IllegalStateException("The page should hold 3 JSON documents, found " + blocks.size());
        }
        return blocks;
    }

    /** The page's appliance trust policy with {@code <Role ARN>} replaced. */
    ObjectNode applianceTrust(String applianceArn) {
        ObjectNode document = blocks.get(0).deepCopy();
        ObjectNode principal = (ObjectNode) document.get("Statement").get(0).get("Principal");
        if (!principal.get("AWS").asText().equals(ROLE_ARN_PLACEHOLDER)) {
            throw new IllegalStateException("The page's appliance statement no longer names " + ROLE_ARN_PLACEHOLDER);
        }
        principal.put("AWS", applianceArn);
        return document;
    }

    ObjectNode ec2Trust() {
        return blocks.get(1).deepCopy();
    }

    ObjectNode applianceStatement(String applianceArn) {
        return (ObjectNode) applianceTrust(applianceArn).get("Statement").get(0);
    }

    ObjectNode ec2Statement() {
        return (ObjectNode) ec2Trust().get("Statement").get(0);
    }

    /** One trust policy holding both of the page's statements, appliance first (as the contract says). */
    ObjectNode trustPolicy(String applianceArn) {
        ObjectNode document = applianceTrust(applianceArn);
        ArrayNode statements = (ArrayNode) document.get("Statement");
        statements.add(ec2Statement());
        return document;
    }

    ObjectNode permissionsPolicy() {
        return blocks.get(2).deepCopy();
    }

    /** The actions of the page's permissions statement, in the page's order. */
    List<String> actions() {
        List<String> actions = new ArrayList<>();
        blocks.get(2).get("Statement").get(0).get("Action").forEach(a -> actions.add(a.asText()));
        return actions;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not one valid JSON document: " + e.getMessage() + "\n" + json, e);
        }
    }
}
