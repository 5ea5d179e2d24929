package io.switchboard.ami.channel;

import io.switchboard.core.Require;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The live channels of one Asterisk and the channel that stands for each Switchboard call.
 *
 * <p>Call ids: an inbound call is {@code <pbx>/<Uniqueid of the channel that sent InboundCall>}; a channel
 * that starts on its own (an Originate, with or without {@code ChannelId}) is {@code <pbx>/<its Uniqueid>};
 * a channel dialled from a call, or the {@code ;2} half of a Local pair, belongs to the call of the channel
 * whose Linkedid or {@code ;1} half it has when it appears. The call is fixed when a channel appears, never
 * re-derived from the Linkedid, which AMI {@code Bridge} changes mid-call (Quirk 15).
 *
 * <p>Legs: both halves of a Local pair are one leg, so its end is reported once. The leg is named after
 * the {@code ;1} half, or after the half that announced the call; an agent leg that call control announced
 * with {@link #expectAgentLeg} carries the id Switchboard gave it instead.
 *
 * <p>Thread-safe. The AMI event translator writes (on Asterisk-Java's event thread, and the connection on
 * resync through {@link #reset()} and {@link #reconcile(Collection)}); call control adds and withdraws
 * expected agent legs from its own thread; any thread reads.
 */
public final class ChannelRegistry {

    private final PbxId pbx;
    private final Clock clock;
    private final Map<String, TrackedChannel> byUniqueid = new ConcurrentHashMap<>();
    private final Map<String, String> uniqueidByName = new ConcurrentHashMap<>();
    private final Map<CallId, String> anchorByCall = new ConcurrentHashMap<>();
    private final Set<String> endedLegs = ConcurrentHashMap.newKeySet();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final AgentLegs agentLegs = new AgentLegs();
    private final AgentSessions sessions = new AgentSessions();
    private volatile Map<String, TrackedChannel> beforeReset = Map.of();
    private volatile boolean pbxRestarted;

    /** A registry for the channels of {@code pbx}; {@code clock} stamps the events {@link #reconcile} returns. */
    public ChannelRegistry(PbxId pbx, Clock clock) {
        this.pbx = Require.nonNull(pbx, "pbx");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** The PBX whose channels these are. */
    public PbxId pbx() {
        return pbx;
    }

    /**
     * The name of the channel to Redirect or Hang up for {@code call}: the channel that announced it
     * (inbound) or was originated for it; for a Local pair the {@code ;2} half, which runs the dialplan.
     */
    public Optional<String> channelOf(CallId call) {
        return anchorOf(call).map(t -> {
            ChannelSnapshot channel = t.snapshot();
            if (channel.localHalf() == LocalHalf.ONE) {
                String partner = LocalHalf.ONE.partnerName(channel.name());
                if (uniqueidByName.containsKey(partner)) {
                    return partner;
                }
            }
            return channel.name();
        });
    }

    /**
     * The channel of one leg of {@code call} (e.g. the agent's, for Atxfer): the leg must belong to the
     * call or share a bridge with it. For a Local pair the half in a bridge, else the {@code ;2} half.
     */
    public Optional<String> channelOf(CallId call, LegId leg) {
        if (leg == null) {
            return Optional.empty();
        }
        Optional<String> named = agentLegs.legNamed(leg);
        String prefix = pbx.value() + "/";
        if (named.isEmpty() && !leg.value().startsWith(prefix)) {
            return Optional.empty();
        }
        return LegLookups.channelOfLeg(byUniqueid.values(), call,
                named.orElseGet(() -> leg.value().substring(prefix.length())));
    }

    /**
     * Call control is about to Redirect {@code call}'s customer to dial an agent: the next channel the
     * customer's channel dials ({@link #dialled}) is that agent's leg and is reported as {@code agentLeg}.
     * Replaces an expectation for the call not met yet; dropped when the call ends.
     */
    public void expectAgentLeg(CallId call, LegId agentLeg) {
        Require.nonNull(agentLeg, "agentLeg");
        agentLegs.expect(Require.nonNull(call, "call"), agentLeg);
        if (!hasChannels(call)) {
            agentLegs.withdraw(call, agentLeg);
        }
    }

    /** The Redirect for {@code agentLeg} was refused: no channel is to be named after it. */
    public void withdrawAgentLeg(CallId call, LegId agentLeg) {
        agentLegs.withdraw(call, agentLeg);
    }

    /**
     * A channel dialled another ({@code DialBegin}). If the caller is the customer's channel of a call that
     * expects an agent leg, the dialled channel (and its Local partner) becomes that leg from now on.
     *
     * @return the agent leg the dialled channel now carries, when an expectation was met
     */
    public Optional<LegId> dialled(String callerUniqueid, String destUniqueid) {
        TrackedChannel caller = callerUniqueid == null ? null : byUniqueid.get(callerUniqueid);
        TrackedChannel dest = destUniqueid == null ? null : byUniqueid.get(destUniqueid);
        if (caller == null || dest == null || caller.snapshot().callId().isEmpty()) {
            return Optional.empty();
        }
        CallId call = caller.snapshot().callId().get();
        boolean fromCustomer = anchorOf(call).filter(anchor -> anchor.leg().equals(caller.leg())).isPresent();
        if (!fromCustomer || dest.leg().equals(caller.leg())) {
            return Optional.empty();
        }
        return agentLegs.dialled(call, dest.leg());
    }

    /**
     * The agent's channel of {@code call}, the target a whispering supervisor spies on: the leg bridged
     * with the customer (dialled by the connect context, or the nailed-up agent's leg in its conference),
     * else a leg dialled from the customer's channel. For a Local pair the {@code ;2} half (Quirk 24).
     */
    public Optional<String> agentChannelOf(CallId call) {
        return anchorOf(call).flatMap(anchor -> LegLookups.agentChannelOf(byUniqueid.values(), call, anchor.leg()));
    }

    /** The Uniqueid of the channel that stands for {@code call}. */
    public Optional<String> uniqueidOf(CallId call) {
        return anchorOf(call).map(t -> t.snapshot().uniqueid());
    }

    /** Every live channel, in no particular order. */
    public Collection<ChannelSnapshot> liveChannels() {
        return byUniqueid.values().stream().map(TrackedChannel::snapshot).toList();
    }

    /** The live channel with this Uniqueid. */
    public Optional<ChannelSnapshot> byUniqueid(String uniqueid) {
        return Optional.ofNullable(uniqueid).map(byUniqueid::get).map(TrackedChannel::snapshot);
    }

    /** The live channel with this name. */
    public Optional<ChannelSnapshot> byName(String name) {
        return Optional.ofNullable(name).map(uniqueidByName::get).flatMap(this::byUniqueid);
    }

    /** The leg a live channel is part of (shared by both halves of a Local pair). */
    public Optional<LegId> legOf(String uniqueid) {
        return Optional.ofNullable(uniqueid).map(byUniqueid::get).map(t -> legId(t.leg()));
    }

    /**
     * Forgets every live channel because the connection was lost. The channels stay remembered
     * until {@link #reconcile(Collection)} compares them with what the PBX reports.
     */
    public void reset() {
        if (beforeReset.isEmpty()) {
            beforeReset = Map.copyOf(byUniqueid);
        }
        byUniqueid.clear();
        uniqueidByName.clear();
    }

    /**
     * Like {@link #reset()}, because the PBX shut down: at the next {@link #reconcile(Collection)} every
     * channel known before has ended, and every channel the PBX reports is new, even one with the Uniqueid
     * and name of an old one (a restarted Asterisk counts both from zero again; pbx-sim within the same
     * second even repeats the epoch part of the Uniqueid).
     */
    public void pbxShutDown() {
        reset();
        pbxRestarted = true;
    }

    /**
     * Replaces the live channels with those the PBX reports after a reconnect ({@code CoreShowChannels}).
     * Channels known before that the PBX no longer has ended while Switchboard was not listening.
     *
     * @return one {@code LegHungUp} (cause {@code OTHER}) per call leg none of whose channels is still live
     *         and whose end was not reported before, so that nothing is counted twice
     */
    public List<PbxEvent> reconcile(Collection<ChannelSnapshot> fromPbx) {
        boolean restarted = pbxRestarted;
        Map<String, TrackedChannel> prior = beforeReset.isEmpty() ? new HashMap<>(byUniqueid) : beforeReset;
        Set<String> present = new HashSet<>();
        if (!restarted) {
            fromPbx.forEach(c -> present.add(c.uniqueid()));
        }
        Set<String> presentLegs = new HashSet<>();
        present.stream().map(prior::get).filter(Objects::nonNull).forEach(t -> presentLegs.add(t.leg()));
        List<PbxEvent> ended = new ArrayList<>();
        sessions.closeAll(uniqueid -> !present.contains(uniqueid)).forEach(session -> ended.add(
                new PbxEvent.AgentSessionClosed(pbx, clock.instant(), session.agent(), session.leg())));
        for (TrackedChannel gone : prior.values()) {
            if (!present.contains(gone.snapshot().uniqueid()) && !presentLegs.contains(gone.leg())
                    && gone.snapshot().callId().isPresent() && endedLegs.add(gone.leg())) {
                ended.add(new PbxEvent.LegHungUp(pbx, clock.instant(), gone.snapshot().callId().get(),
                        legId(gone.leg()), HangupCause.OTHER));
            }
        }
        byUniqueid.clear();
        uniqueidByName.clear();
        if (restarted) {
            anchorByCall.clear();
            announced.clear();
            endedLegs.clear();
            agentLegs.clear();
        }
        List<ChannelSnapshot> unknown = new ArrayList<>();
        for (ChannelSnapshot channel : fromPbx) {
            TrackedChannel known = restarted ? null : prior.get(channel.uniqueid());
            if (known == null) {
                unknown.add(channel);
            } else {
                put(new TrackedChannel(channel.callId().isPresent() ? channel
                        : known.snapshot().callId().map(channel::withCall).orElse(channel), known.leg()));
            }
        }
        unknown.sort((a, b) -> a.name().compareTo(b.name()));
        unknown.forEach(this::opened);
        anchorByCall.values().removeIf(uniqueid -> !byUniqueid.containsKey(uniqueid));
        announced.removeIf(uniqueid -> !byUniqueid.containsKey(uniqueid));
        endedLegs.removeIf(leg -> byUniqueid.values().stream().noneMatch(t -> t.leg().equals(leg)));
        agentLegs.legsGone(leg -> byUniqueid.values().stream().noneMatch(t -> t.leg().equals(leg)));
        agentLegs.dropExpectationsOf(call -> !hasChannels(call));
        beforeReset = Map.of();
        pbxRestarted = false;
        return ended;
    }

    /**
     * Records a new channel and ties it to a call: that of its Local {@code ;1} half, else that of the
     * channel its Linkedid names, else a call of its own.
     */
    public ChannelSnapshot opened(ChannelSnapshot channel) {
        Optional<TrackedChannel> partner = channel.localHalf() == LocalHalf.TWO
                ? Optional.ofNullable(uniqueidByName.get(LocalHalf.TWO.partnerName(channel.name())))
                        .map(byUniqueid::get)
                : Optional.empty();
        Optional<TrackedChannel> linked = channel.linkedid().equals(channel.uniqueid())
                ? Optional.empty() : Optional.ofNullable(byUniqueid.get(channel.linkedid()));
        CallId call = channel.callId()
                .or(() -> partner.flatMap(p -> p.snapshot().callId()))
                .or(() -> linked.flatMap(l -> l.snapshot().callId()))
                .orElseGet(() -> callIdFor(channel.uniqueid()));
        String leg = partner.map(TrackedChannel::leg).orElse(channel.uniqueid());
        ChannelSnapshot tied = channel.withCall(call);
        put(new TrackedChannel(tied, leg));
        if (call.equals(callIdFor(channel.uniqueid()))) {
            anchorByCall.putIfAbsent(call, channel.uniqueid());
        }
        return tied;
    }

    /**
     * Makes the channel the one that stands for a new inbound call ({@code <pbx>/<its Uniqueid>}), with
     * its Local partner; the channel's leg is then named after it.
     *
     * @return the call, or empty when the channel is not known
     */
    public Optional<CallId> announce(String uniqueid) {
        TrackedChannel tracked = byUniqueid.get(uniqueid);
        if (tracked == null) {
            return Optional.empty();
        }
        CallId call = callIdFor(uniqueid);
        put(new TrackedChannel(tracked.snapshot().withCall(call), uniqueid));
        ChannelSnapshot channel = tracked.snapshot();
        if (channel.localHalf() != LocalHalf.NONE) {
            Optional.ofNullable(uniqueidByName.get(channel.localHalf().partnerName(channel.name())))
                    .map(byUniqueid::get)
                    .ifPresent(p -> put(new TrackedChannel(p.snapshot().withCall(call), uniqueid)));
        }
        anchorByCall.put(call, uniqueid);
        announced.add(uniqueid);
        return Optional.of(call);
    }

    /** Whether the channel already announced an inbound call. */
    public boolean announced(String uniqueid) {
        return announced.contains(uniqueid);
    }

    /**
     * The live channel is agent {@code agent}'s nailed-up session leg ({@code AgentSessionStarted}, or its
     * rebuild after a resync).
     *
     * @return the session leg when this is the first report of the session; empty when it was reported
     *         before or the channel is not known
     */
    public Optional<LegId> openSession(String uniqueid, AgentId agent) {
        Require.nonNull(agent, "agent");
        return legOf(uniqueid).filter(leg -> sessions.open(uniqueid, agent, leg));
    }

    /**
     * The session on this channel ended ({@code AgentSessionEnded}). A session whose channel is gone at a
     * resync is closed by {@link #reconcile} instead, so each session closes once.
     *
     * @return the session leg when the session was open
     */
    public Optional<LegId> closeSession(String uniqueid) {
        return Optional.ofNullable(uniqueid).flatMap(sessions::close).map(AgentSessions.Session::leg);
    }

    /** Whether the channel's nailed-up session was reported open. */
    public boolean hasSession(String uniqueid) {
        return uniqueid != null && sessions.isOpen(uniqueid);
    }

    /** Applies a change to a live channel; nothing happens when the channel is not known. */
    public Optional<ChannelSnapshot> update(String uniqueid, UnaryOperator<ChannelSnapshot> change) {
        TrackedChannel tracked = uniqueid == null ? null : byUniqueid.get(uniqueid);
        if (tracked == null) {
            return Optional.empty();
        }
        ChannelSnapshot changed = change.apply(tracked.snapshot());
        if (!changed.name().equals(tracked.snapshot().name())) {
            uniqueidByName.remove(tracked.snapshot().name(), uniqueid);
        }
        put(new TrackedChannel(changed, tracked.leg()));
        return Optional.of(changed);
    }

    /**
     * Marks the leg of a live channel as ended (a failed dial) before its channel goes away.
     *
     * @return the call and leg when this is the first report of the leg's end
     */
    public Optional<LegEnd> endLeg(String uniqueid) {
        TrackedChannel tracked = uniqueid == null ? null : byUniqueid.get(uniqueid);
        if (tracked == null || tracked.snapshot().callId().isEmpty() || !endedLegs.add(tracked.leg())) {
            return Optional.empty();
        }
        return Optional.of(new LegEnd(tracked.snapshot().callId().get(), legId(tracked.leg())));
    }

    /**
     * Removes a channel that hung up.
     *
     * @return the call and leg when this is the first report of the leg's end
     */
    public Optional<LegEnd> closed(String uniqueid) {
        Optional<LegEnd> end = endLeg(uniqueid);
        TrackedChannel removed = uniqueid == null ? null : byUniqueid.remove(uniqueid);
        if (removed != null) {
            uniqueidByName.remove(removed.snapshot().name(), uniqueid);
            anchorByCall.values().remove(uniqueid);
            announced.remove(uniqueid);
            if (byUniqueid.values().stream().noneMatch(t -> t.leg().equals(removed.leg()))) {
                endedLegs.remove(removed.leg());
                agentLegs.legGone(removed.leg());
            }
            sessions.close(uniqueid);
            removed.snapshot().callId().filter(agentLegs::expects).filter(call -> !hasChannels(call))
                    .ifPresent(call -> agentLegs.dropExpectationsOf(call::equals));
        }
        return end;
    }

    private Optional<TrackedChannel> anchorOf(CallId call) {
        String uniqueid = anchorByCall.get(call);
        return Optional.ofNullable(uniqueid == null ? null : byUniqueid.get(uniqueid));
    }

    private void put(TrackedChannel tracked) {
        byUniqueid.put(tracked.snapshot().uniqueid(), tracked);
        uniqueidByName.put(tracked.snapshot().name(), tracked.snapshot().uniqueid());
    }

    private CallId callIdFor(String uniqueid) {
        return CallId.of(pbx.value() + "/" + uniqueid);
    }

    private boolean hasChannels(CallId call) {
        return byUniqueid.values().stream().anyMatch(t -> t.snapshot().callId().equals(Optional.of(call)));
    }

    private LegId legId(String leg) {
        return agentLegs.nameOf(leg).orElseGet(() -> LegId.of(pbx.value() + "/" + leg));
    }

    /**
     * A call leg whose end is to be reported.
     *
     * @param call the call the leg belongs to
     * @param leg  the leg
     */
    public record LegEnd(CallId call, LegId leg) {
    }
}
