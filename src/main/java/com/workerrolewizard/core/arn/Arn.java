package com.workerrolewizard.core.arn;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IAM ARN, {@code arn:PARTITION:iam::ACCOUNT:RESOURCE}. Only what this product needs: roles,
 * account roots, and enough of the rest to say what a principal is.
 */
public record Arn(Partition partition, String service, String region, String account, String resource) {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            return Optional.empty();
        }
        Optional<Partition> partition = Partition.of(parts[1]);
        if (partition.isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(partition.get(), parts[2], parts[3], parts[4], parts[5]));
    }

    private static final Pattern UNIQUE_ID = Pattern.compile("A(ROA|IDA|GPA|NPA|IPA|SIA|KIA)[A-Z0-9]{12,}");

    /** A unique ID (AROA..., AIDA...): what IAM shows in a policy in place of a principal that was deleted. */
    public static boolean isUniqueId(String text) {
        return text != null && UNIQUE_ID.matcher(text).matches();
    }

    public static boolean isAccountId(String text) {
        return text != null && ACCOUNT.matcher(text).matches();
    }

    public static Arn accountRoot(Partition partition, String account) {
        return new Arn(partition, "iam", "", account, "root");
    }

    public boolean isIam() {
        return service.equals("iam") && region.isEmpty() && isAccountId(account);
    }

    public boolean isAccountRoot() {
        return isIam() && resource.equals("root");
    }

    public boolean isRole() {
        return isIam()
                && resource.startsWith("role/")
                && resource.length() > "role/".length()
                && !resource.endsWith("/");
    }

    /** The role's name, the part after its path. */
    public String roleName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** The role's path, {@code /} when it has none. */
    public String rolePath() {
        String afterType = resource.substring("role".length());
        return afterType.substring(0, afterType.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "arn:" + partition.id() + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
