package io.switchboard.esl.translate;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The live channels of one FreeSWITCH and the call each belongs to.
 *
 * <p>Call ids: a channel that starts on its own (an inbound caller, or a leg Switchboard originated with
 * {@code origination_uuid}) is {@code <pbx>/<its Unique-ID>}; a channel created by another one
 * ({@code Other-Type: originator} on CHANNEL_CREATE, e.g. a dialplan {@code bridge}) belongs to that
 * channel's call. The call is fixed when the channel appears and never re-derived from
 * {@code Channel-Call-UUID}, which a bridge changes (Quirk 13). Legs are {@code <pbx>/<Unique-ID>}.
 *
 * <p>Agent legs: call control names the leg the glue's {@code bridge} will create for a ring-on-demand agent
 * ({@link #expectAgentLeg}); the next channel the customer's channel creates then carries that id instead
 * of {@code <pbx>/<Unique-ID>}. A nailed-up agent's session leg keeps its own id, which is the one
 * {@code AgentSessionOpened} reported.
 *
 * <p>Each leg's end is reported at most once: live, or by {@link #reconcile} after a reconnect, whichever
 * comes first. Used from one thread at a time (the connection's event executor); reads from any thread.
 */
public final class EslChannels {

    static final int REMEMBERED_ENDS = 10_000;

    private final PbxId pbx;
    private final Map<String, TrackedLeg> live = new ConcurrentHashMap<>();
    /** How many live channels each call has, so a connect command does not walk every live channel. */
    private final Map<CallId, Integer> legsByCall = new ConcurrentHashMap<>();
    private final Set<String> ended = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_ENDS;
        }
    });
    private final Set<String> bridges = ConcurrentHashMap.newKeySet();
    private final AgentLegs agentLegs = new AgentLegs();
    private final GlueMemory glue = new GlueMemory();

    /** The channels of {@code pbx}. */
    public EslChannels(PbxId pbx) {
        this.pbx = pbx;
    }

    /** The PBX whose channels these are. */
    public PbxId pbx() {
        return pbx;
    }

    /** A live channel by uuid. */
    public Optional<TrackedLeg> find(String uuid) {
        return Optional.ofNullable(live.get(uuid));
    }

    /** Every live channel. */
    public Collection<TrackedLeg> all() {
        return List.copyOf(live.values());
    }

    /** The call id Switchboard uses for a call anchored on channel {@code uuid}. */
    public CallId callOf(String uuid) {
        return CallId.of(pbx.value() + "/" + uuid);
    }

    /** The leg id of channel {@code uuid}. */
    public LegId legOf(String uuid) {
        return LegId.of(pbx.value() + "/" + uuid);
    }

    /** The live channel that carries leg id {@code leg} (its own, or one Switchboard gave it). */
    public Optional<String> uuidOf(LegId leg) {
        return live.values().stream().filter(l -> l.leg().equals(leg)).map(TrackedLeg::uuid).findFirst();
    }

    /**
     * Call control is about to send {@code call}'s customer to ring an agent ({@code uuid_transfer ...
     * switchboard_connect}): the next channel the customer's channel creates (the glue's {@code bridge} to
     * the device) is reported as {@code agentLeg}, for ringing, answer, {@code CallConnected} and hang-up,
     * and names the failed leg of a {@code CallReturnedToHold}. Replaces an expectation not met yet;
     * dropped when the call ends, and not kept for a call with no live channel. Safe from any thread.
     */
    public void expectAgentLeg(CallId call, LegId agentLeg) {
        agentLegs.expect(Objects.requireNonNull(call, "call"), Objects.requireNonNull(agentLeg, "agentLeg"));
        if (!legsByCall.containsKey(call)) {
            agentLegs.withdraw(call, agentLeg);
        }
    }

    /** The transfer for {@code agentLeg} was refused: no channel is to be named after it. Safe from any thread. */
    public void withdrawAgentLeg(CallId call, LegId agentLeg) {
        agentLegs.withdraw(Objects.requireNonNull(call, "call"), Objects.requireNonNull(agentLeg, "agentLeg"));
    }

    /** Whether the caller on channel {@code uuid} was offered ({@code CallOffered}) already. */
    public boolean announced(String uuid) {
        return glue.announced(uuid);
    }

    /** The agent of the nailed-up session open on channel {@code uuid}, if one is. */
    public Optional<AgentId> sessionOn(String uuid) {
        return glue.session(uuid);
    }

    GlueMemory glue() {
        return glue;
    }

    AgentLegs agentLegs() {
        return agentLegs;
    }

    /**
     * Tracks channel {@code uuid} if it is new and has not ended; a channel that was already reported as
     * hung up is never brought back (its CHANNEL_CREATE was read after its end, or resync raced).
     *
     * @param creator the channel that created it ({@code Other-Type: originator}), if any
     */
    public Optional<TrackedLeg> appeared(String uuid, Optional<String> creator, boolean outbound) {
        if (isEnded(uuid)) {
            return Optional.empty();
        }
        Optional<TrackedLeg> customer = creator.filter(c -> !c.equals(uuid)).map(live::get)
                .filter(c -> c.call().equals(callOf(c.uuid())));
        TrackedLeg known = live.get(uuid);
        if (known != null && customer.isPresent() && known.call().equals(callOf(uuid)) && !known.ringing()
                && !known.answered() && agentLegs.expects(customer.get().call())) {
            known = null;
        }
        if (known != null) {
            return Optional.of(known);
        }
        CallId call = creator.map(live::get).map(TrackedLeg::call).orElseGet(() -> callOf(uuid));
        LegId leg = customer.flatMap(c -> agentLegs.take(c.call())).orElseGet(() -> legOf(uuid));
        TrackedLeg tracked = new TrackedLeg(uuid, call, leg, outbound, false, false);
        track(tracked);
        return Optional.of(tracked);
    }

    /**
     * Tracks channel {@code uuid}, a ring leg Switchboard originated for the call of the customer on channel
     * {@code customer} ({@code switchboard_ring_call}, {@code switchboard_ring_leg}): it belongs to that call
     * and carries {@code leg}. Without that customer live, it is tracked as a call of its own.
     */
    public Optional<TrackedLeg> appearedForCall(String uuid, String customer, LegId leg, boolean outbound) {
        TrackedLeg caller = live.get(customer);
        if (isEnded(uuid) || live.containsKey(uuid) || caller == null) {
            return appeared(uuid, Optional.empty(), outbound);
        }
        TrackedLeg tracked = new TrackedLeg(uuid, caller.call(), leg, outbound, false, false);
        track(tracked);
        return Optional.of(tracked);
    }

    /** Marks the leg as ringing; true the first time only. */
    boolean markRinging(String uuid) {
        TrackedLeg leg = live.get(uuid);
        if (leg == null || leg.ringing() || leg.answered()) {
            return false;
        }
        track(leg.asRinging());
        return true;
    }

    /** Marks the leg as answered; true the first time only. */
    boolean markAnswered(String uuid) {
        TrackedLeg leg = live.get(uuid);
        if (leg == null || leg.answered()) {
            return false;
        }
        track(leg.asAnswered());
        return true;
    }

    /** Records a bridge of {@code a} with {@code b}; true the first time for this pair. */
    boolean markBridged(String a, String b) {
        return bridges.add(a + "|" + b);
    }

    /** Ends the leg; the leg the first time, empty if it was not live or already ended. */
    Optional<TrackedLeg> end(String uuid) {
        TrackedLeg leg = live.remove(uuid);
        if (leg != null) {
            count(leg.call(), -1);
        }
        glue.gone(uuid);
        if (leg != null && leg.call().equals(callOf(uuid))) {
            agentLegs.callGone(leg.call());
        }
        bridges.removeIf(pair -> pair.startsWith(uuid + "|") || pair.endsWith("|" + uuid));
        synchronized (ended) {
            if (!ended.add(uuid)) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(leg);
    }

    /** Tracks {@code leg} in place of what its channel was, counting it under its call. */
    private void track(TrackedLeg leg) {
        TrackedLeg old = live.put(leg.uuid(), leg);
        count(leg.call(), 1);
        if (old != null) {
            count(old.call(), -1);
        }
    }

    private void count(CallId call, int change) {
        legsByCall.compute(call, (c, n) -> {
            int now = (n == null ? 0 : n) + change;
            return now <= 0 ? null : now;
        });
    }

    private boolean isEnded(String uuid) {
        synchronized (ended) {
            return ended.contains(uuid);
        }
    }

    /**
     * Brings the registry in line with FreeSWITCH's channel list after a (re)connect: a leg tracked here
     * that FreeSWITCH no longer has ended while Switchboard was away and is reported hung up now (cause
     * {@code OTHER}, since the real cause was never seen), once, and a nailed-up session open on it is
     * closed ({@code AgentSessionClosed}), once; a tracked leg that was answered meanwhile
     * is reported answered, once; channels new to the registry are tracked without events, so their later
     * events translate. Nothing that was reported live is reported again.
     *
     * @return the events to publish, in order
     */
    public List<PbxEvent> reconcile(Collection<LiveChannel> channels, Instant at) {
        Map<String, LiveChannel> byUuid = channels.stream()
                .collect(Collectors.toMap(LiveChannel::uuid, c -> c, (a, b) -> a, LinkedHashMap::new));
        List<PbxEvent> events = new ArrayList<>();
        for (TrackedLeg leg : all()) {
            LiveChannel now = byUuid.get(leg.uuid());
            if (now == null) {
                Optional<AgentId> session = glue.closeSession(leg.uuid());
                end(leg.uuid()).ifPresent(gone -> {
                    events.add(new PbxEvent.LegHungUp(pbx, at, gone.call(), gone.leg(), HangupCause.OTHER));
                    session.ifPresent(agent -> events.add(new PbxEvent.AgentSessionClosed(pbx, at, agent, gone.leg())));
                });
            } else if (now.answered() && markAnswered(leg.uuid())) {
                events.add(new PbxEvent.LegAnswered(pbx, at, leg.call(), leg.leg()));
            }
        }
        for (LiveChannel channel : byUuid.values()) {
            if (!live.containsKey(channel.uuid())) {
                Optional<String> anchor = channel.callUuid().filter(u -> !u.equals(channel.uuid()) && live.containsKey(u));
                appeared(channel.uuid(), anchor, channel.outbound()).ifPresent(leg -> {
                    if (channel.answered()) {
                        markAnswered(leg.uuid());
                    }
                });
            }
        }
        return events;
    }
}
