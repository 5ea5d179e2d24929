package io.switchboard.crm.http;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Call logs for tests. */
public final class CallLogs {

    public static final PhoneNumber CUSTOMER = PhoneNumber.parse("+442079460018", "customer");
    public static final PhoneNumber OUR_NUMBER = PhoneNumber.parse("+442079460999", "ourNumber");

    private CallLogs() {
    }

    /** An inbound call agent-7 answered and talked 2 min 5 s, with notes, a disposition and a recording. */
    public static CallLog answered(Optional<ContactMatch> contact) {
        return new CallLog(new CallId("c-123"), contact, Optional.of(new AgentId("agent-7")), Optional.of(CUSTOMER),
                Optional.of(OUR_NUMBER), CallDirection.INBOUND, CallOutcome.ANSWERED,
                Instant.parse("2026-11-24T09:58:00Z"), Duration.ofSeconds(125), Optional.of("Resolved"),
                Optional.of("Wants the invoice again"), Optional.of(URI.create("https://rec.example/c-123.wav")),
                Optional.of("billing"));
    }

    /** An inbound call no agent took. */
    public static CallLog missed(CallOutcome outcome) {
        return new CallLog(new CallId("c-456"), Optional.empty(), Optional.empty(), Optional.of(CUSTOMER),
                Optional.of(OUR_NUMBER), CallDirection.INBOUND, outcome,
                Instant.parse("2026-11-24T09:50:00Z"), Duration.ZERO, Optional.empty(), Optional.empty(),
                outcome == CallOutcome.VOICEMAIL ? Optional.of(URI.create("https://rec.example/vm-456.wav"))
                        : Optional.empty(), Optional.of("billing"));
    }

    /** A record as a lookup found it. */
    public static ContactMatch contact(String crm, String type, String id) {
        return new ContactMatch(crm, type, id, "Ada Lovelace", Optional.empty(), Optional.empty(), List.of());
    }
}
