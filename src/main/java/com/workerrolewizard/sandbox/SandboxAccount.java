package com.workerrolewizard.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What the sandbox account's IAM holds: roles and instance profiles by name (without case, as IAM compares them),
 * managed policies by ARN. This object is also the one lock of that state: every IAM call and every knob of
 * {@link Sandbox} holds it while it reads or changes the maps.
 */
final class SandboxAccount {
    private final String id;
    private final String partition;
    /** Seeded, so a sandbox hands out the same ids run after run. */
    private final Random ids = new Random(20261127);

    final Map<String, Role> roles = new LinkedHashMap<>();
    final Map<String, Profile> profiles = new LinkedHashMap<>();
    final Map<String, Policy> policies = new LinkedHashMap<>();
    /** Return at most this many items per page even when more are asked, as IAM may. */
    volatile int pageCap = 100;

    SandboxAccount(String id, String partition) {
        this.id = id;
        this.partition = partition;
    }

    /** What every IAM resource has: a name on a path, IAM's unique id, an ARN and the date it was made. */
    abstract static class Resource {
        final String name;
        final String path;
        final String id;
        final String arn;
        final String created = now();

        Resource(String name, String path, String id, String arn) {
            this.name = name;
            this.path = path;
            this.id = id;
            this.arn = arn;
        }
    }

    static final class Role extends Resource {
        String trust;
        String description;
        int maxSession = 3600;
        String boundary;
        final List<Tag> tags = new ArrayList<>();
        final Map<String, InlinePolicy> inline = new LinkedHashMap<>();
        final Set<String> attached = new LinkedHashSet<>();

        Role(String name, String path, String id, String arn) {
            super(name, path, id, arn);
        }
    }

    record Tag(String key, String value) {}

    record InlinePolicy(String name, String document) {}

    static final class Profile extends Resource {
        final List<Role> roles = new ArrayList<>();

        Profile(String name, String path, String id, String arn) {
            super(name, path, id, arn);
        }
    }

    static final class Policy extends Resource {
        String description;
        String defaultVersion = "v1";
        final Map<String, String> versions = new LinkedHashMap<>();
        int attachments;

        Policy(String name, String path, String id, String arn) {
            super(name, path, id, arn);
        }

        boolean awsManaged() {
            return arn.contains(":aws:policy/");
        }

        String defaultDocument() {
            return versions.get(defaultVersion);
        }
    }

    /** The account number. */
    String id() {
        return id;
    }

    /** The ARN of an IAM resource of this account: {@code type} is {@code role}, {@code policy}... */
    String arn(String type, String path, String name) {
        return "arn:" + partition + ":iam::" + id + ":" + type + path + name;
    }

    /** A new unique id as IAM makes them: a prefix that names the kind ({@code AROA}) and 17 characters. */
    String newId(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(alphabet.charAt(ids.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Names are unique without case in IAM: the key of a role or an instance profile. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    Role role(String name) {
        if (name == null || name.isEmpty()) {
            throw SandboxError.missing("roleName");
        }
        Role role = roles.get(key(name));
        if (role == null) {
            throw SandboxError.noSuchEntity("The role with name " + name + " cannot be found.");
        }
        return role;
    }

    Profile profile(String name) {
        Profile profile = name == null ? null : profiles.get(key(name));
        if (profile == null) {
            throw SandboxError.noSuchEntity("Instance Profile " + name + " cannot be found.");
        }
        return profile;
    }

    Policy policy(String arn) {
        Policy policy = arn == null ? null : policies.get(arn);
        if (policy == null) {
            throw SandboxError.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        return policy;
    }

    /** The instance profiles that hold this role. */
    List<Profile> profilesOf(Role role) {
        return profiles.values().stream()
                .filter(profile -> profile.roles.contains(role))
                .toList();
    }

    Optional<Role> findRole(String name) {
        return Optional.ofNullable(roles.get(key(name)));
    }

    synchronized Optional<Role> roleByArn(String arn) {
        return roles.values().stream().filter(r -> r.arn.equalsIgnoreCase(arn)).findFirst();
    }

    synchronized Optional<String> trustOf(String roleArn) {
        return roleByArn(roleArn).map(r -> r.trust);
    }

    synchronized int roleCount() {
        return roles.size();
    }
}
