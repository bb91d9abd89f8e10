package com.workerrolewizard.core.evaluation;

import java.util.List;
import java.util.Optional;

/** Which resources an action acts on, as the Service Authorization Reference lists them. */
public interface ResourceTypes {
    /**
     * The action's resource types; an empty list for an action that acts on no resource type (only {@code "*"}),
     * empty when the action is not known (an action of a {@code --catalog} file that the reference data lacks).
     */
    Optional<List<ResourceType>> of(String action);

    /**
     * One resource type.
     *
     * @param name      {@code SERVICE:TYPE}, such as {@code sqs:queue}
     * @param arnFormat as the reference writes it: {@code arn:${Partition}:sqs:${Region}:${Account}:${QueueName}}
     */
    record ResourceType(String name, String arnFormat) {
        /** The format as a wildcard pattern in one partition: the partition written out, every other variable a {@code *}. */
        public String pattern(String partition) {
            return arnFormat.replace("${Partition}", partition).replaceAll("\\$\\{[^}]*}", "*");
        }
    }
}
