package com.workerrolewizard.emu;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * An account of real size written into an IAM endpoint (moto) through the plain SDK, as an admin's account would
 * look: roles on paths, inline policies, customer managed policies with several versions (the default not always
 * the newest), permissions boundaries, instance profiles, and ten kinds of role that pass or fail in different ways.
 */
public final class AccountSeed {
    public static final String APPLIANCE = "arn:aws:iam::123456789012:role/VeeamBackupImpersonation";
    private static final String PAGE =
            ReferenceDocuments.load().permissionsPolicy().toString();
    private static final String EC2 = "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":"
            + "\"ec2.amazonaws.com\"}}";
    private static final String VEEAM =
            "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"" + APPLIANCE + "\"}}";

    private AccountSeed() {}

    public static IamClient client(URI endpoint) {
        return IamClient.builder()
                .endpointOverride(endpoint)
                .region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    static String trust(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    /** The page's policy without the actions of one service. */
    static String pageWithout(String service) {
        return PAGE.replaceAll(",?\"" + service + ":[A-Za-z]+\"", "").replace("[,", "[");
    }

    /** Writes {@code roles} roles (names Worker00000...) and the policies they share. */
    public static void write(URI endpoint, int roles) throws Exception {
        try (IamClient iam = client(endpoint)) {
            iam.createRole(
                    r -> r.roleName("VeeamBackupImpersonation")
                            .assumeRolePolicyDocument(
                                    trust(
                                            "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"}}")));
            // A managed policy whose default is its third version (the page's), older versions partial.
            String versioned = iam.createPolicy(r ->
                            r.policyName("VeeamWorkerManaged").path("/veeam/").policyDocument(pageWithout("ssm")))
                    .policy()
                    .arn();
            iam.createPolicyVersion(r ->
                    r.policyArn(versioned).policyDocument(pageWithout("sqs")).setAsDefault(false));
            iam.createPolicyVersion(
                    r -> r.policyArn(versioned).policyDocument(PAGE).setAsDefault(true));
            // One whose default is the first, partial, version; the full one is not the default.
            String stale = iam.createPolicy(r -> r.policyName("StaleWorker").policyDocument(pageWithout("sqs")))
                    .policy()
                    .arn();
            iam.createPolicyVersion(r -> r.policyArn(stale).policyDocument(PAGE).setAsDefault(false));
            String noSsm = iam.createPolicy(
                            r -> r.policyName("BoundaryWithoutSsm")
                                    .policyDocument(
                                            policy(
                                                    "{\"Effect\":\"Allow\",\"Action\":[\"ec2messages:*\",\"iam:*\",\"sqs:*\",\"ssmmessages:*\"],\"Resource\":\"*\"}")))
                    .policy()
                    .arn();
            String open = iam.createPolicy(r -> r.policyName("BoundaryAll")
                            .policyDocument(policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}")))
                    .policy()
                    .arn();

            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < roles; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    role(iam, n, versioned, stale, noSsm, open);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
    }

    private static void role(IamClient iam, int n, String versioned, String stale, String noSsm, String open) {
        String name = String.format("Worker%05d", n);
        int kind = n % 10;
        String path = switch (n % 3) {
            case 0 -> "/";
            case 1 -> "/veeam/workers/";
            default -> "/team-" + (n % 7) + "/";
        };
        String trust = switch (kind) {
            case 4 -> trust(EC2);
            case 9 ->
                trust(
                        "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"}}");
            default -> trust(VEEAM, EC2);
        };
        iam.createRole(r -> r.roleName(name)
                .path(path)
                .assumeRolePolicyDocument(trust)
                .permissionsBoundary(kind == 2 ? noSsm : kind == 0 && n % 20 == 0 ? open : null));
        switch (kind) {
            case 0, 2, 3, 4 ->
                iam.putRolePolicy(r ->
                        r.roleName(name).policyName("VeeamWorkerPermissions").policyDocument(PAGE));
            case 1 -> iam.attachRolePolicy(r -> r.roleName(name).policyArn(versioned));
            case 5 -> iam.attachRolePolicy(r -> r.roleName(name).policyArn(stale));
            case 6 -> {
                iam.putRolePolicy(r ->
                        r.roleName(name).policyName("VeeamWorkerPermissions").policyDocument(PAGE));
                iam.putRolePolicy(
                        r -> r.roleName(name)
                                .policyName("Guard")
                                .policyDocument(
                                        policy(
                                                "{\"Sid\":\"NoInventory\",\"Effect\":\"Deny\",\"Action\":\"ssm:PutInventory\",\"Resource\":\"*\"}")));
            }
            case 7 ->
                iam.putRolePolicy(r -> r.roleName(name)
                        .policyName("Narrow")
                        .policyDocument(policy(
                                pageWithout("sqs")
                                        .substring(
                                                pageWithout("sqs").indexOf('[') + 1,
                                                pageWithout("sqs").lastIndexOf(']')),
                                "{\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"NotResource\":\"arn:aws:sqs:*:*:*\"}")));
            case 8 ->
                iam.putRolePolicy(r -> r.roleName(name)
                        .policyName("OfficeOnly")
                        .policyDocument(PAGE.replace(
                                "\"Effect\":\"Allow\"",
                                "\"Effect\":\"Allow\",\"Condition\":{\"IpAddress\":"
                                        + "{\"aws:SourceIp\":\"10.0.0.0/8\"}}")));
            default -> {}
        }
        if (kind != 3 && kind != 9) {
            iam.createInstanceProfile(r -> r.instanceProfileName(name).path(path));
            iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(name));
        }
    }
}
