package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.ui.wizard.StepView;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The controls of a {@link ScopedStep}: an optional bar above (the Accounts choice), then the part that fits. */
public final class ScopedStepView implements StepView {
    private final ObservableBooleanValue several;
    private final StepView one;
    private final StepView many;
    private final BorderPane root = new BorderPane();
    private boolean showing;

    /** @param top shown above both parts (null for none) */
    public ScopedStepView(ObservableBooleanValue several, Node top, StepView one, StepView many) {
        this.several = several;
        this.one = one;
        this.many = many;
        if (top != null) {
            root.setTop(new VBox(top));
        }
        place();
        several.addListener((o, was, is) -> {
            if (showing) {
                (was ? many : one).hidden();
            }
            place();
            if (showing) {
                active().shown();
            }
        });
    }

    private StepView active() {
        return several.get() ? many : one;
    }

    private void place() {
        root.setCenter(active().node());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        showing = true;
        active().shown();
    }

    @Override
    public void hidden() {
        showing = false;
        active().hidden();
    }
}
