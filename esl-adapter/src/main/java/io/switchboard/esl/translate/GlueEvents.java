package io.switchboard.esl.translate;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.esl.EslEventHeaders;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CUSTOM events of the shipped FreeSWITCH glue ({@code dialplan/freeswitch/dialplan/switchboard.xml},
 * contract in {@code dialplan/README.md}), one {@link CustomEventTranslator} per {@code Event-Subclass}.
 * FreeSWITCH adds the channel's standard headers to each, so the caller is {@code Unique-ID} and
 * {@code Caller-Caller-ID-Number}; the glue's own fields are {@code Switchboard-*}.
 *
 * <table>
 *   <caption>subclass → core</caption>
 *   <tr><td>{@code switchboard::inbound_call}</td><td>{@code CallOffered}, once per caller</td></tr>
 *   <tr><td>{@code switchboard::caller_on_hold}</td><td>Reason {@code NEW}: {@code CallOffered} if not yet
 *       announced; another Reason: {@code CallReturnedToHold}</td></tr>
 *   <tr><td>{@code switchboard::agent_dial_result}</td><td>nothing; a failure is remembered for the hold that
 *       follows</td></tr>
 *   <tr><td>{@code switchboard::agent_session_started}</td><td>{@code AgentSessionOpened}, once per leg</td></tr>
 *   <tr><td>{@code switchboard::agent_login} / {@code agent_logout}</td><td>{@code AgentLoggedIn} /
 *       {@code AgentLoggedOut}</td></tr>
 *   <tr><td>{@code switchboard::amd}</td><td>{@code AnsweringMachineDetected}</td></tr>
 *   <tr><td>{@code switchboard::safe_harbour}</td><td>{@code SafeHarbourPlayed}</td></tr>
 *   <tr><td>{@code switchboard::amd_message_left}</td><td>{@code MachineMessageLeft}</td></tr>
 *   <tr><td>{@code switchboard::call_transferred}</td><td>{@code CallTransferred}</td></tr>
 *   <tr><td>{@code switchboard::callback}</td><td>{@code CallbackRequested}</td></tr>
 *   <tr><td>{@code switchboard::broadcast}</td><td>{@code BroadcastPlayed}</td></tr>
 * </table>
 * A session's end is not a CUSTOM event: see {@link EslEventTranslator} (CHANNEL_HANGUP_COMPLETE).
 */
public final class GlueEvents {

    /** The subclasses of the glue's events, as FreeSWITCH names them (decoded). */
    public static final List<String> SUBCLASSES = List.of("switchboard::inbound_call", "switchboard::caller_on_hold",
            "switchboard::agent_dial_result", "switchboard::agent_session_started", "switchboard::agent_login",
            "switchboard::agent_logout", "switchboard::amd", "switchboard::safe_harbour",
            "switchboard::amd_message_left", "switchboard::call_transferred", "switchboard::callback",
            "switchboard::broadcast");

    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private final Map<String, CustomEventTranslator> translators;

    /**
     * @param defaultRegion the ISO 3166 region for caller numbers FreeSWITCH reports without a country code
     *                      ({@code ZZ}: only {@code +} numbers are read, nothing is guessed)
     * @throws IllegalArgumentException if the region is not one libphonenumber knows
     */
    public GlueEvents(String defaultRegion) {
        PhoneNumber.parse("+442079460000", defaultRegion, "defaultRegion");
        CallerGlue callers = new CallerGlue(defaultRegion, this::skip);
        AgentGlue agents = new AgentGlue(this::skip);
        Map<String, CustomEventTranslator> all = new TreeMap<>();
        all.put("switchboard::inbound_call", callers::offered);
        all.put("switchboard::caller_on_hold", callers::onHold);
        all.put("switchboard::agent_dial_result", (event, at, channels) -> callers.dialResult(event, channels));
        all.put("switchboard::agent_session_started", agents::sessionStarted);
        all.put("switchboard::agent_login", agents::login);
        all.put("switchboard::agent_logout", agents::logout);
        all.put("switchboard::amd", callers::amd);
        OutcomeGlue outcomes = new OutcomeGlue(this::skip);
        all.put("switchboard::safe_harbour", outcomes::safeHarbour);
        all.put("switchboard::amd_message_left", outcomes::messageLeft);
        all.put("switchboard::call_transferred", outcomes::transferred);
        all.put("switchboard::broadcast", outcomes::broadcast);
        all.put("switchboard::callback", new CallbackGlue(defaultRegion, this::skip)::requested);
        this.translators = Map.copyOf(all);
    }

    /** One translator per subclass of {@link #SUBCLASSES}, to register with the connection. */
    public Map<String, CustomEventTranslator> translators() {
        return translators;
    }

    /** Glue events that produced nothing, by subclass and why (duplicates are not counted). */
    public Map<String, Long> skipped() {
        Map<String, Long> copy = new TreeMap<>();
        skipped.forEach((what, count) -> copy.put(what, count.sum()));
        return copy;
    }

    private void skip(String what) {
        skipped.computeIfAbsent(what, w -> new LongAdder()).increment();
    }

    /** A {@code Switchboard-*} or standard header's value; empty when missing or blank (an unset variable). */
    static Optional<String> field(EslEventHeaders event, String name) {
        return event.first(name).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The channel that fired the event, tracked now if its CHANNEL_CREATE was missed; empty once it ended. */
    static Optional<TrackedLeg> channel(EslEventHeaders event, EslChannels channels) {
        Optional<String> uuid = event.first("Unique-ID");
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        return channels.find(uuid.get()).or(() -> channels.appeared(uuid.get(), Optional.empty(),
                event.first("Call-Direction").filter("outbound"::equals).isPresent()));
    }
}
