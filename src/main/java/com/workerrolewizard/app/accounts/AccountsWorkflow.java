package com.workerrolewizard.app.accounts;

import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.app.session.SourceRequest;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.signin.SignInPrompts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The same work in many accounts: each account entered (assume-role from the signed-in identity, or its own
 * profile), checked, and its session closed, {@link #IN_FLIGHT} accounts at a time. An account that cannot be entered
 * or read is one result with its problem; it never stops the others.
 */
public final class AccountsWorkflow {
    /** Accounts worked on at the same moment: each has its own clients and reads eight roles at a time itself. */
    static final int IN_FLIGHT = 6;

    private final Sessions sessions;
    private final WorkerDocuments documents;

    public AccountsWorkflow(Sessions sessions, WorkerDocuments documents) {
        this.sessions = sessions;
        this.documents = documents;
    }

    /** The accounts {@code targets} names: the organization's are listed with the signed-in identity. */
    public List<AccountRef> accounts(Session base, AccountTargets targets) {
        if (!targets.organization()) {
            return targets.named();
        }
        if (!base.writable()) {
            throw new UserFacingException("--accounts organization lists the accounts of a live organization: sign in "
                    + "to its management account (not an offline file or the sandbox).");
        }
        List<AccountRef> accounts = base.organizations().activeAccounts(targets.organizationalUnit());
        if (accounts.isEmpty()) {
            throw new UserFacingException("The organization"
                    + targets.organizationalUnit().map(u -> "'s unit " + u).orElse("") + " has no ACTIVE account.");
        }
        return accounts;
    }

    /**
     * Runs {@code work} (a check of one role, or of every role) in each account, in the order given.
     *
     * @param base the signed-in session; its own account is used directly
     */
    public List<AccountResult> check(
            Session base,
            List<AccountRef> accounts,
            AccountTargets targets,
            Function<RoleWorkflow, List<RoleReport>> work) {
        return check(base, accounts, targets, work, result -> {});
    }

    /**
     * The same, telling {@code arrived} of each account's result as soon as it is known (on the thread that worked on
     * it), so that a face can fill its matrix as results come in.
     */
    public List<AccountResult> check(
            Session base,
            List<AccountRef> accounts,
            AccountTargets targets,
            Function<RoleWorkflow, List<RoleReport>> work,
            Consumer<AccountResult> arrived) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(IN_FLIGHT, Math.max(1, accounts.size())), r -> {
            Thread thread = new Thread(r, "account");
            thread.setDaemon(true);
            return thread;
        });
        try {
            String home = base.operator().account();
            List<CompletableFuture<AccountResult>> results = new ArrayList<>();
            for (AccountRef account : accounts) {
                results.add(CompletableFuture.supplyAsync(
                        () -> {
                            AccountResult result = one(base, home, account, targets, work);
                            arrived.accept(result);
                            return result;
                        },
                        pool));
            }
            return results.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One account per profile, each signed in on its own. */
    public List<AccountResult> checkProfiles(
            SourceRequest like,
            List<String> profiles,
            SignInPrompts prompts,
            Function<RoleWorkflow, List<RoleReport>> work) {
        List<AccountResult> results = new ArrayList<>();
        for (String profile : profiles) {
            SourceRequest request = new SourceRequest(
                    Optional.empty(), Optional.of(profile), like.region(), like.endpointUrl(), false, Optional.empty());
            AccountRef named = new AccountRef("", "profile " + profile);
            try (Session session = sessions.open(request, prompts, () -> false, false)) {
                AccountRef account = new AccountRef(session.operator().account(), "profile " + profile);
                results.add(run(session, account, work));
            } catch (UserFacingException e) {
                results.add(new AccountResult(named, Optional.of(e.getMessage()), List.of()));
            }
        }
        return results;
    }

    /** One account's session, open until closed (the signed-in session itself is never closed here), or its problem. */
    public record Entered(AccountRef account, Optional<Session> session, Optional<String> problem, boolean owned)
            implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                session.ifPresent(Session::close);
            }
        }
    }

    /** Enters every account, in order, for work that spans a confirmation (a fix): the caller closes each. */
    public List<Entered> enterAll(Session base, List<AccountRef> accounts, AccountTargets targets) {
        String home = base.operator().account();
        List<Entered> entered = new ArrayList<>();
        for (AccountRef account : accounts) {
            if (account.id().equals(home)) {
                entered.add(new Entered(account, Optional.of(base), Optional.empty(), false));
                continue;
            }
            try {
                Session session = sessions.enter(base, account.id(), targets.assumeRole(), targets.externalId());
                entered.add(new Entered(account, Optional.of(session), Optional.empty(), true));
            } catch (UserFacingException e) {
                entered.add(new Entered(
                        account,
                        Optional.empty(),
                        Optional.of("Cannot enter account " + account.id() + " as " + targets.assumeRole() + ": "
                                + e.getMessage()),
                        false));
            }
        }
        return entered;
    }

    private AccountResult one(
            Session base,
            String home,
            AccountRef account,
            AccountTargets targets,
            Function<RoleWorkflow, List<RoleReport>> work) {
        if (account.id().equals(home)) {
            return run(base, account, work);
        }
        try (Session entered = sessions.enter(base, account.id(), targets.assumeRole(), targets.externalId())) {
            return run(entered, account, work);
        } catch (UserFacingException e) {
            return new AccountResult(
                    account,
                    Optional.of("Cannot enter account " + account.id() + " as " + targets.assumeRole() + ": "
                            + e.getMessage()),
                    List.of());
        }
    }

    private AccountResult run(Session session, AccountRef account, Function<RoleWorkflow, List<RoleReport>> work) {
        try {
            return new AccountResult(account, Optional.empty(), work.apply(new RoleWorkflow(session, documents)));
        } catch (UserFacingException e) {
            return new AccountResult(account, Optional.of(e.getMessage()), List.of());
        }
    }
}
