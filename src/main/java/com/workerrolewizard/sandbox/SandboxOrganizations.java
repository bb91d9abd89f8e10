package com.workerrolewizard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.policy.Json;
import java.io.IOException;
import java.util.List;

/**
 * AWS Organizations of the sandbox (JSON 1.1, the operation in {@code X-Amz-Target}): {@code DescribeOrganization},
 * {@code ListAccounts} and {@code ListAccountsForParent}, answered to the management account only, as AWS does
 * unless an account is a delegated administrator. Pages hold at most 20 accounts, Organizations' own maximum.
 */
final class SandboxOrganizations {
    static final String TARGET = "AWSOrganizationsV20161128.";
    private static final int MAX_PAGE = 20;
    private static final String ORGANIZATION = "o-sbx1example";

    private final SandboxOrganization organization;

    SandboxOrganizations(SandboxOrganization organization) {
        this.organization = organization;
    }

    String handle(String operation, byte[] body, String callerAccount) {
        JsonNode request = parse(body);
        String management = organization.home().id();
        if (!callerAccount.equals(management)) {
            throw new SandboxError(400, "AccessDeniedException", "You don't have permissions to access this resource.");
        }
        return switch (operation) {
            case "DescribeOrganization" -> describe(management).toString();
            case "ListAccounts" -> page(request, organization.all(), management).toString();
            case "ListAccountsForParent" -> {
                String parent = request.path("ParentId").asText("");
                if (!parent.equals(SandboxOrganization.ROOT) && !parent.equals(SandboxOrganization.PRODUCTION_UNIT)) {
                    throw new SandboxError(
                            400,
                            "ParentNotFoundException",
                            "We can't find a root or OU with the ParentId that you specified.");
                }
                yield page(
                                request,
                                organization.all().stream()
                                        .filter(m -> m.parent().equals(parent))
                                        .toList(),
                                management)
                        .toString();
            }
            default ->
                throw new SandboxError(
                        400,
                        "UnknownOperationException",
                        "The sandbox's Organizations serves DescribeOrganization, ListAccounts and "
                                + "ListAccountsForParent, not " + operation + ".");
        };
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new SandboxError(400, "SerializationException", "The request body is not valid JSON.");
        }
    }

    private static ObjectNode describe(String management) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ObjectNode org = answer.putObject("Organization");
        org.put("Id", ORGANIZATION);
        org.put("Arn", "arn:aws:organizations::" + management + ":organization/" + ORGANIZATION);
        org.put("FeatureSet", "ALL");
        org.put(
                "MasterAccountArn",
                "arn:aws:organizations::" + management + ":account/" + ORGANIZATION + "/" + management);
        org.put("MasterAccountId", management);
        org.put("MasterAccountEmail", "management@example.com");
        return answer;
    }

    private static ObjectNode page(JsonNode request, List<SandboxOrganization.Member> members, String management) {
        int size = Math.max(1, Math.min(MAX_PAGE, request.path("MaxResults").asInt(MAX_PAGE)));
        int from;
        try {
            from = request.hasNonNull("NextToken")
                    ? Integer.parseInt(request.get("NextToken").asText())
                    : 0;
        } catch (NumberFormatException e) {
            throw new SandboxError(400, "InvalidInputException", "The NextToken is not one this service handed out.");
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode accounts = answer.putArray("Accounts");
        for (SandboxOrganization.Member member :
                members.subList(Math.min(from, members.size()), Math.min(from + size, members.size()))) {
            ObjectNode account = accounts.addObject();
            account.put("Id", member.id());
            account.put("Arn", member.arn(management));
            account.put("Email", member.email());
            account.put("Name", member.name());
            account.put("Status", member.state());
            account.put("State", member.state());
            account.put("JoinedMethod", member.joinedMethod());
            account.put("JoinedTimestamp", 1.7e9);
        }
        if (from + size < members.size()) {
            answer.put("NextToken", String.valueOf(from + size));
        }
        return answer;
    }
}
