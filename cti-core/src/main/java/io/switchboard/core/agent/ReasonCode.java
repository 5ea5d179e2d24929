package io.switchboard.core.agent;

import io.switchboard.core.Require;

/**
 * Why an agent is in a state: a pause reason the admin configured
 * ({@code lunch}, {@code training}) or one Switchboard sets itself
 * ({@link #NO_ANSWER}).
 *
 * @param value a short code, at most 64 characters; never blank
 */
public record ReasonCode(String value) {

    /** The agent was reserved but did not answer within the ring timeout and was auto-paused. */
    public static final ReasonCode NO_ANSWER = new ReasonCode("no-answer");
    /** The agent's device became unreachable (unregistered, unplugged). */
    public static final ReasonCode DEVICE_UNAVAILABLE = new ReasonCode("device-unavailable");
    /** A supervisor changed the agent's state. */
    public static final ReasonCode SUPERVISOR = new ReasonCode("supervisor");

    /** The longest reason code accepted. */
    public static final int MAX_LENGTH = 64;

    public ReasonCode {
        Require.nonBlank(value, "reasonCode");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "reasonCode must be at most " + MAX_LENGTH + " characters, was " + value.length());
        }
    }

    /** Shorthand for {@code new ReasonCode(value)}. */
    public static ReasonCode of(String value) {
        return new ReasonCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
