package com.workerrolewizard.app.role;

/**
 * The person's yes before a write: a terminal question or {@code --yes} on the command line, a dialog in the wizard.
 * Called with the sentence to answer; nothing is written on false.
 */
@FunctionalInterface
public interface Confirmation {
    Confirmation YES = question -> true;

    boolean confirm(String question);
}
