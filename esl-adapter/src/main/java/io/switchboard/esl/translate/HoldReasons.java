package io.switchboard.esl.translate;

import io.switchboard.core.call.HoldReason;

import java.util.Set;

/**
 * The glue's {@code Switchboard-Reason} (and {@code Switchboard-Disposition}) as core {@link HoldReason}s. A
 * failed ring reports FreeSWITCH's {@code originate_disposition}, a hang-up cause name (fixture 06); the
 * glue's own words are {@code INVALIDARGS}, {@code NOAGENT}, {@code AGENTLEFT}, {@code NOTRANSFERCONTEXT};
 * {@code HOLD} and {@code TRANSFER} are what Switchboard sets when it puts a caller back itself; {@code CALLBACK}
 * is the answered customer of a queued callback, sent to hold by {@code switchboard_outbound}.
 */
final class HoldReasons {

    private static final Set<String> NO_ANSWER = Set.of("NO_ANSWER", "NO_USER_RESPONSE", "ALLOTTED_TIMEOUT",
            "PROGRESS_TIMEOUT");
    /** The phone said no: busy, or the agent rejected the call (SIP 486, 600, 603). */
    private static final Set<String> BUSY = Set.of("USER_BUSY", "CALL_REJECTED");
    private static final Set<String> UNAVAILABLE = Set.of("UNALLOCATED_NUMBER", "USER_NOT_REGISTERED",
            "SUBSCRIBER_ABSENT", "NO_ROUTE_DESTINATION", "NO_ROUTE_TRANSIT_NET", "DESTINATION_OUT_OF_ORDER",
            "NORMAL_TEMPORARY_FAILURE", "NETWORK_OUT_OF_ORDER", "INVALID_NUMBER_FORMAT", "RECOVERY_ON_TIMER_EXPIRE",
            "CHAN_NOT_IMPLEMENTED", "INCOMPATIBLE_DESTINATION", "MEDIA_TIMEOUT", "INVALID_GATEWAY", "GATEWAY_DOWN",
            "FACILITY_REJECTED", "NUMBER_CHANGED", "MANDATORY_IE_MISSING");
    private static final Set<String> CONGESTION = Set.of("NORMAL_CIRCUIT_CONGESTION", "SWITCH_CONGESTION",
            "REQUESTED_CHAN_UNAVAIL", "RESOURCE_UNAVAILABLE", "BEARERCAPABILITY_NOTAVAIL");

    private HoldReasons() {
    }

    static HoldReason of(String reason) {
        if (NO_ANSWER.contains(reason)) {
            return HoldReason.NO_ANSWER;
        } else if (BUSY.contains(reason)) {
            return HoldReason.BUSY;
        } else if (UNAVAILABLE.contains(reason)) {
            return HoldReason.UNAVAILABLE;
        } else if (CONGESTION.contains(reason)) {
            return HoldReason.CONGESTION;
        }
        return switch (reason) {
            case "INVALIDARGS" -> HoldReason.NO_DEVICE;
            case "NOAGENT" -> HoldReason.NO_AGENT;
            case "AGENTLEFT" -> HoldReason.AGENT_LEFT;
            case "HOLD", "TRANSFER" -> HoldReason.REQUESTED;
            case "CALLBACK" -> HoldReason.CALLBACK;
            default -> HoldReason.OTHER;
        };
    }

    /** Whether the reason says a ring of the agent's phone failed, so that its leg is named. */
    static boolean isFailedRing(HoldReason reason) {
        return reason == HoldReason.NO_ANSWER || reason == HoldReason.BUSY || reason == HoldReason.UNAVAILABLE
                || reason == HoldReason.CONGESTION;
    }
}
