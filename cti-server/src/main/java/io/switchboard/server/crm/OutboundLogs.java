package io.switchboard.server.crm;

import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.queue.routing.OutboundEntry;
import io.switchboard.queue.routing.OutboundOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which call log an outbound call gives (an agent's manual call or callback, or a campaign's), from the outbound
 * journal's steps: when the agent talked to the customer, one {@link CallOutcome#ANSWERED} log for the agent, held
 * for the wrap-up like an inbound one; when nobody answered, the line was busy, a machine answered or the call
 * failed, one log with that outcome, for the agent the call was placed for when there was one. A customer who
 * answered a campaign call no agent took (an abandon) or hung up before the join gives none: there was no
 * conversation and no agent's history to write it to. Not thread-safe: {@link CrmCallLogs} holds its lock.
 */
final class OutboundLogs {

  /** What {@link #record} decided: nothing yet, a log to hold for the agent's wrap-up, or one to send now. */
  record Step(Optional<CallLog> hold, Optional<CallLog> now) {
    static final Step NONE = new Step(Optional.empty(), Optional.empty());
  }

  private record Call(Optional<PhoneNumber> customer, Optional<PhoneNumber> ourNumber, Instant started,
      Optional<AgentId> agent, Optional<Instant> talking, Optional<String> campaign) {

    Call with(Optional<AgentId> newAgent, Optional<Instant> newTalking) {
      return new Call(customer, ourNumber, started, newAgent, newTalking, campaign);
    }
  }

  private final Map<CallId, Call> calls = new HashMap<>();

  Step record(OutboundEntry entry) {
    if (entry instanceof OutboundEntry.Dialled d) {
      calls.put(d.call(), new Call(Optional.of(d.to()), d.callerId(), d.at(), Optional.of(d.agent()),
          Optional.empty(), Optional.empty()));
    } else if (entry instanceof OutboundEntry.CampaignDialled d) {
      calls.put(d.call(), new Call(Optional.of(d.to()), d.callerId(), d.at(), Optional.empty(), Optional.empty(),
          Optional.of(d.campaign().value())));
    } else if (entry instanceof OutboundEntry.AgentAssigned a) {
      calls.computeIfPresent(a.call(), (id, c) -> c.with(Optional.of(a.agent()), c.talking()));
    } else if (entry instanceof OutboundEntry.Connected c) {
      calls.computeIfPresent(c.call(), (id, call) -> call.with(Optional.of(c.agent()), Optional.of(c.at())));
    } else if (entry instanceof OutboundEntry.Ended e) {
      Call call = calls.remove(e.call());
      return call == null ? Step.NONE : ended(e, call);
    }
    return Step.NONE;
  }

  private static Step ended(OutboundEntry.Ended e, Call call) {
    if (call.talking().isPresent()) {
      Duration talked = Duration.between(call.talking().get(), e.at());
      return new Step(Optional.of(log(e.call(), call, CallOutcome.ANSWERED, talked.isNegative() ? Duration.ZERO
          : talked)), Optional.empty());
    }
    Optional<CallOutcome> outcome = outcome(e.outcome());
    return outcome.map(o -> new Step(Optional.empty(), Optional.of(log(e.call(), call, o, Duration.ZERO))))
        .orElse(Step.NONE);
  }

  private static Optional<CallOutcome> outcome(OutboundOutcome outcome) {
    switch (outcome) {
      case NO_ANSWER:
        return Optional.of(CallOutcome.NO_ANSWER);
      case BUSY:
        return Optional.of(CallOutcome.BUSY);
      case MACHINE:
      case MACHINE_MESSAGE:
        return Optional.of(CallOutcome.MACHINE);
      case FAILED:
        return Optional.of(CallOutcome.FAILED);
      default:
        return Optional.empty();
    }
  }

  private static CallLog log(CallId id, Call call, CallOutcome outcome, Duration talked) {
    return new CallLog(id, Optional.empty(), call.agent(), call.customer(), call.ourNumber(), CallDirection.OUTBOUND,
        outcome, call.started(), talked, Optional.empty(), Optional.empty(), Optional.empty(), call.campaign());
  }
}
