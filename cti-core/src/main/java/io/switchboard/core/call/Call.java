package io.switchboard.core.call;

import io.switchboard.core.Require;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A call as Switchboard tracks it: one conversation with a customer, made of
 * legs (the customer's, the agents', supervisors').
 *
 * @param id        the call's id
 * @param pbx       the PBX that carries the call; its call-control commands go there
 * @param direction which way it goes
 * @param from      the calling number; empty when withheld or when the caller is an internal extension
 * @param to        the called number; empty when it is an internal extension
 * @param legs      the legs in the order they were created, at most one per leg id
 * @param started   when the call began
 * @param ended     when the call ended; empty while it is up
 */
public record Call(
        CallId id,
        PbxId pbx,
        CallDirection direction,
        Optional<PhoneNumber> from,
        Optional<PhoneNumber> to,
        List<CallLeg> legs,
        Instant started,
        Optional<Instant> ended) {

    public Call {
        Require.nonNull(id, "callId");
        Require.nonNull(pbx, "pbx");
        Require.nonNull(direction, "direction");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        legs = List.copyOf(Require.nonNull(legs, "legs"));
        Require.nonNull(started, "started");
        Require.nonNull(ended, "ended");
        Set<LegId> seen = new HashSet<>();
        for (CallLeg leg : legs) {
            if (!seen.add(leg.id())) {
                throw new IllegalArgumentException("legs must not hold leg '" + leg.id() + "' twice");
            }
        }
        ended.ifPresent(at -> {
            if (at.isBefore(started)) {
                throw new IllegalArgumentException("ended must not be before started");
            }
        });
    }

    /** An inbound call whose customer leg the PBX has answered and parked. */
    public static Call inbound(CallId id, PbxId pbx, Optional<PhoneNumber> caller, PhoneNumber dialled,
                               LegId customerLeg, Instant at) {
        return new Call(id, pbx, CallDirection.INBOUND, caller, Optional.of(dialled),
                List.of(CallLeg.answeredCustomer(customerLeg, at)), at, Optional.empty());
    }

    /** The leg with {@code legId}, if the call has it. */
    public Optional<CallLeg> leg(LegId legId) {
        return legs.stream().filter(l -> l.id().equals(legId)).findFirst();
    }

    /** The customer's leg, if the call has one yet. */
    public Optional<CallLeg> customerLeg() {
        return legs.stream().filter(l -> l.role() == LegRole.CUSTOMER).findFirst();
    }

    /** The active legs of {@code role}, e.g. the agent legs still up. */
    public List<CallLeg> activeLegs(LegRole role) {
        return legs.stream().filter(l -> l.role() == role && l.isActive()).toList();
    }

    /** This call with {@code leg} added, or replacing the leg with the same id. */
    public Call withLeg(CallLeg leg) {
        Require.nonNull(leg, "leg");
        List<CallLeg> updated = new ArrayList<>(legs);
        int index = indexOf(leg.id());
        if (index < 0) {
            updated.add(leg);
        } else {
            updated.set(index, leg);
        }
        return new Call(id, pbx, direction, from, to, updated, started, ended);
    }

    /** This call, ended at {@code at}. */
    public Call endedAt(Instant at) {
        return new Call(id, pbx, direction, from, to, legs, started, Optional.of(Require.nonNull(at, "at")));
    }

    /** Whether the call has ended. */
    public boolean isEnded() {
        return ended.isPresent();
    }

    private int indexOf(LegId legId) {
        for (int i = 0; i < legs.size(); i++) {
            if (legs.get(i).id().equals(legId)) {
                return i;
            }
        }
        return -1;
    }
}
