package io.switchboard.esl.wire;

import java.util.Objects;

/** An event frame that could not be read; the connection skips it, counts it by {@link #kind()} and goes on. */
public final class MalformedEventException extends Exception {

    private final String kind;
    private final String sample;

    /**
     * @param kind a stable slug, e.g. {@link EslEventDecoder#BAD_JSON_EVENT}
     * @param sample the raw input, unmasked: mask before logging
     */
    public MalformedEventException(String kind, String sample) {
        super(kind, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.sample = Objects.requireNonNull(sample, "sample");
    }

    /** The stable slug for counting. */
    public String kind() {
        return kind;
    }

    /** The raw input that failed, unmasked. */
    public String sample() {
        return sample;
    }
}
