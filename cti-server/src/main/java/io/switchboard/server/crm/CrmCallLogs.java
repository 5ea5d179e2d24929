package io.switchboard.server.crm;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.OutboundEntry;
import io.switchboard.queue.selection.QueueExit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which call logs a call gives, decided from the router's journal steps alone (an outbound call's through
 * {@link OutboundLogs}). An inbound call gives one {@link CallOutcome#ANSWERED} log per agent who talked to the caller (a {@code Completed}, or a
 * {@code Transferred} after talking), and one {@link CallOutcome#MISSED} log without an agent for a caller who
 * hung up waiting, was sent out by a queue rule to anything but another queue, or was refused on arrival.
 *
 * <p>An agent's log is held after the conversation ends, for the agent's wrap-up: it is released when the agent
 * posts a disposition or notes ({@link #wrapUp}) or when {@code dispositionWait} has passed, whichever is first,
 * so a log is written once, complete, and never waits longer than that bound. Holding at the call's end rather
 * than at wrap-up's end keeps the rule the same for queues with and without wrap-up time. A missed call's log
 * is released at once. Pure and synchronized: the router's thread feeds steps, a lookup's thread sets the match,
 * HTTP posts wrap-ups; nothing here does I/O.
 */
final class CrmCallLogs {

  /**
   * A log ready for the outbox, and the caller's record in each CRM that found exactly one: each connector's
   * row is associated with its own CRM's record ({@link #forCrm}).
   */
  record Ended(CallLog log, Map<String, ContactMatch> contacts) {
    Ended {
      contacts = Map.copyOf(contacts);
    }

    /** The log as {@code crm} gets it: with that CRM's record, if it found exactly one. */
    CallLog forCrm(String crm) {
      return new CallLog(log.call(), Optional.ofNullable(contacts.get(crm)), log.agent(), log.customer(),
          log.ourNumber(), log.direction(), log.outcome(), log.started(), log.talkTime(), log.disposition(),
          log.notes(), log.recording(), log.queue());
    }
  }

  private record Call(Optional<PhoneNumber> caller, Optional<PhoneNumber> ourNumber, Instant started, String queue,
      Map<String, ContactMatch> contacts) {
  }

  private record Held(Ended ended, Instant due) {
  }

  private final Duration dispositionWait;
  private final Map<CallId, Call> calls = new HashMap<>();
  private final OutboundLogs outbound = new OutboundLogs();
  /** Agents' logs waiting for their wrap-up, in the order the conversations ended. */
  private final Map<AgentId, List<Held>> held = new LinkedHashMap<>();

  CrmCallLogs(Duration dispositionWait) {
    this.dispositionWait = dispositionWait;
  }

  /** Notes {@code entry}; the logs it releases at once (a missed call's). */
  synchronized List<Ended> record(JournalEntry entry) {
    if (entry instanceof JournalEntry.Entered e) {
      calls.put(e.call(), new Call(e.caller(), number(e.dialled()), e.at(), e.queue().value(), Map.of()));
    } else if (entry instanceof JournalEntry.Requeued e) {
      calls.putIfAbsent(e.call(), new Call(e.caller(), Optional.empty(), e.at(), e.queue().value(), Map.of()));
    } else if (entry instanceof JournalEntry.Overflowed e) {
      calls.computeIfPresent(e.call(), (id, c) -> new Call(c.caller(), c.ourNumber(), c.started(),
          e.queue().value(), c.contacts()));
    } else if (entry instanceof JournalEntry.Completed e) {
      hold(e.call(), e.agent(), e.talked(), e.at());
      calls.remove(e.call());
    } else if (entry instanceof JournalEntry.Transferred e) {
      e.agent().ifPresent(agent -> hold(e.call(), agent, e.talked(), e.at()));
      calls.remove(e.call());
    } else if (entry instanceof JournalEntry.Abandoned e) {
      return missed(e.call());
    } else if (entry instanceof JournalEntry.Exited e && !(e.exit() instanceof QueueExit.Overflow)) {
      return missed(e.call());
    } else if (entry instanceof JournalEntry.Refused e) {
      calls.put(e.call(), new Call(e.caller(), number(e.dialled()), e.at(), e.queue().value(), Map.of()));
      return missed(e.call());
    }
    return List.of();
  }

  /**
   * Notes an outbound call's {@code entry} ({@link OutboundLogs}); the logs it releases at once (a call nobody
   * talked on). An agent's conversation is held for the wrap-up like an inbound one.
   */
  synchronized List<Ended> record(OutboundEntry entry) {
    OutboundLogs.Step step = outbound.record(entry);
    step.hold().ifPresent(log -> held.computeIfAbsent(log.agent().orElseThrow(), a -> new ArrayList<>())
        .add(new Held(new Ended(log, Map.of()), entry.at().plus(dispositionWait))));
    return step.now().map(log -> List.of(new Ended(log, Map.of()))).orElse(List.of());
  }

  /** The caller's number, if the call is known and the caller not withheld: what a lookup asks for. */
  synchronized Optional<PhoneNumber> caller(CallId call) {
    return Optional.ofNullable(calls.get(call)).flatMap(Call::caller);
  }

  /** The number a known call dialled in (the DID), when it is a phone number. */
  synchronized Optional<PhoneNumber> dialled(CallId call) {
    return Optional.ofNullable(calls.get(call)).flatMap(Call::ourNumber);
  }

  /** The queue a known call waits in. */
  synchronized Optional<String> queue(CallId call) {
    return Optional.ofNullable(calls.get(call)).map(Call::queue);
  }

  /** The record {@code match.crm()} found as the only one holding the caller's number; it goes into the logs. */
  synchronized void matched(CallId call, ContactMatch match) {
    calls.computeIfPresent(call, (id, c) -> {
      Map<String, ContactMatch> contacts = new HashMap<>(c.contacts());
      contacts.put(match.crm(), match);
      return new Call(c.caller(), c.ourNumber(), c.started(), c.queue(), contacts);
    });
  }

  /**
   * The agent's wrap-up of their latest ended conversation: releases its log with {@code disposition} and
   * {@code notes}, or answers empty when the agent has no log waiting.
   */
  synchronized Optional<Ended> wrapUp(AgentId agent, Optional<String> disposition, Optional<String> notes) {
    List<Held> mine = held.get(agent);
    if (mine == null || mine.isEmpty()) {
      return Optional.empty();
    }
    Ended ended = mine.remove(mine.size() - 1).ended();
    if (mine.isEmpty()) {
      held.remove(agent);
    }
    CallLog log = ended.log();
    return Optional.of(new Ended(new CallLog(log.call(), log.contact(), log.agent(), log.customer(), log.ourNumber(),
        log.direction(), log.outcome(), log.started(), log.talkTime(), disposition, notes, log.recording(),
        log.queue()), ended.contacts()));
  }

  /** The held logs whose wait is over at {@code now}, released without a disposition. */
  synchronized List<Ended> due(Instant now) {
    List<Ended> due = new ArrayList<>();
    for (Iterator<List<Held>> agents = held.values().iterator(); agents.hasNext(); ) {
      List<Held> mine = agents.next();
      mine.removeIf(h -> {
        boolean over = !h.due().isAfter(now);
        if (over) {
          due.add(h.ended());
        }
        return over;
      });
      if (mine.isEmpty()) {
        agents.remove();
      }
    }
    return due;
  }

  /** Calls known and logs held, for tests and the leak-minded. */
  synchronized int size() {
    return calls.size() + held.values().stream().mapToInt(List::size).sum();
  }

  private void hold(CallId id, AgentId agent, Duration talked, Instant at) {
    Call call = calls.get(id);
    if (call == null) {
      return;
    }
    CallLog log = new CallLog(id, Optional.empty(), Optional.of(agent), call.caller(), call.ourNumber(),
        CallDirection.INBOUND, CallOutcome.ANSWERED, call.started(), talked, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(call.queue()));
    held.computeIfAbsent(agent, a -> new ArrayList<>()).add(new Held(new Ended(log, call.contacts()),
        at.plus(dispositionWait)));
  }

  private List<Ended> missed(CallId id) {
    Call call = calls.remove(id);
    if (call == null) {
      return List.of();
    }
    return List.of(new Ended(new CallLog(id, Optional.empty(), Optional.empty(), call.caller(), call.ourNumber(),
        CallDirection.INBOUND, CallOutcome.MISSED, call.started(), Duration.ZERO, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of(call.queue())), call.contacts()));
  }

  private static Optional<PhoneNumber> number(Did dialled) {
    try {
      return dialled.value().startsWith("+") ? Optional.of(PhoneNumber.parse(dialled.value(), "dialled"))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
