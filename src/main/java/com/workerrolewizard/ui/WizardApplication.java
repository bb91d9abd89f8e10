package com.workerrolewizard.ui;

import com.workerrolewizard.app.WizardMemory;
import com.workerrolewizard.app.accounts.AccountsWorkflow;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.ui.accounts.AccountsChoiceView;
import com.workerrolewizard.ui.accounts.AccountsChoiceViewModel;
import com.workerrolewizard.ui.accounts.AccountsMatrixView;
import com.workerrolewizard.ui.accounts.AccountsMatrixViewModel;
import com.workerrolewizard.ui.accounts.ScopedStep;
import com.workerrolewizard.ui.accounts.ScopedStepView;
import com.workerrolewizard.ui.appliance.ApplianceView;
import com.workerrolewizard.ui.appliance.ApplianceViewModel;
import com.workerrolewizard.ui.appliance.CatalogChoiceViewModel;
import com.workerrolewizard.ui.checklist.ChecklistView;
import com.workerrolewizard.ui.checklist.ChecklistViewModel;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.export.ExportView;
import com.workerrolewizard.ui.export.ExportViewModel;
import com.workerrolewizard.ui.finish.FinishView;
import com.workerrolewizard.ui.finish.FinishViewModel;
import com.workerrolewizard.ui.role.NewRoleFormViewModel;
import com.workerrolewizard.ui.role.RoleStepViewModel;
import com.workerrolewizard.ui.role.RoleView;
import com.workerrolewizard.ui.signin.SignInView;
import com.workerrolewizard.ui.signin.SignInViewModel;
import com.workerrolewizard.ui.wizard.SystemTheme;
import com.workerrolewizard.ui.wizard.ThemeMenu;
import com.workerrolewizard.ui.wizard.ThemeViewModel;
import com.workerrolewizard.ui.wizard.WindowPlacement;
import com.workerrolewizard.ui.wizard.WizardState;
import com.workerrolewizard.ui.wizard.WizardStep;
import com.workerrolewizard.ui.wizard.WizardView;
import com.workerrolewizard.ui.wizard.WizardViewModel;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop wizard: six steps over the same core and gateway as the command line. */
public final class WizardApplication extends Application {
    private static volatile WizardContext context;
    /** The theme read before JavaFX started; null in tests, which start light (or as -D says). */
    private static volatile Boolean darkAtLaunch;

    private final WizardContext given;
    private WizardState state;
    private WizardViewModel wizard;
    private SignInViewModel signIn;
    private ThemeViewModel theme;
    /** The smallest window every step is laid out for (smaller screens get a smaller one, and the steps scroll). */
    static final double MIN_WIDTH = 760;

    static final double MIN_HEIGHT = 560;

    public WizardApplication() {
        this(null);
    }

    /** For tests: a wizard built from the given parts instead of the composition root's. */
    WizardApplication(WizardContext given) {
        this.given = given;
    }

    /** Opens the wizard window; returns when it is closed. */
    public static void open(String[] args, WizardContext wizardContext) {
        context = wizardContext;
        darkAtLaunch = ThemeViewModel.darkAtLaunch(WizardMemory::load, SystemTheme::prefersDark);
        Application.launch(WizardApplication.class, args);
    }

    @Override
    public void start(Stage stage) {
        WizardContext ctx = given != null ? given : context;
        theme = new ThemeViewModel(
                ctx.background(),
                WizardMemory::load,
                SystemTheme::prefersDark,
                ThemeViewModel.overrideFromSystemProperty());
        if (given == null && darkAtLaunch != null) {
            theme.startWith(darkAtLaunch);
        }
        ThemeMenu.apply(theme.darkProperty().get());
        state = new WizardState(ctx.workflows().references());
        signIn = new SignInViewModel(state, ctx.sessions(), ctx.background());
        ApplianceViewModel appliance = new ApplianceViewModel(
                state,
                ctx.background(),
                signIn::memory,
                new CatalogChoiceViewModel(state, ctx.background(), ctx.workflows()::catalog));
        RoleStepViewModel role = new RoleStepViewModel(state, ctx.background(), Platform::runLater);
        NewRoleFormViewModel newRole = role.form();
        ChecklistViewModel checklist = new ChecklistViewModel(
                state,
                ctx.background(),
                newRole::newRoleRequest,
                () -> newRole.permissionsMode().get(),
                ctx.timing());
        // Several accounts: the Accounts choice leads the role step, and the checklist becomes the matrix.
        AccountsChoiceViewModel accounts = new AccountsChoiceViewModel();
        accounts.shareRoleName(state, role::publish);
        AccountsMatrixViewModel matrix = new AccountsMatrixViewModel(
                state,
                accounts,
                ctx.background(),
                Platform::runLater,
                () -> new AccountsWorkflow(
                        ctx.workflows().sessions(state.documents.get().catalog()), state.documents.get()),
                session -> new RoleWorkflow(session, state.documents.get(), ctx.timing()),
                () -> newRole.permissionsMode().get());
        AccountsChoiceView accountsView = new AccountsChoiceView(accounts);
        ExportViewModel export = new ExportViewModel(
                state,
                ctx.workflows()::exports,
                ctx.background(),
                ExportView.systemClipboard(),
                newRole::newRoleRequest,
                () -> newRole.permissionsMode().get());
        FinishViewModel finish = new FinishViewModel(state);
        wizard = new WizardViewModel(
                state,
                Map.of(
                        WizardStep.SIGN_IN,
                        signIn,
                        WizardStep.APPLIANCE,
                        appliance,
                        WizardStep.ROLE,
                        new ScopedStep(accounts.several(), role, accounts::valid),
                        WizardStep.CHECKLIST,
                        new ScopedStep(accounts.several(), checklist, matrix),
                        WizardStep.EXPORT,
                        export,
                        WizardStep.FINISH,
                        finish));
        WizardView frame = new WizardView(
                wizard,
                Map.of(
                        WizardStep.SIGN_IN,
                        new SignInView(signIn),
                        WizardStep.APPLIANCE,
                        new ApplianceView(appliance),
                        WizardStep.ROLE,
                        new ScopedStepView(
                                accounts.several(),
                                accountsView.choiceBar(),
                                new RoleView(role),
                                accountsView.formStep()),
                        WizardStep.CHECKLIST,
                        new ScopedStepView(
                                accounts.several(), null, new ChecklistView(checklist), new AccountsMatrixView(matrix)),
                        WizardStep.EXPORT,
                        new ExportView(export, ctx.saveDialog()),
                        WizardStep.FINISH,
                        new FinishView(finish)));
        frame.addToButtonBar(ThemeMenu.create(theme));
        Scene scene = new Scene(frame);
        scene.getStylesheets()
                .add(WizardApplication.class.getResource("/ui/wizard.css").toExternalForm());
        stage.setTitle(Texts.get("app.title"));
        place(stage);
        stage.setScene(scene);
        stage.show();
        theme.load();
        if (getParameters() != null && getParameters().getRaw().contains(FIRST_WINDOW_FLAG)) {
            // Startup measurement: the window is on screen; report and leave before anything else is read.
            Platform.runLater(() -> {
                long millis = java.time.Duration.between(
                                ProcessHandle.current().info().startInstant().orElse(java.time.Instant.now()),
                                java.time.Instant.now())
                        .toMillis();
                System.out.println("first window after " + millis + " ms");
                Platform.exit();
            });
            return;
        }
        // Profiles, sessions and everything else are read once the window is on screen.
        Platform.runLater(() -> {
            wizard.start();
            if (ctx.sandbox()) {
                signIn.mode().set(SignInViewModel.Mode.SANDBOX);
                signIn.signIn(null);
            }
        });
    }

    /** Inside the primary screen's visible area, whatever its size and scale. */
    private static void place(Stage stage) {
        Rectangle2D visible = Screen.getPrimary().getVisualBounds();
        WindowPlacement placement = WindowPlacement.of(
                new WindowPlacement.Area(visible.getMinX(), visible.getMinY(), visible.getWidth(), visible.getHeight()),
                1000,
                700,
                MIN_WIDTH,
                MIN_HEIGHT);
        stage.setMinWidth(placement.minWidth());
        stage.setMinHeight(placement.minHeight());
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        stage.setX(placement.x());
        stage.setY(placement.y());
    }

    /** Prints the time from process start to the first window, then exits (scripts measure startup with it). */
    public static final String FIRST_WINDOW_FLAG = "--first-window-and-exit";

    /** For tests: the sign-in step. */
    SignInViewModel signInForTests() {
        return signIn;
    }

    /** For tests: the theme's choice. */
    ThemeViewModel theme() {
        return theme;
    }

    /** For tests: the wizard's state and navigation. */
    WizardViewModel wizard() {
        return wizard;
    }

    @Override
    public void stop() {
        Session session = state == null ? null : state.session.get();
        if (session != null) {
            session.close();
        }
    }
}
