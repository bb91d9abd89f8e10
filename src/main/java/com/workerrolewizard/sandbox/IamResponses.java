package com.workerrolewizard.sandbox;

import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.policy.MalformedPolicyException;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What every IAM action of the sandbox does alike: required parameters and IAM's validation errors, documents
 * checked on the way in and URL-encoded on the way out, and lists paged with Marker and MaxItems.
 */
final class IamResponses {
    private IamResponses() {}

    static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null) {
            throw SandboxError.missing(name);
        }
        return value;
    }

    /** Refuses with IAM's ValidationError when a limit of {@link IamLimits} names a problem. */
    static void valid(Optional<String> problem) {
        problem.ifPresent(message -> {
            throw SandboxError.validation(message);
        });
    }

    /** The Path parameter, {@code /} when absent; refused when IAM would refuse it. */
    static String path(Map<String, String> p) {
        String path = p.getOrDefault("Path", "/");
        valid(IamLimits.path(path));
        return path;
    }

    /** The document as sent, once it parses as a policy of this kind; else IAM's MalformedPolicyDocument. */
    static String document(String text, PolicyKind kind) {
        try {
            PolicyDocument.parse(text, kind);
            return text;
        } catch (MalformedPolicyException e) {
            throw SandboxError.malformedPolicy(e.getMessage());
        }
    }

    /** A document's size as IAM's quotas count it: without white space. */
    static int size(String document) {
        return document.replaceAll("\\s", "").length();
    }

    /** As IAM sends documents: URL-encoded (RFC 3986: a space is %20, never +). */
    static String encode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One page of a list result: the list element with its members, IsTruncated, and the Marker of the next page. */
    static <T> String page(Map<String, String> p, int cap, String element, List<T> items, BiConsumer<Xml, T> member) {
        Page page = Page.of(p, items.size(), cap);
        return page.close(new Xml().list(element, page.of(items), member)).toString();
    }

    /**
     * Where a page starts and ends in a list of {@code total} items. The Marker is the index of the first item; a
     * page holds MaxItems (100 when absent) but never more than the cap.
     */
    record Page(int start, int end, int total) {
        static Page of(Map<String, String> p, int total, int cap) {
            int start = p.containsKey("Marker") ? Integer.parseInt(p.get("Marker")) : 0;
            int max = Math.min(Integer.parseInt(p.getOrDefault("MaxItems", "100")), cap);
            return new Page(start, Math.min(total, start + max), total);
        }

        <T> List<T> of(List<T> items) {
            return items.subList(Math.min(start, items.size()), end);
        }

        /** Ends a page's answer: whether more follows, and from where. */
        Xml close(Xml xml) {
            xml.text("IsTruncated", end < total);
            if (end < total) {
                xml.text("Marker", String.valueOf(end));
            }
            return xml;
        }
    }
}
