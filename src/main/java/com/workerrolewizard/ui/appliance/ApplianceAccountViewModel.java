package com.workerrolewizard.ui.appliance;

import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.WizardState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The appliance's own account, for {@code appliance-access} when the Impersonation role is in another account than
 * the one signed in to: entered by assuming a role there (the organization's {@code OrganizationAccountAccessRole} by
 * default) with the signed-in identity, off the FX thread. Optional: without it the checklist says why the fifth
 * result is not listed. A new sign-in or another appliance lets go of the account entered.
 */
public final class ApplianceAccountViewModel {
    /** Enters {@code account} as {@code role} from {@code base}: {@code Sessions.enter} in the application. */
    public interface Entry {
        Session enter(Session base, String account, String role);
    }

    private final WizardState state;
    private final Background background;
    private final Entry entry;
    private final BooleanProperty needed = new SimpleBooleanProperty();
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty(AccountTargets.DEFAULT_ROLE);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ApplianceAccountViewModel(WizardState state, Background background, Entry entry) {
        this.state = state;
        this.background = background;
        this.entry = entry;
        state.session.addListener((o, was, is) -> refresh());
        state.appliance.addListener((o, was, is) -> refresh());
        state.generateOnly.addListener((o, was, is) -> refresh());
    }

    /**
     * Whether the appliance's role is in another account than the signed-in one: the caller's account is read in the
     * background (it is cached by then, but the FX thread never risks a call).
     */
    private void refresh() {
        release();
        error.set("");
        status.set("");
        Session session = state.session.get();
        AppliancePrincipal appliance = state.appliance.get();
        String wanted = appliance == null || appliance.isAccount()
                ? null
                : appliance.role().map(r -> r.account()).orElse(null);
        if (session == null || session.offline() || state.generateOnly.get() || wanted == null) {
            needed.set(false);
            return;
        }
        background.run(
                () -> session.operator().account(),
                home -> {
                    if (state.session.get() == session && state.appliance.get() == appliance) {
                        account.set(wanted);
                        needed.set(!home.equals(wanted));
                    }
                },
                e -> needed.set(false));
    }

    /** Enters the appliance's account as the role given, and checks it is that account. */
    public void enter() {
        Session base = state.session.get();
        AppliancePrincipal appliance = state.appliance.get();
        String name = role.get() == null ? "" : role.get().strip();
        if (base == null || !needed.get()) {
            return;
        }
        if (name.isEmpty()) {
            error.set(Texts.get("applianceAccount.noRole"));
            return;
        }
        String wanted = account.get();
        busy.set(true);
        error.set("");
        background.run(
                () -> {
                    Session entered = entry.enter(base, wanted, name);
                    entered.operator(); // read here, never on the FX thread
                    return entered;
                },
                entered -> {
                    busy.set(false);
                    if (state.session.get() != base || state.appliance.get() != appliance) {
                        entered.close(); // signed in again or another appliance meanwhile
                        return;
                    }
                    release();
                    state.applianceSession.set(entered);
                    status.set(Texts.get(
                            "applianceAccount.entered",
                            wanted,
                            entered.operator().arn()));
                },
                e -> {
                    busy.set(false);
                    error.set(Problems.describe(e));
                });
    }

    /** Closes the account entered, if any. */
    private void release() {
        Session was = state.applianceSession.get();
        if (was != null) {
            state.applianceSession.set(null);
            background.run(
                    () -> {
                        was.close();
                        return null;
                    },
                    done -> {},
                    e -> {});
        }
    }

    /** The appliance is in another account than the signed-in one: the controls show. */
    public BooleanProperty needed() {
        return needed;
    }

    /** The appliance's account ID. */
    public StringProperty account() {
        return account;
    }

    /** The role to assume there. */
    public StringProperty role() {
        return role;
    }

    /** "Entered account 567890123456 as arn:aws:sts::…"; empty until then. */
    public StringProperty status() {
        return status;
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty busy() {
        return busy;
    }
}
