package com.workerrolewizard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.policy.PolicyKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The answers every IAM action of the sandbox shares: pages, required parameters, documents. */
class IamResponsesTest {
    private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

    private static String page(List<String> items, int cap, String... parameters) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            p.put(parameters[i], parameters[i + 1]);
        }
        return IamResponses.page(p, cap, "Items", items, (xml, item) -> xml.text("Name", item));
    }

    private static String members(String... names) {
        StringBuilder xml = new StringBuilder("<Items>");
        for (String name : names) {
            xml.append("<member><Name>").append(name).append("</Name></member>");
        }
        return xml.append("</Items>").toString();
    }

    @Test
    void aPageHoldsMaxItemsAndNamesTheMarkerOfTheNext() {
        assertThat(page(FIVE, 100, "MaxItems", "2"))
                .isEqualTo(members("a", "b") + "<IsTruncated>true</IsTruncated><Marker>2</Marker>");
        assertThat(page(FIVE, 100, "MaxItems", "2", "Marker", "2"))
                .isEqualTo(members("c", "d") + "<IsTruncated>true</IsTruncated><Marker>4</Marker>");
    }

    @Test
    void theLastPageIsNotTruncatedAndHasNoMarker() {
        assertThat(page(FIVE, 100, "MaxItems", "2", "Marker", "4"))
                .isEqualTo(members("e") + "<IsTruncated>false</IsTruncated>");
        assertThat(page(FIVE.subList(0, 4), 100, "MaxItems", "2", "Marker", "2"))
                .as("a page that ends exactly at the end")
                .isEqualTo(members("c", "d") + "<IsTruncated>false</IsTruncated>");
    }

    @Test
    void aMarkerAtOrPastTheEndGivesAnEmptyLastPage() {
        assertThat(page(FIVE, 100, "Marker", "5")).isEqualTo("<Items></Items><IsTruncated>false</IsTruncated>");
        assertThat(page(FIVE, 100, "Marker", "9")).isEqualTo("<Items></Items><IsTruncated>false</IsTruncated>");
    }

    @Test
    void anEmptyListIsOneEmptyPage() {
        assertThat(page(List.of(), 100)).isEqualTo("<Items></Items><IsTruncated>false</IsTruncated>");
        assertThat(page(List.of(), 3, "MaxItems", "10", "Marker", "0"))
                .isEqualTo("<Items></Items><IsTruncated>false</IsTruncated>");
    }

    @Test
    void aCapSmallerThanMaxItemsShortensEveryPageAndTheMarkersStillWalkTheWholeList() {
        List<String> ten = IntStream.range(0, 10).mapToObj(i -> "r" + i).toList();
        assertThat(page(ten, 3, "MaxItems", "8"))
                .isEqualTo(members("r0", "r1", "r2") + "<IsTruncated>true</IsTruncated><Marker>3</Marker>");
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            Map<String, String> p = new HashMap<>(Map.of("MaxItems", "8"));
            if (marker != null) {
                p.put("Marker", marker);
            }
            String xml = IamResponses.page(p, 3, "Items", ten, (member, item) -> seen.add(item));
            marker = xml.contains("<Marker>") ? xml.replaceAll(".*<Marker>(\\d+)</Marker>.*", "$1") : null;
            pages++;
        } while (marker != null);
        assertThat(seen).isEqualTo(ten);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void withoutMaxItemsAPageHoldsAHundred() {
        List<String> many = IntStream.range(0, 150).mapToObj(String::valueOf).toList();
        assertThat(page(many, 1000))
                .contains("<Name>99</Name>")
                .doesNotContain("<Name>100</Name>")
                .endsWith("<IsTruncated>true</IsTruncated><Marker>100</Marker>");
    }

    @Test
    void aMissingParameterIsIamsValidationErrorNamingIt() {
        assertThat(IamResponses.required(Map.of("RoleName", ""), "RoleName")).isEmpty();
        assertThatThrownBy(() -> IamResponses.required(Map.of(), "PolicyName"))
                .isInstanceOfSatisfying(SandboxError.class, e -> {
                    assertThat(e.status).isEqualTo(400);
                    assertThat(e.code).isEqualTo("ValidationError");
                    assertThat(e.getMessage())
                            .isEqualTo("1 validation error detected: Value null at 'PolicyName' failed "
                                    + "to satisfy constraint: Member must not be null");
                });
    }

    @Test
    void aLimitsProblemBecomesAValidationErrorWithItsSentence() {
        IamResponses.valid(Optional.empty());
        assertThatThrownBy(() -> IamResponses.valid(Optional.of("Name is too long.")))
                .isInstanceOfSatisfying(
                        SandboxError.class, e -> assertThat(e.code).isEqualTo("ValidationError"))
                .hasMessage("Name is too long.");
        assertThat(IamResponses.path(Map.of())).isEqualTo("/");
        assertThat(IamResponses.path(Map.of("Path", "/veeam/"))).isEqualTo("/veeam/");
        assertThatThrownBy(() -> IamResponses.path(Map.of("Path", "veeam")))
                .isInstanceOfSatisfying(
                        SandboxError.class, e -> assertThat(e.code).isEqualTo("ValidationError"));
    }

    @Test
    void documentsAreCheckedOnTheWayInAndUrlEncodedOnTheWayOut() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
        assertThat(IamResponses.document(trust, PolicyKind.TRUST)).isSameAs(trust);
        assertThatThrownBy(() -> IamResponses.document("{\"Statement\":", PolicyKind.TRUST))
                .isInstanceOfSatisfying(
                        SandboxError.class, e -> assertThat(e.code).isEqualTo("MalformedPolicyDocument"));
        assertThat(IamResponses.encode("{\"a\": \"b+c\"}")).isEqualTo("%7B%22a%22%3A%20%22b%2Bc%22%7D");
        assertThat(IamResponses.size("{ \"a\" :\n\t1 }")).isEqualTo(7);
    }
}
