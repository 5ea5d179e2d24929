package io.switchboard.sim.freeswitch;

import io.switchboard.sim.esl.EslHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds channel events with FreeSWITCH 1.10's header layout: the core headers, the event's own
 * leading headers, the channel's state, {@code Caller-*} profile, {@code Other-Leg-*} profile when
 * bridged or originated, {@code variable_*}, then the event's trailing headers.
 */
final class ChannelEvents {

    private final CoreHeaders core;

    ChannelEvents(CoreHeaders core) {
        this.core = core;
    }

    FsEvent event(String name, FsChannel ch, List<EslHeader> leading, List<EslHeader> trailing) {
        return build(core.start(name, CallingSite.of(name)), ch, leading, trailing);
    }

    /** A CUSTOM event about a channel: the channel's headers, then the module's own ({@code CC-*}). */
    FsEvent custom(String subclass, CallingSite site, FsChannel ch, List<EslHeader> trailing) {
        return build(core.startCustom(subclass, site), ch, List.of(), trailing);
    }

    /**
     * A CUSTOM event of the dptools {@code event} application: Event-Name CUSTOM, then Event-Subclass,
     * the core headers, the channel's headers, then {@code fields} (what esl-adapter's GlueEventsTest builds).
     */
    FsEvent glue(String subclass, CallingSite site, FsChannel ch, List<EslHeader> fields) {
        List<EslHeader> h = core.start("CUSTOM", site);
        h.add(1, new EslHeader("Event-Subclass", subclass));
        return build(h, ch, List.of(), fields);
    }

    /** An event fired from {@code site} rather than the event's usual place. */
    FsEvent event(String name, CallingSite site, FsChannel ch, List<EslHeader> trailing) {
        return build(core.start(name, site), ch, List.of(), trailing);
    }

    private FsEvent build(List<EslHeader> h, FsChannel ch, List<EslHeader> leading, List<EslHeader> trailing) {
        h.addAll(leading);
        h.add(new EslHeader("Channel-State", ch.state));
        h.add(new EslHeader("Channel-Call-State", ch.callState));
        h.add(new EslHeader("Channel-State-Number", Integer.toString(ch.stateNumber)));
        h.add(new EslHeader("Channel-Name", ch.name));
        h.add(new EslHeader("Unique-ID", ch.uuid));
        h.add(new EslHeader("Call-Direction", ch.direction()));
        h.add(new EslHeader("Presence-Call-Direction", ch.direction()));
        h.add(new EslHeader("Channel-HIT-Dialplan", Boolean.toString(ch.hitDialplan)));
        if (ch.presenceId != null) {
            h.add(new EslHeader("Channel-Presence-ID", ch.presenceId));
        }
        h.add(new EslHeader("Channel-Call-UUID", ch.callUuid));
        h.add(new EslHeader("Answer-State", ch.answerState));
        if (ch.hangupCause != null) {
            h.add(new EslHeader("Hangup-Cause", ch.hangupCause));
        }
        if (ch.hasCodec) {
            String codec = ch.source.equals("mod_sofia") ? "PCMU" : "L16";
            String rate = ch.source.equals("mod_sofia") ? "64000" : "128000";
            for (String dir : List.of("Read", "Write")) {
                h.add(new EslHeader("Channel-" + dir + "-Codec-Name", codec));
                h.add(new EslHeader("Channel-" + dir + "-Codec-Rate", "8000"));
                h.add(new EslHeader("Channel-" + dir + "-Codec-Bit-Rate", rate));
            }
        }
        profile(h, "Caller-", ch, true);
        if (ch.peer != null && ch.otherType != null) {
            h.add(new EslHeader("Other-Type", ch.otherType));
            profile(h, "Other-Leg-", ch.peerView == null ? ch.peer : ch.peerView, false);
        }
        for (Map.Entry<String, String> v : ch.variables.entrySet()) {
            h.add(new EslHeader("variable_" + v.getKey(), v.getValue()));
        }
        h.addAll(trailing);
        return new FsEvent(h, "");
    }

    FsEvent event(String name, FsChannel ch) {
        return event(name, ch, List.of(), List.of());
    }

    private static void profile(List<EslHeader> h, String prefix, FsChannel ch, boolean own) {
        add(h, prefix + "Direction", ch.direction());
        add(h, prefix + "Logical-Direction", ch.inbound || ch.answered() ? "inbound" : "outbound");
        add(h, prefix + "Username", ch.username);
        add(h, prefix + "Dialplan", ch.dialplan);
        add(h, prefix + "Caller-ID-Name", ch.callerIdName);
        add(h, prefix + "Caller-ID-Number", ch.callerIdNumber);
        add(h, prefix + "Orig-Caller-ID-Name", ch.origCallerIdName);
        add(h, prefix + "Orig-Caller-ID-Number", ch.origCallerIdNumber);
        add(h, prefix + "Callee-ID-Name", ch.calleeIdName);
        add(h, prefix + "Callee-ID-Number", ch.calleeIdNumber);
        add(h, prefix + "Network-Addr", ch.networkAddr);
        add(h, prefix + "ANI", ch.ani);
        add(h, prefix + "Destination-Number", ch.destination);
        add(h, prefix + "Unique-ID", ch.uuid);
        add(h, prefix + "Source", ch.inbound || ch.source.equals("mod_loopback") ? ch.source : "src/switch_ivr_originate.c");
        if (own) {
            add(h, prefix + "Transfer-Source", ch.transferSource);
        }
        add(h, prefix + "Context", ch.context);
        add(h, prefix + "RDNIS", ch.rdnis);
        add(h, prefix + "Channel-Name", ch.name);
        if (own) {
            add(h, prefix + "Profile-Index", Integer.toString(ch.profileIndex));
        }
        add(h, prefix + "Profile-Created-Time", Long.toString(ch.profileCreatedMicros));
        add(h, prefix + "Channel-Created-Time", Long.toString(ch.createdMicros));
        add(h, prefix + "Channel-Answered-Time", Long.toString(ch.answeredMicros));
        add(h, prefix + "Channel-Progress-Time", Long.toString(ch.progressMicros));
        add(h, prefix + "Channel-Progress-Media-Time", Long.toString(ch.progressMediaMicros));
        add(h, prefix + "Channel-Hangup-Time", Long.toString(ch.hangupMicros));
        add(h, prefix + "Channel-Transfer-Time", Long.toString(ch.transferMicros));
        add(h, prefix + "Channel-Resurrect-Time", "0");
        add(h, prefix + "Channel-Bridged-Time", Long.toString(ch.bridgedMicros));
        add(h, prefix + "Channel-Last-Hold", "0");
        add(h, prefix + "Channel-Hold-Accum", "0");
        add(h, prefix + "Screen-Bit", "true");
        add(h, prefix + "Privacy-Hide-Name", "false");
        add(h, prefix + "Privacy-Hide-Number", "false");
    }

    private static void add(List<EslHeader> h, String name, String value) {
        if (!value.isEmpty()) {
            h.add(new EslHeader(name, value));
        }
    }

    static List<EslHeader> headers(String... nameValues) {
        List<EslHeader> out = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            out.add(new EslHeader(nameValues[i], nameValues[i + 1]));
        }
        return out;
    }
}
