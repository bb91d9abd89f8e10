package com.workerrolewizard.app.role;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.aws.PlanExecutor;
import com.workerrolewizard.aws.Propagation;
import com.workerrolewizard.aws.UndoExecutor;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountSource;
import com.workerrolewizard.core.account.ApplianceSide;
import com.workerrolewizard.core.account.CallerIdentity;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.Progress;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.account.SimulatedAction;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.ApplianceAccessPlanner;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.FixPlanner;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.ApplianceAccessCheck;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.validation.Finding;
import com.workerrolewizard.core.validation.PlanValidation;
import com.workerrolewizard.journal.Journal;
import com.workerrolewizard.journal.JournalRecord;
import com.workerrolewizard.journal.UndoStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What either face does with a role, from check to undo: check it (or every role), plan its fix or its creation,
 * apply a plan once the person confirmed it (journaled first, every write re-reading what it merges into), check
 * again until IAM shows the change, and undo the newest applied plan after showing what undo will do.
 */
public final class RoleWorkflow {
    private final Session session;
    private final WorkerDocuments documents;
    private final Timing timing;
    private final Optional<Session> applianceSession;
    private final boolean validates;
    private FixPlan lastValidated;
    private PlanValidation lastValidation;

    public RoleWorkflow(Session session, WorkerDocuments documents) {
        this(session, documents, Timing.IAM);
    }

    public RoleWorkflow(Session session, WorkerDocuments documents, Timing timing) {
        this(session, documents, timing, Optional.empty(), true);
    }

    private RoleWorkflow(
            Session session,
            WorkerDocuments documents,
            Timing timing,
            Optional<Session> applianceSession,
            boolean validates) {
        this.session = session;
        this.documents = documents;
        this.timing = timing;
        this.applianceSession = applianceSession;
        this.validates = validates;
    }

    /** The same workflow without IAM Access Analyzer's validation of the documents it writes ({@code --no-validate}). */
    public RoleWorkflow withoutValidation() {
        return new RoleWorkflow(session, documents, timing, applianceSession, false);
    }

    /**
     * What IAM Access Analyzer says about every document {@code plan} would write: shown before anything is written;
     * an {@code ERROR} stops {@link #apply}. The last plan's answer is kept, so showing it and applying ask once.
     */
    public synchronized PlanValidation validate(FixPlan plan) {
        if (lastValidated == plan) {
            return lastValidation;
        }
        PlanValidation validation;
        if (!validates) {
            validation = PlanValidation.skipped("--no-validate");
        } else if (session.validator().isEmpty()) {
            validation = PlanValidation.skipped(session.describe() + " is an offline copy; sign in to the account to "
                    + "have the documents validated");
        } else {
            validation = PlanValidation.of(plan, session.validator().get());
        }
        lastValidated = plan;
        lastValidation = validation;
        return validation;
    }

    /**
     * The same workflow, reading the appliance's side ({@code appliance-access}) from {@code applianceSession}, signed
     * in to the appliance's account, instead of from the account checked.
     */
    public RoleWorkflow withApplianceSession(Session applianceSession) {
        return new RoleWorkflow(session, documents, timing, Optional.of(applianceSession), validates);
    }

    public RoleReport check(String role, AppliancePrincipal appliance) {
        RoleSnapshot snapshot = session.account().role(role);
        return new RoleChecker(documents.catalog())
                .check(
                        snapshot,
                        appliance,
                        applianceSides(appliance, List.of(snapshot)).get(snapshot.arn()));
    }

    /**
     * The appliance's side for each role, where its Impersonation role is in this account: read once, and the
     * simulator asked once for all of them. Empty where the appliance's account cannot be read here.
     */
    private Map<String, Optional<ApplianceSide>> applianceSides(
            AppliancePrincipal appliance, List<RoleSnapshot> roles) {
        Map<String, Optional<ApplianceSide>> sides = new HashMap<>();
        AccountSource account = applianceSession.map(Session::account).orElse(session.account());
        Optional<Known<RoleSnapshot>> applianceRole = account.applianceRole(appliance);
        if (applianceRole.isEmpty() && applianceSession.isPresent()) {
            throw new UserFacingException(applianceSession.get().describe() + " is not the appliance's account"
                    + appliance.role().map(r -> " (" + r.account() + ")").orElse("")
                    + (appliance.isAccount()
                            ? ": --appliance-profile needs the Impersonation role's ARN as --appliance."
                            : ": give a profile of that account as --appliance-profile."));
        }
        Map<String, Known<SimulatedAction>> simulated =
                applianceRole.isPresent() && applianceRole.get().isKnown()
                        ? account.simulateAssume(
                                applianceRole.get().value().arn(),
                                roles.stream().map(RoleSnapshot::arn).toList())
                        : Map.of();
        for (RoleSnapshot role : roles) {
            sides.put(
                    role.arn(),
                    applianceRole.map(r -> new ApplianceSide(r, Optional.ofNullable(simulated.get(role.arn())))));
        }
        return sides;
    }

    /** The role's report, or empty when the account says it does not exist (yet, or any more). */
    public Optional<RoleReport> checkIfExists(String role, AppliancePrincipal appliance) {
        Known<Boolean> exists = session.account().facts().roleExists(role);
        if (exists.isKnown() && !exists.value()) {
            return Optional.empty();
        }
        return Optional.of(check(role, appliance));
    }

    /** Every role of the account, telling {@code progress} how far it has come. */
    public List<RoleReport> checkAll(AppliancePrincipal appliance, Progress progress) {
        RoleChecker checker = new RoleChecker(documents.catalog());
        List<RoleSnapshot> roles = session.account().allRoles(progress);
        Map<String, Optional<ApplianceSide>> sides = applianceSides(appliance, roles);
        return roles.stream()
                .map(role -> checker.check(role, appliance, sides.get(role.arn())))
                .toList();
    }

    public FixPlan planFix(String role, AppliancePrincipal appliance, PermissionsMode mode) {
        return planFix(role, appliance, mode, false);
    }

    /**
     * The role's fix; with {@code includeAppliance}, also the appliance side's (an inline policy on the Impersonation
     * role allowing sts:AssumeRole on this role), which is never planned unasked: it changes another role.
     */
    public FixPlan planFix(String role, AppliancePrincipal appliance, PermissionsMode mode, boolean includeAppliance) {
        RoleSnapshot snapshot = session.account().role(role);
        FixPlan plan = new FixPlanner(documents)
                .planFix(snapshot, appliance, session.account().facts(), mode);
        Optional<ApplianceSide> side =
                applianceSides(appliance, List.of(snapshot)).get(snapshot.arn());
        if (side.isEmpty()) {
            return includeAppliance
                    ? plan.withBlocker(
                            "--include-appliance: the appliance's own role cannot be read here (give its ARN "
                                    + "as --appliance; in another account, add --appliance-profile), so nothing is planned "
                                    + "for it.")
                    : plan;
        }
        boolean fixable = ApplianceAccessCheck.fixableByAllow(snapshot, appliance, side.get());
        if (!includeAppliance) {
            return fixable
                    ? plan.withNote("appliance-access fails: the appliance role " + appliance.arn() + " may not call "
                            + "sts:AssumeRole on this role. Add --include-appliance to give it that right too (in the "
                            + "wizard: the appliance row's own Fix).")
                    : plan;
        }
        if (applianceSession.isPresent() && fixable) {
            return plan.withBlocker("--include-appliance: the appliance role is in account " + appliance.account()
                    + ", which this fix does not write to: add to it an inline policy allowing sts:AssumeRole on "
                    + snapshot.arn() + " (export --format json --document appliance prints it).");
        }
        return ApplianceAccessPlanner.plan(plan, snapshot, appliance, side.get());
    }

    public FixPlan planNewRole(NewRoleRequest request, AppliancePrincipal appliance, PermissionsMode mode) {
        return new FixPlanner(documents)
                .planNewRole(request, appliance, session.account().facts(), mode);
    }

    /** The fix of the role when it exists, else its creation as {@code request} describes (or by name only). */
    public FixPlan plan(
            String role, Optional<NewRoleRequest> request, AppliancePrincipal appliance, PermissionsMode mode) {
        Known<Boolean> exists = session.account().facts().roleExists(role);
        if (!exists.isKnown() || exists.value()) {
            return planFix(role, appliance, mode);
        }
        return planNewRole(
                request.filter(r -> r.roleName().equals(role)).orElse(NewRoleRequest.named(role)), appliance, mode);
    }

    /** Opens the journal now, so that a journal that cannot be used stops a run before anything is shown or written. */
    public Journal requireUsableJournal() {
        return session.journal();
    }

    /**
     * Applies a plan once {@code confirmation} says yes: nothing is written before. An empty plan needs no yes. The
     * role is then checked again until IAM shows the change (or the time is up).
     */
    public ApplyResult apply(FixPlan plan, AppliancePrincipal appliance, Confirmation confirmation) {
        if (!session.writable()) {
            throw new UserFacingException(
                    session.describe() + " is an offline copy of the account and cannot be changed: "
                            + "sign in to the account itself to apply the plan.");
        }
        Journal journal = requireUsableJournal();
        if (!plan.runnable()) {
            throw new UserFacingException(
                    "The plan breaks IAM limits, so nothing was changed: " + String.join(" ", plan.problems()));
        }
        List<Finding> blocking = plan.empty() ? List.of() : validate(plan).blocking();
        if (!blocking.isEmpty()) {
            throw new UserFacingException("IAM Access Analyzer finds "
                    + (blocking.size() == 1 ? "an error" : blocking.size() + " errors")
                    + " in the documents of the plan, so nothing was changed: "
                    + String.join("; ", blocking.stream().map(Finding::line).toList()) + ".");
        }
        if (plan.empty()) {
            return new ApplyResult(
                    true, Optional.empty(), Optional.of(recheck(plan, appliance)), false, Optional.empty());
        }
        CallerIdentity me = session.operator();
        if (!confirmation.confirm("Apply the " + plan.changes().size() + " changes above to account " + me.account()
                + " as " + me.arn() + "?")) {
            return ApplyResult.declined();
        }
        ApplyOutcome outcome = new PlanExecutor(session.clients(), journal, documents, timing.propagation())
                .apply(plan, appliance, me);
        if (!outcome.complete()) {
            return new ApplyResult(true, Optional.of(outcome), Optional.empty(), false, Optional.of(journal.file()));
        }
        RoleReport after = recheck(plan, appliance);
        return new ApplyResult(
                true,
                Optional.of(outcome),
                Optional.of(after),
                !after.holds() && plan.blockers().isEmpty(),
                Optional.of(journal.file()));
    }

    /** What the appliance needs of a role that holds every requirement (its ARN, its instance profiles); else empty. */
    public Optional<ReadyRole> ready(RoleReport report) {
        if (!report.holds() || report.arn() == null) {
            return Optional.empty();
        }
        var profiles = session.account().role(report.role()).instanceProfiles();
        return Optional.of(new ReadyRole(
                report.role(),
                report.arn(),
                profiles.isKnown()
                        ? profiles.value().stream()
                                .map(com.workerrolewizard.core.account.InstanceProfileRef::name)
                                .toList()
                        : List.of()));
    }

    /** Checks again until the role holds; a plan with blockers cannot make it hold, so once is enough. */
    private RoleReport recheck(FixPlan plan, AppliancePrincipal appliance) {
        if (!plan.blockers().isEmpty()) {
            return check(plan.role(), appliance);
        }
        return timing.recheck().until(() -> check(plan.role(), appliance));
    }

    /** The journal file this account's writes go to. */
    public java.nio.file.Path journalFile() {
        return session.journal().file();
    }

    /** Whether the journal holds an applied plan that no undo has reverted yet. */
    public boolean canUndo() {
        return session.journal().lastUndoable().isPresent();
    }

    /**
     * What undo would revert, or empty when nothing is left to undo. One sentence when the plan to undo is of another
     * account than the one signed in, or another process is still applying it.
     */
    public Optional<UndoPlan> undoPlan() {
        Journal journal = session.journal();
        return lastToUndo(journal).map(record -> {
            List<UndoStep> steps = UndoStep.plan(record);
            return new UndoPlan(
                    record.kind(),
                    record.role(),
                    record.account(),
                    record.time(),
                    steps.stream()
                            .map(step -> step.action() + ": " + step.summary()
                                    + (step.uncertain()
                                            ? " (the outcome of "
                                                    + step.reverts().action()
                                                    + " is unknown: undo first checks whether it landed)"
                                            : ""))
                            .toList(),
                    steps.stream().anyMatch(s -> s.action().equals("DeleteRole")),
                    journal.file(),
                    record.id());
        });
    }

    /**
     * Reverts the newest applied plan once {@code confirmation} says yes; empty when there is nothing to undo (or the
     * person said no).
     */
    public Optional<ApplyOutcome> undo(Confirmation confirmation) {
        Journal journal = session.journal();
        Optional<JournalRecord> last = lastToUndo(journal);
        if (last.isEmpty()
                || !confirmation.confirm(
                        "Undo these " + UndoStep.plan(last.get()).size() + " changes in account "
                                + last.get().account() + "?")) {
            return Optional.empty();
        }
        return Optional.of(new UndoExecutor(session.clients(), journal, timing.propagation()).undo(last.get()));
    }

    /**
     * Reverts the plan the person saw in {@code shown} and confirmed there; when the journal's newest applied plan is
     * another one by now (another window or the command line applied or undid something), nothing is written.
     */
    public Optional<ApplyOutcome> undo(UndoPlan shown) {
        return undo(question -> {
            Optional<JournalRecord> last =
                    session.journal().lastUndoable(session.operator().account());
            if (last.isEmpty() || !last.get().id().equals(shown.record())) {
                throw new UserFacingException("The journal changed since undo was shown (another window or command "
                        + "applied or undid a change), so nothing was undone: press Undo again to see what it would "
                        + "revert now.");
            }
            return true;
        });
    }

    /**
     * The newest applied plan of the signed-in account, when no other process still applies it (the journal holds the
     * plans of every account a fix went into; each account's are undone in its own session). When only other accounts
     * have plans to undo, one sentence names the newest of them.
     */
    private Optional<JournalRecord> lastToUndo(Journal journal) {
        CallerIdentity me = session.operator();
        Optional<JournalRecord> mine = journal.lastUndoable(me.account());
        if (mine.isEmpty()) {
            journal.lastUndoable().ifPresent(other -> {
                throw new UserFacingException("The last applied plan changed account " + other.account()
                        + ", but you are signed in to " + me.account() + ": sign in to that account to undo it, or "
                        + "give undo --account " + other.account() + ".");
            });
        }
        mine.ifPresent(UndoExecutor::requireSettled);
        return mine;
    }

    /**
     * How long to wait for IAM: after a create (reads and writes that name the new entity) and after a plan (the
     * re-check). Tests against an endpoint that shows every write at once shorten both.
     */
    public record Timing(Recheck recheck, java.time.Duration propagationWait, java.time.Duration propagationPause) {
        public static final Timing IAM =
                new Timing(Recheck.IAM, Propagation.IAM.maxWait(), Propagation.IAM.firstPause());

        Propagation propagation() {
            return new Propagation(propagationWait, propagationPause);
        }
    }
}
