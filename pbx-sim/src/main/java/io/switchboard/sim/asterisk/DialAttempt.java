package io.switchboard.sim.asterisk;

/**
 * One Dial() or Originate towards a destination channel.
 *
 * @param caller the channel running Dial(), or null for an Originate
 * @param dest the dialled channel ({@code ;1} for Local)
 * @param dialString what was dialled, e.g. {@code agent1@agents} or {@code 127.0.0.1:5099}
 * @param originate the Originate this attempt serves, or null for Dial()
 * @param byQueue true when app_queue rings a member for {@code caller} ({@link Queues})
 */
record DialAttempt(SimChannel caller, SimChannel dest, String dialString, OriginateRequest originate,
        boolean byQueue) {
}
