package io.switchboard.sim.asterisk;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The priorities of one matched extension, numbered from 1, with their labels.
 *
 * @param steps priority {@code i + 1} runs {@code steps.get(i)}
 * @param labels label name to priority
 */
record Extension(List<Step> steps, Map<String, Integer> labels) {

    static Extension of(Step... steps) {
        return new Extension(List.of(steps), Map.of());
    }

    /** The priority a label or number names. */
    OptionalInt priority(String labelOrNumber) {
        Integer labelled = labels.get(labelOrNumber);
        if (labelled != null) {
            return OptionalInt.of(labelled);
        }
        try {
            return OptionalInt.of(Integer.parseInt(labelOrNumber));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
