package io.switchboard.server.kpi;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.routing.CallbackStep;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.JournalEntry.Abandoned;
import io.switchboard.queue.routing.JournalEntry.CallStep;
import io.switchboard.queue.routing.JournalEntry.Completed;
import io.switchboard.queue.routing.JournalEntry.Connected;
import io.switchboard.queue.routing.JournalEntry.Entered;
import io.switchboard.queue.routing.JournalEntry.Exited;
import io.switchboard.queue.routing.JournalEntry.Overflowed;
import io.switchboard.queue.routing.JournalEntry.Requeued;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.queue.waiting.CallbackOutcome;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The journal entries the live KPIs count, and agent statuses, as JSON for the clustered event bus
 * ({@link KpiFeed}). Only the steps the KPIs count travel: {@code Entered}, {@code Requeued}, {@code Overflowed},
 * {@code Exited}, {@code Connected}, {@code Abandoned}, {@code Completed} and a callback's {@code Unanswered}; a
 * transfer target or a callback number never leaves the node. Every field of those records is written, empty
 * {@code Optional}s as absent keys; instants and durations in ISO-8601 so that they come back to the nanosecond.
 * The caller's number travels in clear inside the cluster, as it does in {@code switchboard.calls}; it is never
 * logged.
 */
final class KpiEntryJson {

  private KpiEntryJson() {}

  /** Whether the live KPIs count {@code entry}, so it is worth sending to the other nodes. */
  static boolean counted(JournalEntry entry) {
    return entry instanceof Entered || entry instanceof Requeued || entry instanceof Overflowed
        || entry instanceof Exited || entry instanceof Connected || entry instanceof Abandoned
        || entry instanceof Completed || entry instanceof CallbackStep.Unanswered;
  }

  /** {@code entry} as JSON; an entry that is not {@link #counted} is refused. */
  static JsonObject encode(JournalEntry entry) {
    if (!(entry instanceof CallStep step) || !counted(entry)) {
      throw new IllegalArgumentException("entry must be a step the KPIs count, was " + entry.getClass().getName());
    }
    JsonObject json = new JsonObject().put("type", entry.getClass().getSimpleName()).put("call", step.call().value())
        .put("queue", step.queue().value()).put("at", step.at().toString());
    if (entry instanceof Entered e) {
      json.put("pbx", e.pbx().value()).put("callerLeg", e.callerLeg().value()).put("dialled", e.dialled().value())
          .put("position", e.position());
      e.caller().ifPresent(number -> json.put("caller", number.e164()));
    } else if (entry instanceof Requeued e) {
      json.put("callerLeg", e.callerLeg().value()).put("position", e.position());
      e.caller().ifPresent(number -> json.put("caller", number.e164()));
    } else if (entry instanceof Overflowed e) {
      json.put("from", e.from().value()).put("callerLeg", e.callerLeg().value()).put("position", e.position());
      e.caller().ifPresent(number -> json.put("caller", number.e164()));
    } else if (entry instanceof Exited e) {
      json.put("callerLeg", e.callerLeg().value()).put("reason", e.reason().name()).put("exit", exit(e.exit()))
          .put("position", e.position()).put("originalPosition", e.originalPosition())
          .put("waited", e.waited().toString());
    } else if (entry instanceof Connected e) {
      json.put("agent", e.agent().value()).put("agentLeg", e.agentLeg().value()).put("held", e.held().toString())
          .put("rang", e.rang().toString());
    } else if (entry instanceof Abandoned e) {
      json.put("callerLeg", e.callerLeg().value()).put("position", e.position())
          .put("originalPosition", e.originalPosition()).put("waited", e.waited().toString());
    } else if (entry instanceof Completed e) {
      json.put("agent", e.agent().value()).put("callerLeg", e.callerLeg().value())
          .put("agentLeg", e.agentLeg().value()).put("callerHungUp", e.callerHungUp())
          .put("held", e.held().toString()).put("talked", e.talked().toString())
          .put("originalPosition", e.originalPosition());
    } else if (entry instanceof CallbackStep.Unanswered e) {
      json.put("agent", e.agent().value()).put("customerLeg", e.customerLeg().value()).put("attempt", e.attempt())
          .put("cause", e.cause().name()).put("rang", e.rang().toString()).put("waited", e.waited().toString());
      e.retryAt().ifPresent(at -> json.put("retryAt", at.toString()));
      e.ended().ifPresent(outcome -> json.put("ended", outcome.name()));
    }
    return json;
  }

  /**
   * The entry {@code json} holds.
   *
   * @throws IllegalArgumentException naming the field that is missing or malformed
   */
  static CallStep decode(JsonObject json) {
    String type = text(json, "type");
    CallId call = CallId.of(text(json, "call"));
    QueueId queue = QueueId.of(text(json, "queue"));
    Instant at = instant(json, "at");
    return switch (type) {
      case "Entered" -> new Entered(call, queue, at, PbxId.of(text(json, "pbx")), leg(json, "callerLeg"),
          caller(json), Did.of(text(json, "dialled")), integer(json, "position"));
      case "Requeued" -> new Requeued(call, queue, at, leg(json, "callerLeg"), caller(json),
          integer(json, "position"));
      case "Overflowed" -> new Overflowed(call, queue, at, QueueId.of(text(json, "from")), leg(json, "callerLeg"),
          caller(json), integer(json, "position"));
      case "Exited" -> new Exited(call, queue, at, leg(json, "callerLeg"),
          parse(json, "reason", ExitReason::valueOf), exit(json), integer(json, "position"),
          integer(json, "originalPosition"), duration(json, "waited"));
      case "Connected" -> new Connected(call, queue, at, AgentId.of(text(json, "agent")), leg(json, "agentLeg"),
          duration(json, "held"), duration(json, "rang"));
      case "Abandoned" -> new Abandoned(call, queue, at, leg(json, "callerLeg"), integer(json, "position"),
          integer(json, "originalPosition"), duration(json, "waited"));
      case "Completed" -> new Completed(call, queue, at, AgentId.of(text(json, "agent")), leg(json, "callerLeg"),
          leg(json, "agentLeg"), bool(json, "callerHungUp"), duration(json, "held"), duration(json, "talked"),
          integer(json, "originalPosition"));
      case "Unanswered" -> new CallbackStep.Unanswered(call, queue, at, AgentId.of(text(json, "agent")),
          leg(json, "customerLeg"), integer(json, "attempt"), parse(json, "cause", HangupCause::valueOf),
          duration(json, "rang"), optional(json, "retryAt").map(v -> parse(json, "retryAt", Instant::parse)),
          optional(json, "ended").map(v -> parse(json, "ended", CallbackOutcome::valueOf)), duration(json, "waited"));
      default -> throw new IllegalArgumentException("type must be a journal step the KPIs count, was '" + type + "'");
    };
  }

  /** An agent's status just stored, with the agent's id. */
  static JsonObject encode(AgentId agent, AgentStatus status) {
    JsonObject json = new JsonObject().put("agent", agent.value()).put("state", status.state().name())
        .put("since", status.since().toString()).put("version", status.version());
    status.reason().ifPresent(reason -> json.put("reason", reason.value()));
    return json;
  }

  /** The agent {@code json} names. */
  static AgentId agent(JsonObject json) {
    return AgentId.of(text(json, "agent"));
  }

  /** The status {@code json} holds. */
  static AgentStatus status(JsonObject json) {
    Object version = json.getValue("version");
    if (!(version instanceof Number number)) {
      throw new IllegalArgumentException("version must be a number, was " + version);
    }
    return new AgentStatus(parse(json, "state", AgentState::valueOf), optional(json, "reason").map(ReasonCode::of),
        instant(json, "since"), number.longValue());
  }

  private static JsonObject exit(QueueExit exit) {
    if (exit instanceof QueueExit.Overflow overflow) {
      return new JsonObject().put("kind", "overflow").put("queue", overflow.queue().value());
    }
    if (exit instanceof QueueExit.Extension extension) {
      return new JsonObject().put("kind", "extension").put("context", extension.context())
          .put("extension", extension.extension());
    }
    return new JsonObject().put("kind", exit instanceof QueueExit.CallBack ? "callback" : "hangup");
  }

  private static QueueExit exit(JsonObject json) {
    if (!(json.getValue("exit") instanceof JsonObject exit)) {
      throw new IllegalArgumentException("exit must be an object");
    }
    String kind = text(exit, "kind");
    return switch (kind) {
      case "overflow" -> new QueueExit.Overflow(QueueId.of(text(exit, "queue")));
      case "extension" -> new QueueExit.Extension(text(exit, "context"), text(exit, "extension"));
      case "callback" -> QueueExit.CALL_BACK;
      case "hangup" -> QueueExit.HANG_UP;
      default -> throw new IllegalArgumentException("exit.kind must be overflow, extension, callback or hangup, was '"
          + kind + "'");
    };
  }

  private static Optional<PhoneNumber> caller(JsonObject json) {
    return optional(json, "caller").map(PhoneNumber::new);
  }

  private static LegId leg(JsonObject json, String field) {
    return LegId.of(text(json, field));
  }

  private static Instant instant(JsonObject json, String field) {
    return parse(json, field, Instant::parse);
  }

  private static Duration duration(JsonObject json, String field) {
    return parse(json, field, Duration::parse);
  }

  private static <T> T parse(JsonObject json, String field, Function<String, T> parser) {
    String value = text(json, field);
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(field + " is malformed: " + e.getMessage(), e);
    }
  }

  private static Optional<String> optional(JsonObject json, String field) {
    return json.containsKey(field) ? Optional.of(text(json, field)) : Optional.empty();
  }

  private static String text(JsonObject json, String field) {
    if (!(json.getValue(field) instanceof String value)) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value;
  }

  private static int integer(JsonObject json, String field) {
    if (!(json.getValue(field) instanceof Number value)) {
      throw new IllegalArgumentException(field + " must be a number");
    }
    return value.intValue();
  }

  private static boolean bool(JsonObject json, String field) {
    if (!(json.getValue(field) instanceof Boolean value)) {
      throw new IllegalArgumentException(field + " must be true or false");
    }
    return value;
  }
}
