package com.workerrolewizard.core.evaluation;

import java.util.List;

/**
 * What an Allow's {@code NotResource} takes away from one action.
 *
 * @param extent   none of the resources the action acts on, some of them, or all of them
 * @param patterns the {@code NotResource} values that name some of them
 * @param types    the resource types they name ({@code sqs:queue}); for an action whose types are not known, its service
 */
public record Exclusion(Extent extent, List<String> patterns, List<String> types) {
    public enum Extent {
        NONE,
        SOME,
        ALL
    }

    public static final Exclusion NONE = new Exclusion(Extent.NONE, List.of(), List.of());

    public Exclusion {
        patterns = List.copyOf(patterns);
        types = List.copyOf(types);
    }
}
