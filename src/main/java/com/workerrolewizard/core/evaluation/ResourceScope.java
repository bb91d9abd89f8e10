package com.workerrolewizard.core.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How an Allow's {@code NotResource} is read. IAM applies such a statement to every resource except those it
 * names, so it covers "every resource" of an action only when what it names can match none of the resources the
 * action acts on. Two readings:
 * <ul>
 * <li>{@link #literalStar()}: IAM's policy simulator, which evaluates the literal resource {@code "*"}; a
 *     {@code NotResource} naming ARNs never matches it, so such an Allow counts everywhere.</li>
 * <li>{@link #of}: the worker's, with each action's resource types from the Service Authorization Reference.
 *     When an action's types are not known, an exclusion that can match an ARN of the action's own service
 *     counts as covering all of them (wrong toward FAIL, never toward PASS).</li>
 * </ul>
 */
public final class ResourceScope {
    private final ResourceTypes types;
    private final String partition;

    private ResourceScope(ResourceTypes types, String partition) {
        this.types = types;
        this.partition = partition;
    }

    public static ResourceScope literalStar() {
        return new ResourceScope(action -> Optional.of(List.of()), "aws");
    }

    /** @param partition the role's partition id ({@code aws}, {@code aws-cn}, {@code aws-us-gov}) */
    public static ResourceScope of(ResourceTypes types, String partition) {
        return new ResourceScope(types, partition);
    }

    /** What a {@code NotResource} list takes away from one action. */
    public Exclusion exclusion(List<String> notResource, String action) {
        if (notResource.stream().anyMatch(p -> Wildcard.matchesResource(p, "*"))) {
            return new Exclusion(
                    Exclusion.Extent.ALL,
                    notResource.stream()
                            .filter(p -> Wildcard.matchesResource(p, "*"))
                            .toList(),
                    List.of());
        }
        Optional<List<ResourceTypes.ResourceType>> known = types.of(action);
        if (known.isEmpty()) {
            String service = action.substring(0, Math.max(0, action.indexOf(':')));
            String anyOfService = "arn:" + partition + ":" + service + ":*";
            List<String> named = notResource.stream()
                    .filter(p -> Wildcard.overlaps(p, anyOfService))
                    .toList();
            return named.isEmpty()
                    ? Exclusion.NONE
                    : new Exclusion(Exclusion.Extent.ALL, named, List.of(service + " resources"));
        }
        List<String> named = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        int covered = 0;
        for (ResourceTypes.ResourceType type : known.get()) {
            String pattern = type.pattern(partition);
            boolean coversType = false;
            for (String p : notResource) {
                if (Wildcard.intersects(p, pattern)) {
                    touched.add(type.name());
                    if (!named.contains(p)) {
                        named.add(p);
                    }
                    coversType |= Wildcard.covers(p, pattern);
                }
            }
            covered += coversType ? 1 : 0;
        }
        if (touched.isEmpty()) {
            return Exclusion.NONE;
        }
        boolean all = covered == known.get().size();
        return new Exclusion(all ? Exclusion.Extent.ALL : Exclusion.Extent.SOME, named, List.copyOf(touched));
    }
}
