package io.switchboard.crm.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.crm.http.Lookups;

import java.util.Locale;
import java.util.Optional;

/**
 * The JSON the Zendesk connector sends: a Talk Partner Edition call record ({@code POST /api/v2/calls}) and a
 * voice ticket for a missed call or a voicemail ({@code POST /api/v2/channels/voice/tickets}).
 */
final class ZendeskBodies {

    /** Talk Partner Edition via ids: 44 voicemail, 45 inbound phone call, 46 outbound phone call. */
    static final int VIA_VOICEMAIL = 44;
    static final int VIA_INBOUND = 45;
    static final int VIA_OUTBOUND = 46;

    private ZendeskBodies() {
    }

    /** Whether the call is logged as a ticket (nobody answered, someone should call back) rather than a call record. */
    static boolean asTicket(CallLog log) {
        return log.outcome() == CallOutcome.MISSED || log.outcome() == CallOutcome.VOICEMAIL;
    }

    /** {@code {"call": {...}}}: the standard call object, with the caller's user when the lookup found one. */
    static ObjectNode call(CallLog log, long appId) {
        ObjectNode body = object();
        ObjectNode call = body.putObject("call");
        call.put("app_id", appId);
        boolean inbound = log.direction() != CallDirection.OUTBOUND;
        call.put("from_line", number(inbound ? log.customer() : log.ourNumber()));
        call.put("to_line", number(inbound ? log.ourNumber() : log.customer()));
        call.put("call_started_at", log.started().toString());
        call.put("call_ended_at", log.started().plus(log.talkTime()).toString());
        call.put("direction", inbound ? "inbound" : "outbound");
        if (log.outcome() == CallOutcome.ANSWERED) {
            call.put("completion_status", "completed");
        }
        call.put("call_disposition", log.disposition().orElse(outcome(log.outcome())));
        user(log).ifPresent(user -> call.put("end_user_id", Long.parseLong(user)));
        return body;
    }

    /** {@code {"ticket": {...}}}: a voicemail or missed-call ticket whose {@code external_id} is the log's key. */
    static ObjectNode ticket(CallLog log) {
        ObjectNode body = object();
        ObjectNode ticket = body.putObject("ticket");
        boolean voicemail = log.outcome() == CallOutcome.VOICEMAIL;
        ticket.put("via_id", voicemail ? VIA_VOICEMAIL
                : log.direction() == CallDirection.OUTBOUND ? VIA_OUTBOUND : VIA_INBOUND);
        ticket.put("subject", (voicemail ? "Voicemail" : "Missed call")
                + log.queue().map(queue -> " (" + queue + ")").orElse(""));
        ticket.put("external_id", log.idempotencyKey());
        user(log).ifPresent(user -> ticket.put("requester_id", Long.parseLong(user)));
        ObjectNode comment = ticket.putObject("voice_comment");
        comment.put("from", number(log.customer()));
        comment.put("to", number(log.ourNumber()));
        log.recording().ifPresent(uri -> comment.put("recording_url", uri.toString()));
        comment.put("started_at", log.started().toString());
        comment.put("call_duration", log.talkTime().toSeconds());
        return body;
    }

    private static Optional<String> user(CallLog log) {
        return log.contact().filter(c -> "zendesk".equals(c.crm()) && "user".equals(c.objectType()))
                .map(ContactMatch::contactId).filter(id -> id.chars().allMatch(Character::isDigit));
    }

    private static String number(Optional<PhoneNumber> number) {
        return number.map(PhoneNumber::e164).orElse("anonymous");
    }

    private static String outcome(CallOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static ObjectNode object() {
        return Lookups.mapper().createObjectNode();
    }
}
