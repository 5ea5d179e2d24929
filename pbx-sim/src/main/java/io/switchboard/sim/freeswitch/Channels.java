package io.switchboard.sim.freeswitch;

import static io.switchboard.sim.freeswitch.ChannelEvents.headers;

import io.switchboard.sim.esl.EslHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The live channels and their life: create, progress, answer, park/unpark, applications, hangup.
 * Bridging is in {@link Bridging}. Every change fires the events FreeSWITCH 1.10 fires for it, in
 * the captures' order per channel.
 */
final class Channels {

    private final FsEngine engine;
    private final Map<String, FsChannel> live = new LinkedHashMap<>();
    private final io.switchboard.sim.GonePlayed gone = new io.switchboard.sim.GonePlayed();
    private int sessionIds;

    Channels(FsEngine engine) {
        this.engine = engine;
    }

    Optional<FsChannel> find(String uuid) {
        return Optional.ofNullable(live.get(uuid));
    }

    /** What {@code uuid} has been played, live or among the last channels gone. */
    List<String> played(String uuid) {
        FsChannel ch = live.get(uuid);
        return ch != null ? List.copyOf(ch.played) : gone.of(uuid);
    }

    List<FsChannel> all() {
        return List.copyOf(live.values());
    }

    FsChannel create(String uuid, String name, String source, boolean inbound) {
        FsChannel ch = new FsChannel(uuid, name, source, inbound, engine.core.micros());
        ch.set("direction", ch.direction());
        if (!inbound) {
            ch.set("is_outbound", "true");
        }
        ch.set("uuid", uuid);
        ch.set("call_uuid", uuid);
        ch.set("session_id", Integer.toString(++sessionIds));
        ch.set("channel_name", name);
        live.put(uuid, ch);
        engine.sessionsSinceStartup++;
        return ch;
    }

    /** CHANNEL_CREATE, once the caller profile and the first variables are set. */
    void announce(FsChannel ch) {
        ch.state("CS_INIT", 2);
        fire("CHANNEL_CREATE", ch);
    }

    void progress(FsChannel ch) {
        ch.progressMicros = engine.core.micros();
        ch.callState = "RINGING";
        fire("CHANNEL_PROGRESS", ch);
    }

    void progressMedia(FsChannel ch) {
        ch.progressMediaMicros = engine.core.micros();
        ch.hasCodec = true;
        ch.callState = "EARLY";
        ch.answerState = "early";
        fire("CHANNEL_PROGRESS_MEDIA", ch);
    }

    void answer(FsChannel ch) {
        ch.answeredMicros = engine.core.micros();
        ch.hasCodec = true;
        ch.answerState = "answered";
        ch.state(ch.inbound ? "CS_EXECUTE" : "CS_CONSUME_MEDIA", ch.inbound ? 4 : 7);
        fire("CHANNEL_ANSWER", ch);
        ch.callState = "ACTIVE";
    }

    /** An outbound leg leaves the originate and runs its application (&park, &eavesdrop). */
    void afterOriginate(FsChannel ch) {
        ch.set("endpoint_disposition", "ANSWER");
        ch.set("pre_transfer_caller_id_number", ch.calleeIdNumber.isEmpty() ? ch.callerIdNumber : ch.calleeIdNumber);
        ch.set("channel_cid_flipped", "yes");
        ch.reset("call_uuid", ch.callUuid);
        ch.hitDialplan = true;
    }

    /** {@code park}: CHANNEL_EXECUTE then CHANNEL_PARK; the channel waits until unparked. */
    void park(FsChannel ch) {
        ch.state("CS_EXECUTE", 4);
        ch.callState = "ACTIVE";
        startApp(ch, "park", "");
        ch.parked = true;
        fire("CHANNEL_PARK", ch);
    }

    /** {@code park_after_bridge}: the core parks the leg itself, no park application runs (Quirk 15). */
    void parkAfterBridge(FsChannel ch) {
        ch.state("CS_EXECUTE", 4);
        ch.parked = true;
        fire("CHANNEL_PARK", ch);
    }

    /** Leaves park: CHANNEL_UNPARK then park's CHANNEL_EXECUTE_COMPLETE. */
    void unpark(FsChannel ch) {
        if (!ch.parked) {
            return;
        }
        ch.parked = false;
        fire("CHANNEL_UNPARK", ch);
        completeApp(ch, "");
    }

    void startApp(FsChannel ch, String app, String data) {
        ch.application = app;
        ch.applicationData = data;
        ch.applicationUuid = UUID.randomUUID().toString();
        if (!app.equals("uuid_bridge")) {
            ch.reset("current_application", app);
            if (!data.isEmpty()) {
                ch.set("current_application_data", data);
            }
        }
        engine.fire(app.equals("uuid_bridge")
                ? engine.events.event("CHANNEL_EXECUTE", CallingSite.uuidBridge(ch.bridgeOwner), ch, appHeaders(ch, null))
                : engine.events.event("CHANNEL_EXECUTE", ch, List.of(), appHeaders(ch, null)));
    }

    void completeApp(FsChannel ch, String response) {
        if (ch.application.isEmpty() || ch.application.equals("uuid_bridge")) {
            ch.application = "";
            return;
        }
        ch.set("last_app", ch.application);
        engine.fire(engine.events.event("CHANNEL_EXECUTE_COMPLETE", ch, List.of(), appHeaders(ch, response)));
        ch.application = "";
        ch.applicationData = "";
    }

    private static List<EslHeader> appHeaders(FsChannel ch, String response) {
        List<EslHeader> h = new ArrayList<>(headers("Application", ch.application));
        if (!ch.applicationData.isEmpty()) {
            h.addAll(headers("Application-Data", ch.applicationData));
        }
        if (response != null) {
            h.addAll(headers("Application-Response", response.isEmpty() ? "_none_" : response));
        }
        if (!ch.application.equals("uuid_bridge")) {
            h.addAll(headers("Application-UUID", ch.applicationUuid));
        }
        return h;
    }

    /**
     * Hangs {@code ch} up with {@code cause}. A bridged peer dies with it, unless it was originated
     * with {@code park_after_bridge=true}, then it is parked again (Quirk 15).
     */
    void hangup(FsChannel ch, String cause) {
        if (ch.gone) {
            return;
        }
        ch.gone = true;
        ch.hangupCause = cause;
        ch.hangupMicros = engine.core.micros();
        ch.answerState = "hangup";
        ch.callState = "HANGUP";
        engine.notice(0, "switch_ivr.c", "switch_ivr_parse_event", 773, ch.uuid,
                "Hangup " + ch.name + " [" + ch.state + "] [" + cause + "]");
        fire("CHANNEL_HANGUP", ch);
        cancelRinging(ch);
        if (ch.onHangup != null) {
            java.util.function.Consumer<String> told = ch.onHangup;
            ch.onHangup = null;
            told.accept(cause);
        }
        FsChannel peer = ch.peer;
        if (peer != null && !peer.gone && peer.peer == ch) {
            engine.bridging().peerHungUp(ch, peer);
        }
        unpark(ch);
        completeApp(ch, "");
        if (ch.bridgeOwner) {
            engine.bridging().unbridge(ch);
        }
        complete(ch);
    }

    /** A caller leaving the glue's {@code bridge} while the agent's phone rings: that leg is cancelled. */
    void cancelRinging(FsChannel ch) {
        FsChannel leg = ch.ringing;
        ch.ringing = null;
        if (leg != null && !leg.gone) {
            hangup(leg, "ORIGINATOR_CANCEL");
        }
    }

    /** {@code uuid_bridge} interrupts what the channel runs (music, a wait) and its dialplan: no action after it runs. */
    void interrupt(FsChannel ch) {
        ch.dialplanRun++;
        cancelRinging(ch);
        ch.afterBridge = null;
        if (!ch.application.isEmpty() && !ch.application.equals("park")) {
            completeApp(ch, "");
        }
    }

    /** The far end hangs up: a SIP BYE answered 200 ({@code sip_term_status}), cause NORMAL_CLEARING. */
    void remoteHangup(FsChannel ch) {
        if (ch.gone) {
            return;
        }
        if (ch.source.equals("mod_sofia")) {
            ch.set("sip_term_status", "200");
        }
        hangup(ch, "NORMAL_CLEARING");
    }

    /** CHANNEL_HANGUP_COMPLETE and CHANNEL_DESTROY of a channel already hung up. */
    void complete(FsChannel ch) {
        ch.state("CS_REPORTING", 11);
        ch.set("hangup_cause", ch.hangupCause);
        ch.set("hangup_cause_q850", Integer.toString(HangupCause.q850(ch.hangupCause)));
        long end = engine.core.micros();
        ch.set("end_stamp", engine.core.stamp());
        ch.set("end_uepoch", Long.toString(end));
        long billed = ch.answered() ? (end - ch.answeredMicros) / 1_000_000 : 0;
        ch.set("duration", Long.toString((end - ch.createdMicros) / 1_000_000));
        ch.set("billsec", Long.toString(billed));
        engine.fire(engine.events.event("CHANNEL_HANGUP_COMPLETE", ch, headers("Hangup-Cause", ch.hangupCause), List.of()));
        if (ch.causeBeforeDestroy != null) {
            ch.set("bridge_hangup_cause", ch.causeBeforeDestroy);
        }
        if (ch.afterHangupComplete != null) {
            ch.afterHangupComplete.run();
        }
        ch.state("CS_DESTROY", 12);
        live.remove(ch.uuid);
        gone.remember(ch.uuid, ch.played);
        engine.notice(3, "switch_core_session.c", "switch_core_session_thread", 1762, ch.uuid,
                "Session " + ch.variables.get("session_id") + " (" + ch.name + ") Ended");
        engine.notice(0, "switch_core_session.c", "switch_core_session_thread", 1766, ch.uuid,
                "Close Channel " + ch.name + " [CS_DESTROY]");
        fire("CHANNEL_DESTROY", ch);
    }

    /** Shutdown: every live channel gets CHANNEL_HANGUP_COMPLETE with SYSTEM_SHUTDOWN. */
    void shutdownAll() {
        all().stream().filter(ch -> ch.peer != null && !ch.peer.gone)
                .forEach(ch -> ch.set("bridge_hangup_cause", "SYSTEM_SHUTDOWN"));
        for (FsChannel ch : all()) {
            ch.gone = true;
            ch.hangupCause = "SYSTEM_SHUTDOWN";
            ch.answerState = "hangup";
            ch.callState = "HANGUP";
            complete(ch);
        }
    }

    void fire(String name, FsChannel ch) {
        engine.fire(engine.events.event(name, ch));
    }
}
