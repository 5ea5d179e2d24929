package io.switchboard.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Construction-time checks shared by the domain records. Every failure names
 * the offending field, so a bad config line or a bad PBX event is easy to trace.
 */
public final class Require {

    private Require() {
    }

    /** Returns {@code value} or throws {@link NullPointerException} naming {@code field}. */
    public static <T> T nonNull(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " must not be null");
    }

    /** Returns {@code value} or throws {@link IllegalArgumentException} when it is null or blank. */
    public static String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /** Returns {@code value} or throws when it lies outside {@code min..max} (both inclusive). */
    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} or throws when it is below {@code min}. */
    public static int atLeast(int value, int min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} or throws when it is below {@code min}. */
    public static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} or throws when it is null or negative. */
    public static Duration nonNegative(Duration value, String field) {
        nonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    /** Returns {@code value} or throws when it is null, zero or negative. */
    public static Duration positive(Duration value, String field) {
        nonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
        return value;
    }
}
