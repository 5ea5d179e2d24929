package io.switchboard.core.call;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.lifecycle.Transition;

import java.time.Instant;
import java.util.Optional;

/**
 * One party's connection to a call.
 *
 * @param id       the leg's id
 * @param role     who is on the far end
 * @param state    where the leg is
 * @param agent    the agent or supervisor on an {@code AGENT} or {@code SUPERVISOR} leg; empty on a customer leg
 * @param created  when the leg was created (offered or dialled)
 * @param answered when it was first answered; empty until then
 * @param ended    when it ended; present exactly when {@code state} is {@code ENDED}
 * @param cause    why it ended; present exactly when {@code state} is {@code ENDED}
 */
public record CallLeg(
        LegId id,
        LegRole role,
        LegState state,
        Optional<AgentId> agent,
        Instant created,
        Optional<Instant> answered,
        Optional<Instant> ended,
        Optional<HangupCause> cause) {

    public CallLeg {
        Require.nonNull(id, "legId");
        Require.nonNull(role, "role");
        Require.nonNull(state, "state");
        Require.nonNull(agent, "agent");
        Require.nonNull(created, "created");
        Require.nonNull(answered, "answered");
        Require.nonNull(ended, "ended");
        Require.nonNull(cause, "cause");
        if (role != LegRole.CUSTOMER && agent.isEmpty()) {
            throw new IllegalArgumentException("agent must be present on a " + role + " leg");
        }
        boolean isEnded = state == LegState.ENDED;
        if (isEnded != ended.isPresent() || isEnded != cause.isPresent()) {
            throw new IllegalArgumentException("ended and cause must be present exactly when state is ENDED");
        }
    }

    /** A customer leg the PBX offered already answered (an inbound call parked on hold). */
    public static CallLeg answeredCustomer(LegId id, Instant at) {
        return new CallLeg(id, LegRole.CUSTOMER, LegState.ANSWERED, Optional.empty(),
                at, Optional.of(at), Optional.empty(), Optional.empty());
    }

    /** A leg Switchboard asked the PBX to dial: a customer ({@code agent} empty) or an agent's device. */
    public static CallLeg dialing(LegId id, LegRole role, Optional<AgentId> agent, Instant at) {
        return new CallLeg(id, role, LegState.DIALING, agent, at,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The far end started ringing. */
    public Transition<CallLeg> ringing() {
        return moveTo(LegState.RINGING, answered, ended, cause);
    }

    /** The far end answered, or was taken off hold. */
    public Transition<CallLeg> answered(Instant at) {
        return moveTo(LegState.ANSWERED, answered.or(() -> Optional.of(Require.nonNull(at, "at"))), ended, cause);
    }

    /** The party was put on hold. */
    public Transition<CallLeg> held() {
        return moveTo(LegState.HELD, answered, ended, cause);
    }

    /** The leg hung up or failed. */
    public Transition<CallLeg> ended(HangupCause why, Instant at) {
        return moveTo(LegState.ENDED, answered,
                Optional.of(Require.nonNull(at, "at")), Optional.of(Require.nonNull(why, "cause")));
    }

    /** Whether the leg is still up or still being set up. */
    public boolean isActive() {
        return state != LegState.ENDED;
    }

    private Transition<CallLeg> moveTo(
            LegState next, Optional<Instant> newAnswered, Optional<Instant> newEnded, Optional<HangupCause> newCause) {
        if (!state.canMoveTo(next)) {
            return new Transition.Illegal<>("LegState", state, next);
        }
        return new Transition.Moved<>(new CallLeg(id, role, next, agent, created, newAnswered, newEnded, newCause));
    }
}
