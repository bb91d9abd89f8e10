package com.workerrolewizard.app.export;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.export.ExportSubject;
import com.workerrolewizard.core.export.Exports;
import com.workerrolewizard.core.export.JsonExport;
import com.workerrolewizard.core.export.Rollout;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.report.CheckReport;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.validation.PlanValidation;
import com.workerrolewizard.files.AtomicFile;
import com.workerrolewizard.files.OutputTarget;
import com.workerrolewizard.journal.JournalEntry;
import com.workerrolewizard.journal.JournalRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What either face hands over: the documents, scripts and templates of a role's fix or of a new role, the check
 * report for a change ticket (Markdown or HTML, with what this tool applied from the journal), and the one way a file
 * is written (atomically, never over or through something that is not a regular file).
 */
public final class ExportWorkflow {
    /** The role a new role is named when nobody said otherwise. */
    public static final String DEFAULT_ROLE = "VeeamWorkerRole";

    private final Exports exports;

    public ExportWorkflow(Exports exports) {
        this.exports = exports;
    }

    /** A new role that passes all four requirements, planned without an account. */
    public ExportSubject forNewRole(NewRoleRequest request, AppliancePrincipal appliance, PermissionsMode mode) {
        return exports.forNewRole(request, appliance, AccountFacts.none(), mode);
    }

    /** A new role, planned with what the account tells about names already taken. */
    public ExportSubject forNewRole(
            Session session, NewRoleRequest request, AppliancePrincipal appliance, PermissionsMode mode) {
        return exports.forNewRole(request, appliance, session.account().facts(), mode);
    }

    /** The fix of a role of the account (its merged trust policy, the permissions it lacks). */
    public ExportSubject forRole(Session session, String role, AppliancePrincipal appliance, PermissionsMode mode) {
        return exports.forRole(
                session.account().role(role), appliance, session.account().facts(), mode);
    }

    /** A role's fix and its check, from one reading of the role. */
    public record CheckedExport(ExportSubject subject, RoleReport report) {}

    /** The fix of a role of the account, and the role checked against the catalog, read once for both. */
    public CheckedExport forRoleChecked(
            Session session, String role, AppliancePrincipal appliance, PermissionsMode mode, ActionCatalog catalog) {
        var snapshot = session.account().role(role);
        return new CheckedExport(
                exports.forRole(snapshot, appliance, session.account().facts(), mode),
                new com.workerrolewizard.core.requirement.RoleChecker(catalog).check(snapshot, appliance));
    }

    /**
     * The documents, every bundle and, for a role of the account, its check and check report, from one reading of the
     * role. A new role that the account has by now (the wizard's checklist created it) is exported as the role it is.
     *
     * @param catalog the actions the role is checked against
     */
    public ExportBundle export(ExportRequest request, ActionCatalog catalog) {
        Optional<CheckedExport> existing = existingRole(request, catalog);
        ExportSubject subject = existing.map(CheckedExport::subject)
                .orElseGet(() -> request.session()
                        .map(session ->
                                forNewRole(session, request.newRoleRequest(), request.appliance(), request.mode()))
                        .orElseGet(() -> forNewRole(request.newRoleRequest(), request.appliance(), request.mode())));
        Optional<RoleReport> checked = existing.map(CheckedExport::report);
        Map<ExportFormat, String> bundles = new EnumMap<>(ExportFormat.class);
        Map<ExportFormat, String> problems = new EnumMap<>(ExportFormat.class);
        renderAll(subject, bundles, problems);
        Map<ExportFormat, String> wholeRole = bundles;
        if (subject.existingRole()) {
            // Once a role passes, its own change is empty: the whole role, planned as new, is what another account
            // needs.
            wholeRole = new EnumMap<>(ExportFormat.class);
            renderAll(
                    forNewRole(
                            new NewRoleRequest(subject.roleName(), subject.path(), null, null, List.of(), null),
                            request.appliance(),
                            request.mode()),
                    wholeRole,
                    new EnumMap<>(ExportFormat.class));
        }
        Optional<String> markdown = checked.map(report -> checkReport(
                List.of(report),
                request.session(),
                request.session().orElseThrow().describe(),
                subject.applianceArn(),
                catalog.size() + " required actions from " + catalog.source(),
                false));
        return new ExportBundle(
                subject,
                render(subject, ExportFormat.JSON, Optional.of(JsonExport.Document.TRUST)),
                render(subject, ExportFormat.JSON, Optional.of(JsonExport.Document.PERMISSIONS)),
                bundles,
                problems,
                checked,
                markdown,
                request.session()
                        .map(s -> appliedChanges(s, subject.roleName()))
                        .orElse(List.of()),
                wholeRole,
                validation(request.session(), subject));
    }

    /** Access Analyzer on the two documents exported from a live account; otherwise why that was not done. */
    private static List<String> validation(Optional<Session> session, ExportSubject subject) {
        if (session.isEmpty()) {
            return PlanValidation.skipped("no account is signed in").lines();
        }
        return session.get()
                .validator()
                .map(v -> PlanValidation.ofExport(
                        subject.trustPolicy().toString(),
                        subject.permissionsPolicy().toString(),
                        v))
                .orElse(PlanValidation.skipped(session.get().describe() + " is an offline copy"))
                .lines();
    }

    /** Every bundle format of a subject; a format that cannot be made holds its reason instead. */
    private void renderAll(ExportSubject subject, Map<ExportFormat, String> into, Map<ExportFormat, String> problems) {
        for (ExportFormat format : ExportBundle.FORMATS) {
            try {
                into.put(format, render(subject, format, Optional.empty()));
            } catch (UserFacingException e) {
                problems.put(format, e.getMessage());
            }
        }
    }

    /** The role of the account to export, when there is one: the chosen role, or the new one if it exists by now. */
    private Optional<CheckedExport> existingRole(ExportRequest request, ActionCatalog catalog) {
        if (request.session().isEmpty()) {
            return Optional.empty();
        }
        Session session = request.session().get();
        String name = request.newRole() ? request.newRoleRequest().roleName() : request.role();
        if (name == null || name.isBlank()) {
            throw new UserFacingException("No role was chosen: choose the role to export, or describe a new one.");
        }
        Known<Boolean> exists = request.newRole() ? session.account().facts().roleExists(name) : Known.of(true);
        return exists.isKnown() && exists.value()
                ? Optional.of(forRoleChecked(session, name, request.appliance(), request.mode(), catalog))
                : Optional.empty();
    }

    public String render(ExportSubject subject, ExportFormat format, Optional<JsonExport.Document> only) {
        return exports.render(subject, format, only);
    }

    /** What a rollout export writes: the main text, and the files it refers to by a path relative to it. */
    public record RolloutFiles(String text, Map<Path, String> beside) {
        public RolloutFiles {
            beside = Map.copyOf(beside);
        }
    }

    /**
     * The StackSet script; with a target file, the template is a file beside it ({@code NAME-template.yaml}), else it
     * is embedded in the script.
     */
    public RolloutFiles stackSet(ExportSubject subject, Rollout targets, Optional<Path> to) {
        if (to.isEmpty()) {
            return new RolloutFiles(exports.renderStackSet(subject, targets, Optional.empty()), Map.of());
        }
        String name = to.get().getFileName().toString();
        String template =
                (name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name) + "-template.yaml";
        return new RolloutFiles(
                exports.renderStackSet(subject, targets, Optional.of(template)),
                Map.of(Path.of(template), exports.stackSetTemplate(subject)));
    }

    /** The folder, beside the root configuration, of the module that holds the one-account Terraform export. */
    public static final String TERRAFORM_MODULE = "worker-role";

    /** Terraform for many accounts, and its module (the one-account export) in {@code worker-role/main.tf}. */
    public RolloutFiles terraformAccounts(ExportSubject subject, Rollout targets) {
        return new RolloutFiles(
                exports.renderTerraformAccounts(subject, targets, "./" + TERRAFORM_MODULE),
                Map.of(
                        Path.of(TERRAFORM_MODULE, "main.tf"),
                        exports.render(subject, ExportFormat.TERRAFORM, Optional.empty())));
    }

    /**
     * Writes a rollout: the files beside it first (creating their folder), then the main file, so the main file never
     * refers to a file that is missing. Without {@code replace}, nothing is written when any of them exists.
     */
    public static void write(Path target, RolloutFiles rollout, boolean replace, boolean executable) {
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            // Refused as any export would be (its folder is missing or is no folder), before anything is written.
            write(target, rollout.text(), replace, executable);
        }
        if (!replace) {
            for (Path relative : rollout.beside().keySet()) {
                Path file = folder.resolve(relative);
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new SaveRefusedException(
                            SaveRefusedException.Reason.EXISTS,
                            file,
                            null,
                            file + " exists already: add --force to replace it, or choose another --output.");
                }
            }
        }
        for (Map.Entry<Path, String> file : rollout.beside().entrySet()) {
            Path at = folder.resolve(file.getKey());
            if (!Files.exists(at.getParent())) {
                try {
                    Files.createDirectories(at.getParent());
                } catch (IOException e) {
                    throw new SaveRefusedException(
                            SaveRefusedException.Reason.FAILED,
                            at.getParent(),
                            OutputTarget.reason(e),
                            "Cannot create folder " + at.getParent() + " (" + OutputTarget.reason(e)
                                    + "): check the folder's permissions.");
                }
            }
            write(at, file.getValue(), replace, false);
        }
        write(target, rollout.text(), replace, executable);
    }

    /**
     * The check report of these roles; with a live session, each role's section says what this tool applied to it.
     *
     * @param html an HTML page; else Markdown
     */
    public String checkReport(
            List<RoleReport> reports,
            Optional<Session> session,
            String account,
            String appliance,
            String catalog,
            boolean html) {
        Map<String, List<String>> applied = new LinkedHashMap<>();
        if (session.isPresent() && session.get().writable()) {
            reports.forEach(r -> applied.put(r.role(), appliedChanges(session.get(), r.role())));
        }
        CheckReport.Context context = new CheckReport.Context(appliance, account, catalog, Instant.now(), applied);
        return html ? CheckReport.html(reports, context) : CheckReport.markdown(reports, context);
    }

    /** The fixes and creations of this role the journal holds as applied and not undone, one line each. */
    public static List<String> appliedChanges(Session session, String role) {
        List<JournalRecord> records;
        try {
            records = session.journal().records();
        } catch (UserFacingException e) {
            return List.of();
        }
        String account = session.operator().account();
        Set<String> undone = records.stream()
                .filter(r -> "undo".equals(r.kind()) && r.undoes() != null)
                .map(JournalRecord::undoes)
                .collect(Collectors.toSet());
        return records.stream()
                .filter(r -> !"undo".equals(r.kind())
                        && !undone.contains(r.id())
                        && account.equals(r.account())
                        && role.equalsIgnoreCase(r.role())
                        && !r.applied().isEmpty())
                .map(r -> r.time() + ", " + r.kind() + ": "
                        + r.applied().stream().map(JournalEntry::action).collect(Collectors.joining(", ")))
                .toList();
    }

    /**
     * Writes a file atomically (a temporary file beside it, then one rename): at a new name, or over a regular file
     * when {@code replace} says so; never over or through a folder, a device, a FIFO or a symbolic link.
     */
    public static void write(Path target, String content, boolean replace, boolean executable) {
        try {
            OutputTarget.write(target, content, replace, executable ? AtomicFile.SCRIPT : AtomicFile.DOCUMENT);
        } catch (OutputTarget.RefusedException e) {
            Path at = e.target();
            throw switch (e.refusal()) {
                case FOLDER ->
                    new SaveRefusedException(
                            SaveRefusedException.Reason.FOLDER,
                            at,
                            null,
                            at + " is a folder: give a file name, such as " + at.resolve("worker-role.json") + ".");
                case NO_FOLDER ->
                    new SaveRefusedException(
                            SaveRefusedException.Reason.NO_FOLDER,
                            at,
                            e.detail(),
                            "Folder " + e.detail() + " does not exist: create it first or choose another --output.");
                case EXISTS ->
                    new SaveRefusedException(
                            SaveRefusedException.Reason.EXISTS,
                            at,
                            null,
                            at + " exists already: add --force to replace it, or choose another --output.");
                case SYMBOLIC_LINK ->
                    new SaveRefusedException(
                            SaveRefusedException.Reason.SYMBOLIC_LINK,
                            at,
                            e.detail(),
                            at
                                    + " is a symbolic link (to " + e.detail()
                                    + "): --output never writes through or over a link, "
                                    + "even with --force; give the file itself or choose another --output.");
                case NOT_A_FILE ->
                    new SaveRefusedException(
                            SaveRefusedException.Reason.NOT_A_FILE,
                            at,
                            e.detail(),
                            at
                                    + " is " + e.detail()
                                    + ", not a regular file: --output never replaces one, even with --force; "
                                    + "choose another --output.");
            };
        } catch (IOException e) {
            String why = OutputTarget.reason(e);
            throw new SaveRefusedException(
                    SaveRefusedException.Reason.FAILED,
                    target,
                    why,
                    "Cannot write " + target + " (" + why + "): check the folder's permissions and free space.");
        }
    }
}
