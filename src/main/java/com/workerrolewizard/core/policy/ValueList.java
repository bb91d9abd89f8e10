package com.workerrolewizard.core.policy;

import java.util.List;

/**
 * The values of an {@code Action}/{@code NotAction} or {@code Resource}/{@code NotResource} element.
 * {@code negated} is true for the {@code Not…} form: the statement then applies to everything the
 * values do <em>not</em> match.
 */
public record ValueList(boolean negated, List<String> values) {
    public ValueList {
        values = List.copyOf(values);
    }
}
