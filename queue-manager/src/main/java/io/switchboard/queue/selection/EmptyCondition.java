package io.switchboard.queue.selection;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.routing.TaskQueue;

/**
 * A reason a member does not count when a queue rule asks whether the queue is empty (join-when-empty,
 * leave-when-empty). Modelled on app_queue's {@code joinempty} / {@code leavewhenempty} options: each condition
 * listed in a policy removes the members in that condition from the count, and the queue is empty when no
 * member is left. A logged-out member never counts, whatever the policy (a dynamic app_queue member who logged
 * off is no member at all).
 */
public enum EmptyCondition {

    /** The member is paused (app_queue {@code paused}). */
    PAUSED,
    /** The member talks on a Switchboard call, or their phone is busy with a call of its own (app_queue {@code inuse}). */
    IN_USE,
    /** The member is being offered a call: reserved, their phone ringing (app_queue {@code ringing}). */
    RINGING,
    /** The member is in after-call work (app_queue {@code wrapup}). */
    WRAP_UP,
    /**
     * The member cannot be reached: no device to ring and no open line (app_queue {@code unavailable},
     * {@code invalid} and {@code unknown}, the device states of a phone that is not there).
     */
    UNAVAILABLE,
    /**
     * The member lacks a skill the queue requires (app_queue {@code penalty}: a member whose penalty is outside
     * the range the caller may be offered to).
     */
    UNQUALIFIED;

    /** Whether {@code member} is in this condition for {@code queue}, and so does not count. */
    public boolean holds(AgentSnapshot member, TaskQueue queue) {
        return switch (this) {
            case PAUSED -> member.state() == AgentState.PAUSED;
            case IN_USE -> member.state() == AgentState.ON_CALL || member.deviceInUse();
            case RINGING -> member.state() == AgentState.RESERVED;
            case WRAP_UP -> member.state() == AgentState.WRAP_UP;
            case UNAVAILABLE -> !member.lineOpen() && member.agent().device().isEmpty();
            case UNQUALIFIED -> !queue.isQualified(member.agent());
        };
    }

    /** The API name: {@code IN_USE} is {@code in-use}. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
