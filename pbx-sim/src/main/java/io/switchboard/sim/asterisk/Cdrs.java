package io.switchboard.sim.asterisk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Cdr} events of the fixtures ({@code cdr.conf} defaults, unanswered CDRs not posted).
 * When a channel that was answered hangs up it posts its CDR, plus one per Dial() of it that failed
 * (NO ANSWER, BUSY: 06, 07); the answered callee of Dial()/Queue() posts none of its own, it is the
 * caller's {@code DestinationChannel}. Channels never answered post nothing (09). Engine thread only.
 */
final class Cdrs {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Calls calls;

    Cdrs(Calls calls) {
        this.calls = calls;
    }

    /** {@code c} hung up: its CDRs, if any. */
    void hungUp(SimChannel c) {
        if (c.answeredAt == null || c.dialledCallee) {
            return;
        }
        for (String failed : c.failedDials) {
            post(c, "Dial", failed);
        }
        post(c, c.application, "ANSWERED");
    }

    private void post(SimChannel c, String application, String disposition) {
        Instant end = calls.events.now();
        boolean answered = "ANSWERED".equals(disposition);
        long billable = answered ? Duration.between(c.answeredAt, end).toSeconds() : 0;
        calls.emit(calls.events.event("Cdr", "cdr,all").add("AccountCode", "").add("Source", c.callerNum)
                .add("Destination", c.exten).add("DestinationContext", c.context)
                .add("CallerID", "\"" + c.callerName + "\" <" + c.callerNum + ">").add("Channel", c.name)
                .add("DestinationChannel", c.cdrPeer).add("LastApplication", application)
                .add("LastData", answered ? c.applicationData : "").add("StartTime", TIME.format(c.created))
                .add("AnswerTime", TIME.format(c.answeredAt)).add("EndTime", TIME.format(end))
                .add("Duration", Long.toString(Duration.between(c.created, end).toSeconds()))
                .add("BillableSeconds", Long.toString(billable)).add("Disposition", disposition)
                .add("AMAFlags", "DOCUMENTATION").add("UniqueID", c.uniqueid).add("UserField", "").build());
    }
}
