package com.workerrolewizard.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sandbox's accounts: the home (management) account first, then the members of its organization, each with its
 * own IAM and simulator. Members are added while the sandbox starts or by a test; reads take a copy.
 */
final class SandboxOrganization {
    /** The organization's root, and the one organizational unit the sandbox seeds its production accounts into. */
    static final String ROOT = "r-sbx1";

    static final String PRODUCTION_UNIT = "ou-sbx1-production";

    /** One account: how Organizations lists it, and what its IAM holds. */
    record Member(
            String id,
            String name,
            String email,
            String parent,
            String state,
            String joinedMethod,
            SandboxIam iam,
            SandboxSimulator simulator) {
        Member(String id, String name, String parent, String state, String joinedMethod, SandboxIam iam) {
            this(
                    id,
                    name,
                    name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "@example.com",
                    parent,
                    state,
                    joinedMethod,
                    iam,
                    new SandboxSimulator(iam.account));
        }

        String arn(String managementId) {
            return "arn:aws:organizations::" + managementId + ":account/o-sbx1example/" + id;
        }
    }

    private final List<Member> members = new ArrayList<>();

    SandboxOrganization(SandboxIam home) {
        members.add(new Member(home.account.id(), "Management", ROOT, "ACTIVE", "CREATED", home));
    }

    synchronized Member home() {
        return members.get(0);
    }

    synchronized void add(Member member) {
        if (member(member.id()).isPresent()) {
            throw new IllegalArgumentException("The sandbox already has account " + member.id());
        }
        members.add(member);
    }

    synchronized Optional<Member> member(String accountId) {
        return members.stream().filter(m -> m.id().equals(accountId)).findFirst();
    }

    /** The member holding a key's or an ARN's account; the home account for one the sandbox does not have. */
    Member of(String accountId) {
        return member(accountId).orElseGet(this::home);
    }

    synchronized List<Member> all() {
        return List.copyOf(members);
    }
}
