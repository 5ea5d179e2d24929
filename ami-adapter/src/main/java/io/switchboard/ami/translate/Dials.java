package io.switchboard.ami.translate;

import io.switchboard.core.id.LegId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Dial() did from each caller channel, kept until a later event needs it: the answered destination
 * until both sit in one bridge ({@code CallConnected}), and the failed destination and DIALSTATUS until the
 * caller is back on hold ({@code CallReturnedToHold}). Everything about a channel is forgotten when it hangs up.
 */
final class Dials {

    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final Map<String, LegId> failedLeg = new ConcurrentHashMap<>();
    private final Map<String, String> failedStatus = new ConcurrentHashMap<>();

    /** {@code caller} dialled {@code dest} and it answered; remembered both ways round. */
    void answered(String caller, String dest) {
        answered.put(caller, dest);
        answered.put(dest, caller);
    }

    /** The other end of an answered dial, for either end. */
    Optional<String> answeredPartner(String uniqueid) {
        return Optional.ofNullable(uniqueid).map(answered::get);
    }

    /** The two ends were connected; they are not reported again. */
    void connected(String caller, String dest) {
        answered.remove(caller, dest);
        answered.remove(dest, caller);
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
        String partner = answered.remove(uniqueid);
        if (partner != null) {
            answered.remove(partner, uniqueid);
        }
        failedLeg.remove(uniqueid);
        failedStatus.remove(uniqueid);
    }
}
