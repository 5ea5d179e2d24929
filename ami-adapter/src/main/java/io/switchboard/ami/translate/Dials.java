package io.switchboard.ami.translate;

import io.switchboard.core.id.LegId;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Dial() did from each caller channel, kept until a later event needs it: the answered destination
 * until both sit in one bridge ({@code CallConnected}), and the failed destination and DIALSTATUS until the
 * caller is back on hold ({@code CallReturnedToHold}). Everything about a channel is forgotten when it hangs up.
 */
final class Dials {

    private final Map<String, Answered> answered = new ConcurrentHashMap<>();
    /** The agent legs each customer channel was reported connected with, by the customer's Uniqueid. */
    private final Map<String, Set<String>> connected = new ConcurrentHashMap<>();
    private final Map<String, LegId> failedLeg = new ConcurrentHashMap<>();
    private final Map<String, String> failedStatus = new ConcurrentHashMap<>();

    /** {@code caller} dialled {@code dest} and it answered; found again by either end. */
    void answered(String caller, String dest) {
        Answered dial = new Answered(caller, dest);
        answered.put(caller, dial);
        answered.put(dest, dial);
    }

    /** The answered dial {@code uniqueid} is either end of. */
    Optional<Answered> answeredDial(String uniqueid) {
        return Optional.ofNullable(uniqueid).map(answered::get);
    }

    /**
     * Records that {@code customer}'s channel is connected with the agent leg {@code agentLeg}.
     *
     * @return true the first time for this pair, so that it is reported once
     */
    boolean connected(String customer, LegId agentLeg) {
        Answered dial = answered.get(customer);
        if (dial != null) {
            answered.remove(dial.caller(), dial);
            answered.remove(dial.dest(), dial);
        }
        return connected.computeIfAbsent(customer, c -> ConcurrentHashMap.newKeySet()).add(agentLeg.value());
    }

    /** {@code caller}'s dial of {@code leg} failed. */
    void failed(String caller, LegId leg) {
        failedLeg.put(caller, leg);
    }

    /** The glue's {@code AgentDialResult} said why {@code caller}'s dial failed. */
    void failedWith(String caller, String dialStatus) {
        failedStatus.put(caller, dialStatus);
    }

    /** The agent leg whose dial from {@code caller} failed last, forgotten once taken. */
    Optional<LegId> takeFailedLeg(String caller) {
        return Optional.ofNullable(failedLeg.remove(caller));
    }

    /** The DIALSTATUS of {@code caller}'s last failed agent dial, forgotten once taken. */
    Optional<String> takeFailedStatus(String caller) {
        return Optional.ofNullable(failedStatus.remove(caller));
    }

    /** The channel hung up. */
    void gone(String uniqueid) {
        if (uniqueid == null) {
            return;
        }
        Answered dial = answered.remove(uniqueid);
        if (dial != null) {
            answered.remove(dial.caller(), dial);
            answered.remove(dial.dest(), dial);
        }
        connected.remove(uniqueid); // the customer's pairs; before, every pair was walked with a string made for each
        failedLeg.remove(uniqueid);
        failedStatus.remove(uniqueid);
    }

    /** An answered Dial(): the channel that dialled and the one it reached, by Uniqueid. */
    record Answered(String caller, String dest) {
    }
}
