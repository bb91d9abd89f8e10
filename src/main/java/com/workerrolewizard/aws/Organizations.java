package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.policy.Json;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * AWS Organizations' {@code ListAccounts} and {@code ListAccountsForParent} (JSON 1.1, SigV4 for
 * {@code organizations} in us-east-1, the service's one region in the aws partition): the ACTIVE accounts of the
 * organization, or of one organizational unit. The endpoint override replaces it as for IAM and STS.
 */
public final class Organizations {
    private static final String TARGET = "AWSOrganizationsV20161128.";
    private final SignedJsonCall call;

    Organizations(SdkHttpClient http, AwsCredentialsProvider credentials, Optional<URI> override) {
        URI endpoint = override.or(() -> environment("AWS_ENDPOINT_URL_ORGANIZATIONS"))
                .or(() -> environment("AWS_ENDPOINT_URL"))
                .orElse(URI.create("https://organizations.us-east-1.amazonaws.com"));
        this.call = new SignedJsonCall(http, credentials, "organizations", "us-east-1", endpoint);
    }

    private static Optional<URI> environment(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.strip()));
    }

    /** The ACTIVE accounts, in the order Organizations lists them; of one OU when {@code unit} is given. */
    public List<AccountRef> activeAccounts(Optional<String> unit) {
        String operation = unit.isPresent() ? "ListAccountsForParent" : "ListAccounts";
        List<AccountRef> accounts = new ArrayList<>();
        String next = null;
        try {
            do {
                ObjectNode body = Json.MAPPER.createObjectNode();
                unit.ifPresent(u -> body.put("ParentId", u));
                if (next != null) {
                    body.put("NextToken", next);
                }
                JsonNode page = call.post(
                        "/",
                        Map.of(),
                        Map.of("X-Amz-Target", TARGET + operation),
                        "application/x-amz-json-1.1",
                        body.toString());
                for (JsonNode account : page.path("Accounts")) {
                    String state =
                            account.path("State").asText(account.path("Status").asText(""));
                    if (state.equals("ACTIVE")) {
                        accounts.add(new AccountRef(
                                account.path("Id").asText(),
                                account.path("Name").asText("")));
                    }
                }
                next = page.path("NextToken").asText(null);
            } while (next != null && !next.isEmpty());
        } catch (SignedJsonCall.Refused e) {
            throw new UserFacingException("Cannot list the accounts of the organization: organizations:" + operation
                    + " answered " + e.getMessage()
                    + (e.status == 400 || e.status == 403
                            ? ": sign in to the management account (or a delegated administrator) with that "
                                    + "permission, or name the accounts with --accounts ID,ID."
                            : "."));
        } catch (IOException | SdkException e) {
            throw new UserFacingException("Cannot list the accounts of the organization: "
                    + NetworkProblems.explain(e).orElse(String.valueOf(e.getMessage()))
                    + ": check the network, or name the accounts with --accounts ID,ID.");
        }
        return accounts;
    }
}
