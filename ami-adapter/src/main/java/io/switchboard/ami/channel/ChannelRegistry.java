package io.switchboard.ami.channel;

import io.switchboard.core.Require;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
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
 * <p>Parts: {@code LiveChannels}, {@code CallAnchors}, {@code AgentLegs}, {@link AgentSessions}, and
 * {@code Reconnects} for what a reconnect changes. Thread-safe. The AMI event translator writes (on
 * Asterisk-Java's event thread, and the connection on resync through {@link #reset()} and
 * {@link #reconcile(Collection)}); call control adds and withdraws expected agent legs from its own
 * thread; any thread reads.
 */
public final class ChannelRegistry {

    private final PbxId pbx;
    private final Clock clock;
    private final LiveChannels live = new LiveChannels();
    private final CallAnchors anchors = new CallAnchors();
    private final Set<String> endedLegs = ConcurrentHashMap.newKeySet();
    private final AgentLegs agentLegs = new AgentLegs();
    private final AgentSessions sessions = new AgentSessions();
    private final Reconnects reconnects = new Reconnects();

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
        return anchorOf(call).map(t -> t.snapshot().localHalf() == LocalHalf.ONE
                ? live.partnerOf(t.snapshot()).orElse(t) : t).map(t -> t.snapshot().name());
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
        return LegLookups.channelOfLeg(live.all(), call,
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
        if (!live.hasCall(call)) {
            agentLegs.withdraw(call, agentLeg);
        }
    }

    /**
     * Call control originates a ring leg for {@code call} with Uniqueid {@code uniqueid} ({@code ringAgentLeg}):
     * that channel belongs to the call and is reported as {@code agentLeg}.
     */
    public void expectRingLeg(CallId call, LegId agentLeg, String uniqueid) {
        agentLegs.ring(Require.nonNull(uniqueid, "uniqueid"), Require.nonNull(call, "call"), agentLeg);
    }

    /** For a ring leg's channel, the Uniqueid of its call's customer channel (the one call control bridges). */
    public Optional<String> ringCustomerOf(String uniqueid) {
        return agentLegs.ringCallOf(uniqueid).flatMap(this::channelOf).flatMap(live::byName)
                .map(t -> t.snapshot().uniqueid());
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
        TrackedChannel caller = live.get(callerUniqueid);
        TrackedChannel dest = live.get(destUniqueid);
        if (caller == null || dest == null || dest.leg().equals(caller.leg())) {
            return Optional.empty();
        }
        return caller.snapshot().callId()
                .filter(call -> anchorOf(call).filter(anchor -> anchor.leg().equals(caller.leg())).isPresent())
                .flatMap(call -> agentLegs.dialled(call, dest.leg()));
    }

    /**
     * The agent's channel of {@code call}, the target a whispering supervisor spies on: the leg bridged
     * with the customer (dialled by the connect context, or the nailed-up agent's leg in its conference),
     * else a leg dialled from the customer's channel. For a Local pair the {@code ;2} half (Quirk 24).
     */
    public Optional<String> agentChannelOf(CallId call) {
        return anchorOf(call).flatMap(anchor -> LegLookups.agentChannelOf(live.all(), call, anchor.leg()));
    }

    /** Every live channel, in no particular order. */
    public Collection<ChannelSnapshot> liveChannels() {
        return live.all().stream().map(TrackedChannel::snapshot).toList();
    }

    /** The live channel with this Uniqueid. */
    public Optional<ChannelSnapshot> byUniqueid(String uniqueid) {
        return Optional.ofNullable(live.get(uniqueid)).map(TrackedChannel::snapshot);
    }

    /** The live channel with this name. */
    public Optional<ChannelSnapshot> byName(String name) {
        return live.byName(name).map(TrackedChannel::snapshot);
    }

    /** The leg a live channel is part of (shared by both halves of a Local pair). */
    public Optional<LegId> legOf(String uniqueid) {
        return Optional.ofNullable(live.get(uniqueid)).map(t -> legId(t.leg()));
    }

    /**
     * Forgets every live channel because the connection was lost. The channels stay remembered
     * until {@link #reconcile(Collection)} compares them with what the PBX reports.
     */
    public void reset() {
        reconnects.lost(live);
        live.clear();
    }

    /**
     * Like {@link #reset()}, because the PBX shut down: at the next {@link #reconcile(Collection)} every
     * channel known before has ended, and every channel the PBX reports is new, even one with the Uniqueid
     * and name of an old one (a restarted Asterisk counts both from zero again; pbx-sim within the same
     * second even repeats the epoch part of the Uniqueid).
     */
    public void pbxShutDown() {
        reset();
        reconnects.pbxShutDown();
    }

    /**
     * Replaces the live channels with those the PBX reports after a reconnect ({@code CoreShowChannels}).
     * Channels known before that the PBX no longer has ended while Switchboard was not listening.
     *
     * @return one {@code LegHungUp} (cause {@code OTHER}) per call leg none of whose channels is still live
     *         and whose end was not reported before, so that nothing is counted twice
     */
    public List<PbxEvent> reconcile(Collection<ChannelSnapshot> fromPbx) {
        Reconnects.Baseline before = reconnects.take(live, fromPbx);
        List<PbxEvent> ended = before.endedUnseen(pbx, clock.instant(), sessions, endedLegs, this::legId);
        live.clear();
        if (before.restarted()) {
            anchors.clear();
            endedLegs.clear();
            agentLegs.clear();
        }
        before.restore(fromPbx, live::put, this::opened);
        anchors.retain(live::contains);
        endedLegs.removeIf(leg -> !live.hasLeg(leg));
        agentLegs.legsGone(leg -> !live.hasLeg(leg));
        agentLegs.dropExpectationsOf(call -> !live.hasCall(call));
        return ended;
    }

    /**
     * Records a new channel and ties it to a call: that of its Local {@code ;1} half, else that of the
     * channel its Linkedid names, else a call of its own.
     */
    public ChannelSnapshot opened(ChannelSnapshot channel) {
        Optional<TrackedChannel> partner = channel.localHalf() == LocalHalf.TWO
                ? live.partnerOf(channel) : Optional.empty();
        Optional<TrackedChannel> linked = channel.linkedid().equals(channel.uniqueid())
                ? Optional.empty() : Optional.ofNullable(live.get(channel.linkedid()));
        CallId call = channel.callId()
                .or(() -> partner.flatMap(p -> p.snapshot().callId()))
                .or(() -> linked.flatMap(l -> l.snapshot().callId()))
                .or(() -> agentLegs.ringCallOf(channel.uniqueid()))
                .orElseGet(() -> callIdFor(channel.uniqueid()));
        String leg = partner.map(TrackedChannel::leg).orElse(channel.uniqueid());
        ChannelSnapshot tied = channel.withCall(call);
        live.put(new TrackedChannel(tied, leg));
        if (call.equals(callIdFor(channel.uniqueid()))) {
            anchors.anchorIfAbsent(call, channel.uniqueid());
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
        TrackedChannel tracked = live.get(uniqueid);
        if (tracked == null) {
            return Optional.empty();
        }
        CallId call = callIdFor(uniqueid);
        live.put(new TrackedChannel(tracked.snapshot().withCall(call), uniqueid));
        live.partnerOf(tracked.snapshot())
                .ifPresent(p -> live.put(new TrackedChannel(p.snapshot().withCall(call), uniqueid)));
        anchors.announce(call, uniqueid);
        return Optional.of(call);
    }

    /** Whether the channel already announced an inbound call. */
    public boolean announced(String uniqueid) {
        return anchors.announced(uniqueid);
    }

    /** The nailed-up agents' sessions on these channels; a channel that hangs up forgets its session. */
    public AgentSessions sessions() {
        return sessions;
    }

    /** Applies a change to a live channel; nothing happens when the channel is not known. */
    public Optional<ChannelSnapshot> update(String uniqueid, UnaryOperator<ChannelSnapshot> change) {
        TrackedChannel tracked = live.get(uniqueid);
        if (tracked == null) {
            return Optional.empty();
        }
        ChannelSnapshot changed = change.apply(tracked.snapshot());
        live.put(new TrackedChannel(changed, tracked.leg()));
        return Optional.of(changed);
    }

    /**
     * Marks the leg of a live channel as ended (a failed dial) before its channel goes away.
     *
     * @return the call and leg when this is the first report of the leg's end
     */
    public Optional<LegEnd> endLeg(String uniqueid) {
        TrackedChannel tracked = live.get(uniqueid);
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
        TrackedChannel removed = live.remove(uniqueid);
        if (removed != null) {
            anchors.forget(uniqueid);
            if (!live.hasLeg(removed.leg())) {
                endedLegs.remove(removed.leg());
                agentLegs.legGone(removed.leg());
            }
            sessions.close(uniqueid);
            removed.snapshot().callId().filter(agentLegs::expects).filter(call -> !live.hasCall(call))
                    .ifPresent(call -> agentLegs.dropExpectationsOf(call::equals));
        }
        return end;
    }

    private Optional<TrackedChannel> anchorOf(CallId call) {
        return anchors.of(call).map(live::get);
    }

    private CallId callIdFor(String uniqueid) {
        return CallId.of(pbx.value() + "/" + uniqueid);
    }

    private LegId legId(String leg) {
        return agentLegs.nameOf(leg).orElseGet(() -> LegId.of(pbx.value() + "/" + leg));
    }
}
