package io.switchboard.ami.translate;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;

/** Asterisk's failure codes in core words. */
final class Causes {

    private Causes() {
    }

    /** A Q.850 cause from a {@code Hangup} event; {@code OTHER} when missing (Local channels often say 0, Quirk 26). */
    static HangupCause ofQ850(Integer cause) {
        return cause == null ? HangupCause.OTHER : HangupCause.fromQ850(cause);
    }

    /** Dial()'s DIALSTATUS (DialEnd, AgentDialResult) for a dial that was not answered. */
    static HangupCause ofDialStatus(String status) {
        if (status == null) {
            return HangupCause.OTHER;
        }
        return switch (status) {
            case "NOANSWER" -> HangupCause.NO_ANSWER;
            case "BUSY" -> HangupCause.USER_BUSY;
            case "CONGESTION" -> HangupCause.SWITCH_CONGESTION;
            case "CHANUNAVAIL" -> HangupCause.NO_USER_RESPONSE;
            case "CANCEL" -> HangupCause.ORIGINATOR_CANCEL;
            default -> HangupCause.OTHER;
        };
    }

    /**
     * An {@code OriginateResponse} Reason (Asterisk's AST_CONTROL code): 3 rang without answer (also an
     * unreachable SIP address, Quirk 18), 5 busy, 8 congestion, 1 hung up; 0 is a generic failure (seen for
     * a missing extension), which is not proof of a bad number.
     */
    static HangupCause ofOriginateReason(Integer reason) {
        if (reason == null) {
            return HangupCause.OTHER;
        }
        return switch (reason) {
            case 1 -> HangupCause.NORMAL_CLEARING;
            case 3 -> HangupCause.NO_ANSWER;
            case 5 -> HangupCause.USER_BUSY;
            case 8 -> HangupCause.SWITCH_CONGESTION;
            default -> HangupCause.OTHER;
        };
    }

    /**
     * The glue's CallerOnHold {@code Reason} (SWITCHBOARD_HOLD_REASON) for a caller back on hold: a DIALSTATUS
     * of the agent dial, the join context's NOAGENT/AGENTLEFT, or what Switchboard set before its own
     * Redirect (HOLD, TRANSFER); CALLBACK from switchboard-outbound for a queued callback's answered customer.
     */
    static HoldReason ofHoldReason(String reason) {
        if (reason == null) {
            return HoldReason.OTHER;
        }
        return switch (reason) {
            case "NOANSWER" -> HoldReason.NO_ANSWER;
            case "BUSY" -> HoldReason.BUSY;
            case "CHANUNAVAIL" -> HoldReason.UNAVAILABLE;
            case "CONGESTION" -> HoldReason.CONGESTION;
            case "INVALIDARGS" -> HoldReason.NO_DEVICE;
            case "NOAGENT" -> HoldReason.NO_AGENT;
            case "AGENTLEFT" -> HoldReason.AGENT_LEFT;
            case "HOLD", "TRANSFER" -> HoldReason.REQUESTED;
            case "CALLBACK" -> HoldReason.CALLBACK;
            default -> HoldReason.OTHER;
        };
    }
}
