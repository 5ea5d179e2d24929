package io.switchboard.sim.freeswitch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code dialplan/freeswitch/} as mod_dialplan_xml hunts it: each extension's conditions are decided
 * when the channel enters it (with the channel's variables), and the actions keep their
 * {@code ${...}} for {@link Dialplan} to expand as each one runs, so a {@code set} is seen by the
 * actions after it, as on FreeSWITCH. One method per extension, in the XML's order.
 */
final class SwitchboardGlue implements FsDialplan {

    static final String CONTEXT = "switchboard";
    private static final String XML = " XML " + CONTEXT;
    private static final Pattern FEATURE = Pattern.compile("^\\*7[012]$");
    private static final Pattern PHONE = Pattern.compile("^[0-9]{3,6}$");
    private static final Pattern AGENT_ID = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z_-]*$");
    private static final Pattern TWO = Pattern.compile("^([^|]+)\\|([^|]+)$");
    private static final Pattern POSITIVE = Pattern.compile("^0*([1-9][0-9]*)$");
    private static final Pattern WAIT_SOUND = Pattern.compile("^0*[1-9][0-9]*\\|(.+)$");

    private final boolean modAmd;

    SwitchboardGlue(boolean modAmd) {
        this.modAmd = modAmd;
    }

    @Override
    public Optional<List<DialplanAction>> route(String context, String destination) {
        return route(context, destination, s -> s.replaceAll("\\$\\{[A-Za-z0-9_]+}", ""));
    }

    @Override
    public Optional<List<DialplanAction>> route(String context, String destination, UnaryOperator<String> x) {
        List<DialplanAction> a = new ArrayList<>();
        switch (context) {
            case "public" -> {
                // the vanilla public context's outside_call extension (continue="true") runs first, as in the fixtures
                add(a, "set", "outside_call=true");
                add(a, "export", "RFC2822_DATE=${strftime(%a, %d %b %Y %T %z)}");
                add(a, "set", "switchboard_dnid=" + destination);
                add(a, "transfer", "switchboard_inbound" + XML);
            }
            case "default" -> {
                if (PHONE.matcher(destination).matches()) {
                    // not the glue: the vanilla default context's Local_Extension, a phone calling another phone
                    add(a, "bridge", x.apply("user/" + destination + "@${domain_name}"));
                    add(a, "hangup", "NORMAL_CLEARING");
                    return Optional.of(List.copyOf(a));
                }
                if (!FEATURE.matcher(destination).matches()) {
                    return Optional.empty();
                }
                add(a, "transfer", destination + XML);
            }
            case ExitGlue.VOICEMAIL -> {
                if (!ExitGlue.voicemail(a, destination)) {
                    return Optional.empty();
                }
            }
            case CONTEXT -> {
                if (!glue(a, destination, x)) {
                    return Optional.empty();
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(a));
    }

    private boolean glue(List<DialplanAction> a, String dest, UnaryOperator<String> x) {
        switch (dest) {
            case "switchboard_inbound" -> inbound(a, x);
            case "switchboard_hold" -> hold(a, x);
            case "switchboard_hold_key" -> CallbackGlue.holdKey(a);
            case "switchboard_callback" -> CallbackGlue.callback(a, x);
            case "switchboard_agent_left" -> {
                add(a, "set", "switchboard_hold_reason=AGENTLEFT");
                add(a, "transfer", "switchboard_hold" + XML);
            }
            case "switchboard_announce" -> announce(a, x);
            case "switchboard_connect" -> connect(a, x);
            case "switchboard_dial_result" -> dialResult(a, x);
            case "switchboard_agent_session" -> agentSession(a, x);
            case "switchboard_outbound" -> {
                if (!CallbackGlue.callbackAnswered(a, x)) {
                    outbound(a);
                }
            }
            case "switchboard_outbound_decide" -> decide(a, x);
            case "switchboard_outbound_MACHINE" -> machine(a, x);
            case "switchboard_safe_harbour" -> safeHarbour(a, x);
            case "switchboard_spy_listen" -> spy(a, x, false, false);
            case "switchboard_spy_whisper" -> spy(a, x, false, true);
            case "switchboard_spy_barge" -> spy(a, x, true, true);
            case "switchboard_transfer" -> transfer(a, x);
            case "switchboard_exit" -> ExitGlue.exit(a, x);
            case "*70", "*71", "*72" -> feature(a, x, dest);
            case "switchboard_broadcast_heard" -> broadcastHeard(a, x);
            default -> {
                if (!dest.matches("^switchboard_outbound_[A-Z]+$")) {
                    return false;
                }
                if (!x.apply("${switchboard_broadcast}").isEmpty()) {
                    broadcast(a);
                } else {
                    live(a, x);
                }
            }
        }
        return true;
    }

    private static void inbound(List<DialplanAction> a, UnaryOperator<String> x) {
        String hint = x.apply("${switchboard_queue}|${switchboard_dnid}");
        if (hint.matches("^\\|(.+)$")) {
            add(a, "set", "switchboard_queue=" + hint.substring(1));
        }
        if (hint.equals("|")) {
            add(a, "set", "switchboard_queue=default");
        }
        add(a, "answer", "");
        add(a, "set", "switchboard_hold_reason=NEW");
        add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::inbound_call,Switchboard-DNID=${switchboard_dnid},"
                + "Switchboard-Queue=${switchboard_queue}");
        add(a, "transfer", "switchboard_hold" + XML);
    }

    private static void hold(List<DialplanAction> a, UnaryOperator<String> x) {
        String moh = x.apply("${switchboard_moh}|${hold_music}");
        if (moh.matches("^\\|(.+)$")) {
            add(a, "set", "switchboard_moh=" + moh.substring(1));
        }
        if (moh.equals("|")) {
            add(a, "set", "switchboard_moh=local_stream://moh");
        }
        add(a, "answer", "");
        add(a, "set", "transfer_after_bridge=switchboard_agent_left:XML:switchboard");
        CallbackGlue.bindHoldKeys(a);
        add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::caller_on_hold,Switchboard-DNID=${switchboard_dnid},"
                + "Switchboard-Queue=${switchboard_queue},Switchboard-Reason=${switchboard_hold_reason}");
        add(a, "endless_playback", "${switchboard_moh}");
    }

    private static void announce(List<DialplanAction> a, UnaryOperator<String> x) {
        Matcher position = POSITIVE.matcher(x.apply("${switchboard_announce_position}"));
        if (position.matches()) {
            add(a, "playback", "ivr/ivr-you_are_number.wav");
            add(a, "say", "en number pronounced " + position.group(1));
            add(a, "playback", "ivr/ivr-in_line.wav");
        }
        Matcher sound = WAIT_SOUND.matcher(x.apply(
                "${switchboard_announce_minutes}${switchboard_announce_seconds}|${switchboard_wait_sound}"));
        if (sound.matches()) {
            add(a, "playback", sound.group(1));
        }
        Matcher minutes = POSITIVE.matcher(x.apply("${switchboard_announce_minutes}"));
        if (minutes.matches()) {
            add(a, "say", "en number pronounced " + minutes.group(1));
            add(a, "playback", "time/minutes.wav");
        }
        Matcher seconds = POSITIVE.matcher(x.apply("${switchboard_announce_seconds}"));
        if (seconds.matches()) {
            add(a, "say", "en number pronounced " + seconds.group(1));
            add(a, "playback", "time/seconds.wav");
        }
        add(a, "set", "switchboard_hold_reason=ANNOUNCED");
        add(a, "transfer", "switchboard_hold" + XML);
    }

    private static void connect(List<DialplanAction> a, UnaryOperator<String> x) {
        if (x.apply("${switchboard_device}").isEmpty()) {
            add(a, "set", "originate_disposition=INVALIDARGS");
            add(a, "transfer", "switchboard_dial_result" + XML);
            return;
        }
        if (x.apply("${switchboard_ring_timeout}").isEmpty()) {
            add(a, "set", "switchboard_ring_timeout=15");
        }
        String record = x.apply("${switchboard_record_file}");
        if (!record.isEmpty()) {
            add(a, "record_session", record);
            add(a, "unset", "switchboard_record_file");
        }
        add(a, "clear_digit_action", CallbackGlue.REALM);
        add(a, "set", "hangup_after_bridge=false");
        add(a, "set", "continue_on_fail=true");
        add(a, "unset", "transfer_after_bridge");
        add(a, "set", "transfer_ringback=${switchboard_moh}");
        add(a, "bridge", "{originate_timeout=${switchboard_ring_timeout},switchboard_agent=${switchboard_agent}}${switchboard_device}");
        add(a, "transfer", "switchboard_dial_result" + XML);
    }

    private static void dialResult(List<DialplanAction> a, UnaryOperator<String> x) {
        if (x.apply("${originate_disposition}").equals("SUCCESS")) {
            add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::agent_dial_result,Switchboard-Disposition=SUCCESS,"
                    + "Switchboard-Agent=${switchboard_agent},Switchboard-Hangup-Cause=${last_bridge_hangup_cause}");
            add(a, "hangup", "NORMAL_CLEARING");
            return;
        }
        add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::agent_dial_result,"
                + "Switchboard-Disposition=${originate_disposition},Switchboard-Agent=${switchboard_agent},"
                + "Switchboard-Hangup-Cause=${last_bridge_hangup_cause}");
        add(a, "set", "switchboard_hold_reason=${originate_disposition}");
        add(a, "unset", "switchboard_device");
        add(a, "transfer", "switchboard_hold" + XML);
    }

    private static void agentSession(List<DialplanAction> a, UnaryOperator<String> x) {
        if (!AGENT_ID.matcher(x.apply("${switchboard_agent}")).matches()) {
            add(a, "hangup", "INVALID_NUMBER_FORMAT");
            return;
        }
        add(a, "answer", "");
        add(a, "set", "park_after_bridge=true");
        add(a, "set", "switchboard_session=${switchboard_agent}");
        add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::agent_session_started,Switchboard-Agent=${switchboard_agent}");
        add(a, "park", "");
    }

    private void outbound(List<DialplanAction> a) {
        if (modAmd) {
            for (String result : List.of("human", "machine", "notsure")) {
                add(a, "set", "amd_on_" + result + "=transfer:switchboard_outbound_decide" + XML);
            }
            add(a, "amd", "");
            add(a, "sleep", "7000");
        } else {
            add(a, "set", "amd_result=NOTBUILT");
        }
        add(a, "transfer", "switchboard_outbound_decide" + XML);
    }

    private static void decide(List<DialplanAction> a, UnaryOperator<String> x) {
        if (x.apply("${amd_result}").isEmpty()) {
            add(a, "set", "amd_result=NOTSURE");
            add(a, "set", "amd_cause=TOOLONG");
        }
        add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::amd,Switchboard-Status=${amd_result},"
                + "Switchboard-Cause=${amd_cause},Switchboard-Task=${switchboard_task},"
                + "Switchboard-Campaign=${switchboard_campaign},Switchboard-Agent=${switchboard_agent}");
        add(a, "transfer", "switchboard_outbound_${amd_result}" + XML);
    }

    private static void machine(List<DialplanAction> a, UnaryOperator<String> x) {
        if (x.apply("${switchboard_machine_action}").equals("agent")) {
            add(a, "transfer", "switchboard_outbound_LIVE" + XML);
            return;
        }
        Matcher m = Pattern.compile("^message\\|(.+)$").matcher(x.apply("${switchboard_machine_action}|${switchboard_machine_message}"));
        if (m.matches()) {
            add(a, "playback", m.group(1));
            add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::amd_message_left,Switchboard-Task=${switchboard_task}");
        }
        add(a, "hangup", "NORMAL_CLEARING");
    }

    /** An agentless campaign's live answer: the broadcast is the prompt of a one-key read. */
    private static void broadcast(List<DialplanAction> a) {
        add(a, "set", "switchboard_opt_out_key=none");
        add(a, "play_and_get_digits", "1 1 1 5000 # ${switchboard_broadcast} silence_stream://250 switchboard_opt_out_key \\d");
        add(a, "transfer", "switchboard_broadcast_heard" + XML);
    }

    /** switchboard::broadcast, OPTEDOUT when the key read was the campaign's opt-out digit, then the hangup. */
    private static void broadcastHeard(List<DialplanAction> a, UnaryOperator<String> x) {
        boolean optedOut = x.apply("${switchboard_opt_out_key}|${switchboard_opt_out_digit}").matches("^([0-9])\\|\\1$");
        add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::broadcast,Switchboard-Status="
                + (optedOut ? "OPTEDOUT" : "HEARD") + ",Switchboard-Task=${switchboard_task}");
        add(a, "hangup", "NORMAL_CLEARING");
    }

    private static void live(List<DialplanAction> a, UnaryOperator<String> x) {
        String agentLeg = x.apply("${switchboard_agent_uuid}");
        if (x.apply("${switchboard_connect_wait}").isEmpty()) {
            add(a, "set", "switchboard_connect_wait=2000");
        }
        if (agentLeg.isEmpty() && !x.apply("${switchboard_campaign}").isEmpty()) {
            add(a, "set", "transfer_after_bridge=switchboard_agent_left:XML:switchboard");
            add(a, "playback", "silence_stream://${switchboard_connect_wait}");
            add(a, "set", "switchboard_safe_harbour_reason=NOTCONNECTED");
            add(a, "transfer", "switchboard_safe_harbour" + XML);
            return;
        }
        if (agentLeg.isEmpty()) {
            add(a, "set", "switchboard_safe_harbour_reason=NOAGENT");
            add(a, "transfer", "switchboard_safe_harbour" + XML);
            return;
        }
        if (x.apply("${uuid_exists(" + agentLeg + ")}").equals("true")) {
            add(a, "set", "transfer_after_bridge=switchboard_agent_left:XML:switchboard");
            add(a, "playback", "silence_stream://${switchboard_connect_wait}");
            add(a, "set", "switchboard_safe_harbour_reason=NOTCONNECTED");
        } else {
            add(a, "set", "switchboard_safe_harbour_reason=AGENTABSENT");
        }
        add(a, "transfer", "switchboard_safe_harbour" + XML);
    }

    private static void safeHarbour(List<DialplanAction> a, UnaryOperator<String> x) {
        if (x.apply("${switchboard_safe_harbour}").isEmpty()) {
            add(a, "set", "switchboard_safe_harbour=silence_stream://1000");
        }
        add(a, "unset", "transfer_after_bridge");
        add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::safe_harbour,Switchboard-Agent=${switchboard_agent},"
                + "Switchboard-Reason=${switchboard_safe_harbour_reason}");
        add(a, "playback", "${switchboard_safe_harbour}");
        add(a, "hangup", "NORMAL_CLEARING");
    }

    private static void spy(List<DialplanAction> a, UnaryOperator<String> x, boolean aleg, boolean bleg) {
        String target = x.apply("${switchboard_spy_target}");
        if (target.isEmpty()) {
            add(a, "hangup", "INVALID_NUMBER_FORMAT");
            return;
        }
        add(a, "answer", "");
        add(a, "set", "eavesdrop_enable_dtmf=false");
        add(a, "set", "eavesdrop_whisper_aleg=" + aleg);
        add(a, "set", "eavesdrop_whisper_bleg=" + bleg);
        add(a, "eavesdrop", target);
        add(a, "hangup", "NORMAL_CLEARING");
    }

    private static void transfer(List<DialplanAction> a, UnaryOperator<String> x) {
        Matcher m = TWO.matcher(x.apply("${switchboard_transfer_target}|${switchboard_transfer_context}"));
        if (!m.matches()) {
            add(a, "set", "switchboard_hold_reason=NOTRANSFERCONTEXT");
            add(a, "transfer", "switchboard_hold" + XML);
            return;
        }
        add(a, "unset", "transfer_after_bridge");
        add(a, "clear_digit_action", CallbackGlue.REALM);
        add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::call_transferred,Switchboard-Target=" + m.group(1)
                + ",Switchboard-Target-Context=" + m.group(2));
        add(a, "transfer", m.group(1) + " XML " + m.group(2));
    }

    private static void feature(List<DialplanAction> a, UnaryOperator<String> x, String code) {
        if (x.apply("${switchboard_agent}").isEmpty()) {
            add(a, "set", "switchboard_agent=${caller_id_number}");
        }
        Matcher user = TWO.matcher(x.apply("${user_name}|${domain_name}"));
        add(a, "set", user.matches() ? "switchboard_device=user/" + user.group(1) + "@" + user.group(2)
                : "switchboard_device=${channel_name}");
        String who = "Switchboard-Agent=${switchboard_agent},Switchboard-Device=${switchboard_device}";
        switch (code) {
            case "*70" -> {
                add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::agent_login," + who + ",Switchboard-Mode=nailed");
                add(a, "transfer", "switchboard_agent_session" + XML);
            }
            case "*71" -> {
                add(a, "answer", "");
                add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::agent_login," + who + ",Switchboard-Mode=ondemand");
                add(a, "playback", "tone_stream://%(200,100,660);loops=2");
                add(a, "hangup", "NORMAL_CLEARING");
            }
            default -> {
                add(a, "answer", "");
                add(a, "event", "Event-Name=CUSTOM,Event-Subclass=switchboard::agent_logout," + who);
                add(a, "playback", "tone_stream://%(400,0,440)");
                add(a, "hangup", "NORMAL_CLEARING");
            }
        }
    }

    private static void add(List<DialplanAction> a, String application, String data) {
        a.add(new DialplanAction(application, data));
    }
}
