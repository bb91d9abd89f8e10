package com.workerrolewizard.core.export;

import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bash and PowerShell scripts share: for each operation of the plan, the AWS CLI arguments with
 * documents read from a file and the managed policy ARN taken from the account the script runs in.
 */
final class ScriptSteps {
    /** A word of a command line: a literal to quote, or a reference the script resolves at run time. */
    record Word(String text, boolean literal) {
        static Word literal(String text) {
            return new Word(text, true);
        }

        static Word reference(String name) {
            return new Word(name, false);
        }
    }

    static final String POLICY_ARN = "POLICY_ARN";

    private ScriptSteps() {}

    /** The file a document of this operation is written to before the call. */
    static String documentFile(IamOperation operation) {
        boolean trust = operation instanceof IamOperation.CreateRole
                || operation instanceof IamOperation.UpdateAssumeRolePolicy;
        return trust ? "trust-policy.json" : "permissions-policy.json";
    }

    /** {@code iam ...} arguments; {@code file:DOC} stands for the document file, {@code POLICY_ARN} for the ARN. */
    static List<Word> arguments(IamOperation operation) {
        String document = operation.document().map(Object::toString).orElse(null);
        List<Word> words = new ArrayList<>();
        words.add(Word.literal("iam"));
        List<String> args = operation.cliArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(document)) {
                words.add(Word.reference("file:" + documentFile(operation)));
            } else if (i > 0 && args.get(i - 1).equals("--policy-arn")) {
                words.add(Word.reference(POLICY_ARN));
            } else {
                words.add(Word.literal(arg));
            }
        }
        return words;
    }

    static boolean needsAccount(List<IamOperation> operations) {
        return operations.stream()
                .anyMatch(o -> o instanceof IamOperation.CreatePolicy || o instanceof IamOperation.AttachRolePolicy);
    }

    static String managedPolicyName(List<IamOperation> operations) {
        for (IamOperation operation : operations) {
            if (operation instanceof IamOperation.CreatePolicy create) {
                return create.policyName();
            }
            if (operation instanceof IamOperation.AttachRolePolicy attach) {
                return attach.policyArn().substring(attach.policyArn().lastIndexOf('/') + 1);
            }
        }
        return null;
    }

    /** The script's last words: what it did, and whether the role still fails for a reason it cannot fix. */
    static String closing(ExportSubject subject) {
        if (!subject.plan().blockers().isEmpty()) {
            return "Role " + subject.roleName() + " still does not meet every requirement: see NOT FIXED at the top of "
                    + "this script.";
        }
        return subject.plan().changes().isEmpty()
                ? "Role " + subject.roleName() + " needed no change."
                : "Done: role " + subject.roleName() + " has the changes of the plan.";
    }

    /** The JMESPath query that counts a role's instance profiles of this name (a raw string: \' stands for '). */
    static String profileQuery(String profile) {
        return "length(InstanceProfiles[?InstanceProfileName=='" + profile.replace("'", "\\'") + "'])";
    }

    /** A here-document end marker that no line of the text equals (JSON never has such a line; this makes sure). */
    static String endMarker(String preferred, String text) {
        java.util.Set<String> lines = new java.util.HashSet<>();
        text.lines().map(String::strip).forEach(lines::add);
        String marker = preferred;
        for (int i = 1; lines.contains(marker); i++) {
            marker = preferred + "_" + i;
        }
        return marker;
    }

    /** The script's comment lines at the top; outside values in them have their control characters escaped. */
    static List<String> header(ExportSubject subject, String comment) {
        List<String> lines = new ArrayList<>();
        lines.add(comment + " Worker Role Wizard " + subject.version() + ": makes IAM role "
                + ControlCharacters.escape(subject.roleName()) + " meet the four requirements of");
        lines.add(comment
                + " Veeam Backup for AWS worker roles (instance profile, appliance trust, EC2 trust, permissions).");
        lines.add(comment + " Appliance: " + ControlCharacters.escape(subject.applianceArn()));
        lines.add(comment + " Needs the AWS CLI v2 and credentials that may change IAM roles in the target account.");
        lines.add(comment
                + " Safe to run again: each step checks first or writes the same value; the first error stops it.");
        if (subject.existingRole()
                && subject.plan().operations().stream()
                        .anyMatch(o -> o instanceof IamOperation.UpdateAssumeRolePolicy)) {
            lines.add(comment
                    + " The trust policy below is the role's trust policy as it was read, with the page's missing");
            lines.add(
                    comment + " statements appended: if someone changed the role's trust policy since, export again.");
        }
        for (String blocker : subject.plan().blockers()) {
            lines.add(comment + " NOT FIXED by this script: " + ControlCharacters.escape(blocker));
        }
        return lines;
    }
}
