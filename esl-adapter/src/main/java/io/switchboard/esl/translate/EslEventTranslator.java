package io.switchboard.esl.translate;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.esl.EslEventHeaders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns FreeSWITCH events into core {@link PbxEvent}s. Plain and JSON events look the same here.
 *
 * <ul>
 *   <li>CHANNEL_CREATE: tracks the channel (see {@link EslChannels} for its call); no event.</li>
 *   <li>CHANNEL_PROGRESS, CHANNEL_PROGRESS_MEDIA on an outbound leg: {@code LegRinging}, once. Inbound
 *       legs are announced by the glue instead; null/ legs skip straight to answer (Quirk 17).</li>
 *   <li>CHANNEL_ANSWER: {@code LegAnswered}, once.</li>
 *   <li>CHANNEL_BRIDGE, one per {@code uuid_bridge A B} (Quirk 13): {@code CallConnected} for A's call, with
 *       A as the customer leg and B as the agent leg, by the id B carries: the one call control expected for a
 *       ring-on-demand agent ({@link EslChannels#expectAgentLeg}), or a nailed-up session leg's own (a session
 *       leg named first, {@code uuid_bridge <session> <customer>}, is still the agent's).
 *       Switchboard's call control bridges {@code uuid_bridge <customer> <agent>}.</li>
 *   <li>CHANNEL_HANGUP, or CHANNEL_HANGUP_COMPLETE when it was missed: {@code LegHungUp} with the cause, once
 *       per leg; of a nailed-up session leg (open, or with {@code variable_switchboard_session}) also
 *       {@code AgentSessionClosed}. CHANNEL_HANGUP comes in the order the parties hung up; the
 *       HANGUP_COMPLETEs of a bridge do not (the peer's often comes first, fixture 05), so ending legs at
 *       HANGUP_COMPLETE would credit the wrong side with hanging up first (COMPLETECALLER/COMPLETEAGENT).</li>
 *   <li>BACKGROUND_JOB with {@code -ERR <CAUSE>}: {@code OriginateFailed} for the job's call: the call the
 *       job was sent for ({@code jobCalls}), else the {@code origination_uuid} in an originate's arguments.
 *       {@code +OK} results add nothing: the channel's own events follow.</li>
 *   <li>CHANNEL_CREATE, CHANNEL_ANSWER and CHANNEL_HANGUP(_COMPLETE) of a channel with a
 *       {@code Channel-Presence-ID} also: {@code AgentDeviceStateChanged} of {@code user/<presence id>} when
 *       that phone's state changes ({@link PhoneStates}).</li>
 *   <li>SHUTDOWN: {@code PbxDisconnected}.</li>
 *   <li>CUSTOM: the {@link CustomEventTranslator} registered for its {@code Event-Subclass}.</li>
 * </ul>
 * Anything else is counted by name in {@link #skipped()} and produces nothing. One translator per
 * connection, called from one thread at a time.
 */
public final class EslEventTranslator {

    private static final Pattern ORIGINATION_UUID = Pattern.compile("origination_uuid=([^,}\\s]+)");

    private final EslChannels channels;
    private final PbxId pbx;
    private final Clock clock;
    private final Map<String, CustomEventTranslator> custom;
    private final Function<String, Optional<CallId>> jobCalls;
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private final PhoneStates phones;

    /**
     * @param custom translators of the glue's CUSTOM events by {@code Event-Subclass}
     * @param jobCalls the call a {@code Job-UUID} was sent for, if Switchboard sent it on this connection
     * @param clock stamps events that carry no {@code Event-Date-Timestamp}
     */
    public EslEventTranslator(EslChannels channels, Map<String, CustomEventTranslator> custom,
            Function<String, Optional<CallId>> jobCalls, Clock clock) {
        this.channels = channels;
        this.pbx = channels.pbx();
        this.custom = Map.copyOf(custom);
        this.jobCalls = jobCalls;
        this.clock = clock;
        this.phones = new PhoneStates(pbx);
    }

    /** A translator with no CUSTOM translators that finds jobs' calls from their arguments only. */
    public static EslEventTranslator of(EslChannels channels, Clock clock) {
        return new EslEventTranslator(channels, Map.of(), job -> Optional.empty(), clock);
    }

    /** The subclasses of CUSTOM events this translator reads, to subscribe to. */
    public List<String> customSubclasses() {
        return custom.keySet().stream().sorted().toList();
    }

    /** The core events for one FreeSWITCH event; empty for events Switchboard does not use. */
    public List<PbxEvent> translate(EslEventHeaders event) {
        String name = event.eventName().orElse("");
        Instant at = at(event);
        return switch (name) {
            case "CHANNEL_CREATE" -> both(created(event), phones.created(event, at));
            case "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA" -> ringing(event, at);
            case "CHANNEL_ANSWER" -> both(answered(event, at), phones.answered(event, at));
            case "CHANNEL_BRIDGE" -> bridged(event, at);
            case "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE" -> both(hungUp(event, at), phones.hungUp(event, at));
            case "BACKGROUND_JOB" -> jobDone(event, at);
            case "SHUTDOWN" -> List.of(new PbxEvent.PbxDisconnected(pbx, at, "FreeSWITCH is shutting down"));
            case "CUSTOM" -> customEvent(event, at);
            default -> skip(name);
        };
    }

    /** Events that produced nothing because Switchboard does not use them, by name ({@code CUSTOM/<subclass>}). */
    public Map<String, Long> skipped() {
        Map<String, Long> copy = new TreeMap<>();
        skipped.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }

    private List<PbxEvent> created(EslEventHeaders event) {
        track(event);
        return List.of();
    }

    private List<PbxEvent> ringing(EslEventHeaders event, Instant at) {
        Optional<TrackedLeg> leg = track(event);
        if (leg.isEmpty() || !leg.get().outbound() || !channels.markRinging(leg.get().uuid())) {
            return List.of();
        }
        return List.of(new PbxEvent.LegRinging(pbx, at, leg.get().call(), leg.get().leg()));
    }

    private List<PbxEvent> answered(EslEventHeaders event, Instant at) {
        Optional<TrackedLeg> leg = track(event);
        if (leg.isEmpty() || !channels.markAnswered(leg.get().uuid())) {
            return List.of();
        }
        return List.of(new PbxEvent.LegAnswered(pbx, at, leg.get().call(), leg.get().leg()));
    }

    private List<PbxEvent> bridged(EslEventHeaders event, Instant at) {
        Optional<String> first = event.first("Bridge-A-Unique-ID").or(() -> event.first("Unique-ID"));
        Optional<String> second = event.first("Bridge-B-Unique-ID").or(() -> event.first("Other-Leg-Unique-ID"));
        if (first.isEmpty() || second.isEmpty()) {
            return skip("CHANNEL_BRIDGE without legs");
        }
        boolean sessionFirst = channels.sessionOn(first.get()).isPresent() && channels.sessionOn(second.get()).isEmpty();
        String a = sessionFirst ? second.get() : first.get();
        String b = sessionFirst ? first.get() : second.get();
        Optional<TrackedLeg> customer = channels.find(a)
                .or(() -> event.first("Unique-ID").filter(a::equals).flatMap(u -> track(event)));
        if (customer.isEmpty() || !channels.markBridged(a, b)) {
            return List.of();
        }
        LegId agent = channels.find(b).map(TrackedLeg::leg).orElseGet(() -> channels.legOf(b));
        channels.agentLegs().connected(customer.get().call());
        return List.of(new PbxEvent.CallConnected(pbx, at, customer.get().call(), customer.get().leg(), agent));
    }

    private List<PbxEvent> hungUp(EslEventHeaders event, Instant at) {
        Optional<String> uuid = event.first("Unique-ID");
        if (uuid.isEmpty()) {
            return skip(event.eventName().orElse("CHANNEL_HANGUP") + " without Unique-ID");
        }
        if (channels.find(uuid.get()).isEmpty()) {
            track(event);
        }
        return channels.end(uuid.get()).<List<PbxEvent>>map(leg -> {
            List<PbxEvent> events = new ArrayList<>();
            events.add(new PbxEvent.LegHungUp(pbx, at, leg.call(), leg.leg(), Causes.of(event)));
            events.addAll(AgentGlue.sessionEnded(event, at, channels, leg));
            return events;
        }).orElse(List.of());
    }

    private List<PbxEvent> jobDone(EslEventHeaders event, Instant at) {
        String result = event.body().trim();
        if (!result.startsWith("-ERR")) {
            return List.of();
        }
        Optional<CallId> call = event.first("Job-UUID").flatMap(jobCalls).or(() -> originatedCall(event));
        if (call.isEmpty()) {
            return skip("BACKGROUND_JOB without call");
        }
        return List.of(new PbxEvent.OriginateFailed(pbx, at, call.get(), Causes.ofJobError(result)));
    }

    private Optional<CallId> originatedCall(EslEventHeaders event) {
        if (!event.first("Job-Command").map(c -> c.equals("originate")).orElse(false)) {
            return Optional.empty();
        }
        return event.first("Job-Command-Arg").map(ORIGINATION_UUID::matcher).filter(Matcher::find)
                .map(m -> channels.callOf(m.group(1)));
    }

    private List<PbxEvent> customEvent(EslEventHeaders event, Instant at) {
        String subclass = event.first("Event-Subclass").orElse("");
        CustomEventTranslator translator = custom.get(subclass);
        if (translator == null) {
            return skip("CUSTOM/" + subclass);
        }
        return translator.translate(event, at, channels);
    }

    private Optional<TrackedLeg> track(EslEventHeaders event) {
        Optional<String> uuid = event.first("Unique-ID");
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> creator = event.first("Other-Type").filter("originator"::equals)
                .flatMap(t -> event.first("Other-Leg-Unique-ID"));
        boolean outbound = event.first("Call-Direction").map("outbound"::equals).orElse(false);
        Optional<String> ringCall = event.first("variable_switchboard_ring_call");
        Optional<String> ringLeg = event.first("variable_switchboard_ring_leg");
        if (ringCall.isPresent() && ringLeg.isPresent()) {
            return channels.appearedForCall(uuid.get(), ringCall.get(), LegId.of(ringLeg.get()), outbound);
        }
        return channels.appeared(uuid.get(), creator, outbound);
    }

    /** The leg's events, then its phone's ({@link PhoneStates}); no copy when either is empty. */
    private static List<PbxEvent> both(List<PbxEvent> leg, List<PbxEvent> phone) {
        if (phone.isEmpty()) {
            return leg;
        }
        if (leg.isEmpty()) {
            return phone;
        }
        List<PbxEvent> all = new ArrayList<>(leg.size() + phone.size());
        all.addAll(leg);
        all.addAll(phone);
        return all;
    }

    private List<PbxEvent> skip(String what) {
        skipped.computeIfAbsent(what, w -> new LongAdder()).increment();
        return List.of();
    }

    private Instant at(EslEventHeaders event) {
        Optional<String> micros = event.first("Event-Date-Timestamp");
        if (micros.isPresent()) {
            try {
                long value = Long.parseLong(micros.get());
                return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1_000);
            } catch (NumberFormatException bad) {
                return clock.instant();
            }
        }
        return clock.instant();
    }
}
