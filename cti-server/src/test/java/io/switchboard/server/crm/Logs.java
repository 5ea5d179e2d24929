package io.switchboard.server.crm;

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

/** Call logs and matches for the CRM tests. */
final class Logs {

  static final Instant STARTED = Instant.parse("2026-11-24T09:00:00Z");
  static final PhoneNumber CALLER = PhoneNumber.parse("+442079460018", "caller");

  private Logs() {
  }

  static ContactMatch match(String crm, String id, Optional<String> owner) {
    return new ContactMatch(crm, "Contact", id, "Ada Lovelace",
        Optional.of(URI.create("https://example.my.salesforce.com/" + id)), owner, List.of("00001234 Broken line"));
  }

  /** An answered inbound call, every optional part present. */
  static CallLog answered(String call, String agent) {
    return new CallLog(CallId.of(call), Optional.of(match("salesforce", "003A1", Optional.of("005X"))),
        Optional.of(AgentId.of(agent)), Optional.of(CALLER),
        Optional.of(PhoneNumber.parse("+442079460999", "our")), CallDirection.INBOUND, CallOutcome.ANSWERED,
        STARTED, Duration.ofSeconds(95).plusMillis(250), Optional.of("resolved"),
        Optional.of("Replaced the router; \"quoted\" notes\nover two lines"),
        Optional.of(URI.create("https://rec.example/c1.wav")), Optional.of("support"));
  }

  /** A missed inbound call from a withheld number: every optional part empty. */
  static CallLog missed(String call) {
    return new CallLog(CallId.of(call), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        CallDirection.INBOUND, CallOutcome.MISSED, STARTED, Duration.ZERO, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }
}
