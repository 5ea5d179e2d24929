package io.switchboard.core.port;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A request to the PBX to call a customer (dialer, callback, manual call).
 *
 * @param call                   the id Switchboard gives the new call; its events carry it
 * @param leg                    the id Switchboard gives the customer leg
 * @param to                     the number to dial
 * @param callerId               the number to present; empty for the trunk's default
 * @param ringTimeout            how long to ring before giving up; positive
 * @param minRingTime            how long to ring at least before a no-answer may be given up on
 *                               (compliance rules forbid hanging up too early); 0 to {@code ringTimeout}
 * @param detectAnsweringMachine whether to run answering-machine detection on answer
 * @param variables              values handed to the PBX dialplan (campaign, lead ids); an immutable copy
 */
public record OriginateRequest(
        CallId call,
        LegId leg,
        PhoneNumber to,
        Optional<PhoneNumber> callerId,
        Duration ringTimeout,
        Duration minRingTime,
        boolean detectAnsweringMachine,
        Map<String, String> variables) {

    public OriginateRequest {
        Require.nonNull(call, "call");
        Require.nonNull(leg, "leg");
        Require.nonNull(to, "to");
        Require.nonNull(callerId, "callerId");
        Require.positive(ringTimeout, "ringTimeout");
        Require.nonNegative(minRingTime, "minRingTime");
        if (minRingTime.compareTo(ringTimeout) > 0) {
            throw new IllegalArgumentException("minRingTime must not exceed ringTimeout");
        }
        variables = Map.copyOf(Require.nonNull(variables, "variables"));
        variables.keySet().forEach(name -> Require.nonBlank(name, "variable name"));
    }
}
