package io.switchboard.sim.freeswitch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The XML dialplan the simulated FreeSWITCH routes calls with: context + destination number to the
 * actions of the matching extension. {@link #fixtures()} is the capture config
 * ({@code fixtures/freeswitch-1.10/config/dialplan}) the conformance test replays; {@link #switchboard()}
 * is Switchboard's own glue.
 */
public interface FsDialplan {

    /** The actions for {@code destination} in {@code context}, empty if no extension matches. */
    Optional<List<DialplanAction>> route(String context, String destination);

    /**
     * The actions for {@code destination} in {@code context} as mod_dialplan_xml hunts them for one
     * channel: conditions on channel variables are decided now, with {@code expand} resolving
     * {@code ${var}}, {@code ${uuid_exists(...)}} in that channel; action data is expanded later,
     * when each action runs. By default the channel does not matter.
     */
    default Optional<List<DialplanAction>> route(String context, String destination, UnaryOperator<String> expand) {
        return route(context, destination);
    }

    /**
     * Switchboard's FreeSWITCH glue ({@code dialplan/freeswitch/}) as FreeSWITCH 1.10 runs it, without
     * mod_amd: every public DID goes to {@code switchboard_inbound}, {@code *70/*71/*72} from
     * {@code default} to the feature codes, and context {@code switchboard} has every entry point.
     */
    static FsDialplan switchboard() {
        return new SwitchboardGlue(false);
    }

    /** As {@link #switchboard()} on a FreeSWITCH with mod_amd loaded: AMD decides as each {@code Phone} says. */
    static FsDialplan switchboardWithAmd() {
        return new SwitchboardGlue(true);
    }

    /**
     * The fixtures' dialplan: {@code public/7000} (after the vanilla public context's
     * {@code set outside_call=true} and {@code export RFC2822_DATE=...}) answers, sets {@code cti_route}/{@code cti_customer_id}
     * and parks; {@code public/7001} answers, sets {@code cti_route} and
     * joins mod_callcenter's {@code support@default}; {@code default/7100} answers, sets {@code cti_transferred}, plays a tone and parks.
     */
    static FsDialplan fixtures() {
        Map<String, List<DialplanAction>> extensions = Map.of(
                "public/7000", List.of(new DialplanAction("set", "outside_call=true"),
                        new DialplanAction("export", "RFC2822_DATE=${strftime(%a, %d %b %Y %T %z)}"),
                        new DialplanAction("answer", ""),
                        new DialplanAction("set", "cti_route=inbound-7000"),
                        new DialplanAction("set", "cti_customer_id=C-4711"),
                        new DialplanAction("park", "")),
                "public/7001", List.of(new DialplanAction("set", "outside_call=true"),
                        new DialplanAction("export", "RFC2822_DATE=${strftime(%a, %d %b %Y %T %z)}"),
                        new DialplanAction("answer", ""),
                        new DialplanAction("set", "cti_route=inbound-7001-queue"),
                        new DialplanAction("callcenter", "support@default"),
                        new DialplanAction("hangup", "NORMAL_CLEARING")),
                "default/7100", List.of(new DialplanAction("answer", ""),
                        new DialplanAction("set", "cti_transferred=yes"),
                        new DialplanAction("playback", "tone_stream://%(200,100,440);loops=2"),
                        new DialplanAction("park", "")));
        return (context, destination) -> Optional.ofNullable(extensions.get(context + "/" + destination));
    }

    /**
     * The stand-in used before {@link #switchboard()} existed, kept for callers that want it: every destination
     * in {@code public} is handled as the fixtures' 7000 (answer, {@code cti_route=inbound-<did>},
     * park), so seeded traffic to any DID waits parked; otherwise as {@link #fixtures()}.
     */
    static FsDialplan parkAnyDid() {
        FsDialplan fixtures = fixtures();
        return (context, destination) -> fixtures.route(context, destination).or(() -> context.equals("public")
                ? Optional.of(List.of(new DialplanAction("answer", ""),
                        new DialplanAction("set", "cti_route=inbound-" + destination),
                        new DialplanAction("park", "")))
                : Optional.empty());
    }
}
