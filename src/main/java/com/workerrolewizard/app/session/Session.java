package com.workerrolewizard.app.session;

import com.workerrolewizard.aws.AwsClients;
import com.workerrolewizard.aws.LiveAccount;
import com.workerrolewizard.aws.Organizations;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountSource;
import com.workerrolewizard.core.account.CallerIdentity;
import com.workerrolewizard.core.account.RoleSummary;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.validation.PolicyValidator;
import com.workerrolewizard.journal.Journal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An opened account: what the checks read (a live account, the sandbox, or an offline file), and for a live one the
 * clients its writes use and the journal they go to. Closing it releases the clients, stops a sandbox and removes a
 * sandbox's journal.
 */
public final class Session implements AutoCloseable {
    private final AccountSource account;
    private final LiveAccount live;
    private final AwsClients clients;
    private final Supplier<Path> journalFolder;
    private final boolean sandbox;
    private final Runnable closer;

    /** An offline, read-only source. */
    Session(AccountSource account) {
        this(account, null, null, null, false, () -> {});
    }

    Session(
            AccountSource account,
            LiveAccount live,
            AwsClients clients,
            Supplier<Path> journalFolder,
            boolean sandbox,
            Runnable closer) {
        this.account = account;
        this.live = live;
        this.clients = clients;
        this.journalFolder = journalFolder;
        this.sandbox = sandbox;
        this.closer = closer;
    }

    /** What the checks and plans read. */
    public AccountSource account() {
        return account;
    }

    /** A live account (the sandbox included) can be written; an offline file never. */
    public boolean writable() {
        return live != null;
    }

    public boolean offline() {
        return live == null;
    }

    public boolean sandbox() {
        return sandbox;
    }

    /** "the account of profile prod", "the sandbox account 123456789012", a file name. */
    public String describe() {
        return account.describe();
    }

    /** Who is signed in (STS's answer); a live account only. */
    public CallerIdentity operator() {
        return requireLive().callerIdentity();
    }

    /** Every role of a live account, page by page as they arrive. */
    public void listRoles(Consumer<List<RoleSummary>> onPage) {
        requireLive().listRoles(onPage);
    }

    /** The journal of this account's writes, opened (and checked) now; a live account only. */
    public Journal journal() {
        return Journal.open(journalFolder());
    }

    /** Where the journal is kept: the user's application data folder, or the sandbox's own temporary one. */
    public Path journalFolder() {
        requireLive();
        return journalFolder.get();
    }

    /** The gateway, for the application layer's workflows. */
    public LiveAccount live() {
        return requireLive();
    }

    public AwsClients clients() {
        requireLive();
        return clients;
    }

    private LiveAccount requireLive() {
        if (live == null) {
            throw new UserFacingException(account.describe() + " is an offline, read-only copy of the account: sign in "
                    + "to the account itself for this.");
        }
        return live;
    }

    @Override
    public void close() {
        closer.run();
    }

    /**
     * The same account, IAM's policy simulator asked about {@code catalog}'s actions: for a catalog chosen after
     * sign-in (the wizard), so that the simulator and the local evaluation judge the same actions. It shares this
     * session's clients and journal, and closing it closes this session too: keep it in place of this one. An offline
     * copy has no simulator, so it is returned as it is.
     */
    public Session withCatalog(ActionCatalog catalog) {
        if (live == null) {
            return this;
        }
        LiveAccount other = new LiveAccount(clients, catalog, live.describe());
        return new Session(other, other, clients, journalFolder, sandbox, () -> {
            other.close();
            close();
        });
    }

    /** IAM Access Analyzer's validation of documents before they are written: a live account (the sandbox too) only. */
    public Optional<PolicyValidator> validator() {
        return live == null ? Optional.empty() : Optional.of(clients.policyValidator());
    }

    /** AWS Organizations through this session's identity (a live account only). */
    public Organizations organizations() {
        return clients.organizations();
    }
}
