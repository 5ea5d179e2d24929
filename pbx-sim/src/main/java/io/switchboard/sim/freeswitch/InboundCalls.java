package io.switchboard.sim.freeswitch;

import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import java.util.UUID;

/**
 * A SIP caller (SIPp UAC in the captures) dialling into profile {@code internal}: the channel
 * {@code sofia/internal/<caller>@<peer>:15062} lands in context {@code public} of the dialplan
 * (fixture 05: ext 7000 answers, sets cti_route/cti_customer_id and parks; Quirk 17 event set).
 */
final class InboundCalls {

    private final FsEngine engine;

    InboundCalls(FsEngine engine) {
        this.engine = engine;
    }

    FsChannel dial(InboundCall call, String uuid) {
        String from = call.callerNum() + "@" + call.peer();
        FsChannel ch = engine.channels.create(uuid, "sofia/internal/" + from + ":15062", "mod_sofia", true);
        ch.username = call.callerNum();
        ch.dialplan = "XML";
        ch.callerIdName = call.callerName().isEmpty() ? call.callerNum() : call.callerName();
        ch.callerIdNumber = call.callerNum();
        ch.origCallerIdName = ch.callerIdName;
        ch.origCallerIdNumber = call.callerNum();
        ch.networkAddr = call.peer();
        ch.ani = call.callerNum();
        ch.destination = call.did();
        ch.context = "public";
        ch.presenceId = from;
        ch.hitDialplan = true;
        ch.set("sip_from_user", call.callerNum());
        ch.set("sip_from_uri", from + ":15062");
        ch.set("sip_req_user", call.did());
        ch.set("sip_to_user", call.did());
        ch.set("presence_id", from);
        engine.channels.announce(ch);
        if (!engine.dialplan.route(ch, "public", call.did())) {
            engine.channels.hangup(ch, "NO_ROUTE_DESTINATION");
            return ch;
        }
        if (call.hangsUpAfterAnswer() != null) {
            engine.after(call.hangsUpAfterAnswer(), () -> engine.channels.remoteHangup(ch));
        }
        return ch;
    }

    /**
     * A registered phone dials {@code exten} in context {@code default} (the glue's feature codes).
     * A {@code user/<user>@<domain>} device is a directory user: its channel is
     * {@code sofia/internal/<user>@<domain>} with {@code user_name}/{@code domain_name} set, and its
     * {@code agent} is the directory variable {@code switchboard_agent}; any other device names the channel.
     */
    FsChannel deskPhone(DeskPhone phone, String exten) {
        String device = phone.device();
        boolean user = device.startsWith("user/") && device.contains("@");
        String name = user ? "sofia/internal/" + device.substring("user/".length()) : device;
        FsChannel ch = engine.channels.create(UUID.randomUUID().toString(), name, "mod_sofia", true);
        ch.username = phone.callerNum();
        ch.dialplan = "XML";
        ch.callerIdName = phone.callerNum();
        ch.callerIdNumber = phone.callerNum();
        ch.origCallerIdName = ch.callerIdName;
        ch.origCallerIdNumber = phone.callerNum();
        ch.networkAddr = "127.0.0.1";
        ch.ani = phone.callerNum();
        ch.destination = exten;
        ch.context = "default";
        ch.hitDialplan = true;
        if (user) {
            int at = device.indexOf('@');
            ch.set("user_name", device.substring("user/".length(), at));
            ch.set("domain_name", device.substring(at + 1));
            // sofia: presence_id is the phone's from_user@from_host, the user in the domain it registered to
            ch.presenceId = device.substring("user/".length());
            ch.set("presence_id", ch.presenceId);
        }
        if (!phone.agent().isEmpty()) {
            ch.set("switchboard_agent", phone.agent());
        }
        engine.channels.announce(ch);
        if (!engine.dialplan.route(ch, "default", exten)) {
            engine.channels.hangup(ch, "NO_ROUTE_DESTINATION");
        }
        return ch;
    }
}
