package io.switchboard.server.queuelog;

import static io.switchboard.server.queuelog.QueueLogRow.NONE;

import io.switchboard.queue.routing.CallbackStep;
import io.switchboard.queue.selection.ExitReason;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@code queue_log} rows of a queued callback: app_queue's {@code EXITWITHKEY} for the key, with its fields
 * (key, position, original position, wait), or the rule's {@code EXITWITHTIMEOUT} / {@code EXITEMPTY} when a queue
 * exit called the caller back instead, then Switchboard's own {@code CALLBACK*} events, which tools built
 * for app_queue skip as unknown ({@code docs/queue-log.md}). Pure.
 */
final class CallbackRows {

  private CallbackRows() {}

  static List<QueueLogRow> of(CallbackStep step) {
    if (step instanceof CallbackStep.Requested e) {
      QueueLogRow exit = e.exit()
          .map(reason -> row(e, NONE, reason == ExitReason.TIMEOUT ? "EXITWITHTIMEOUT" : "EXITEMPTY",
              String.valueOf(e.position()), String.valueOf(e.originalPosition()), seconds(e.waited())))
          .orElseGet(() -> row(e, NONE, "EXITWITHKEY", String.valueOf(e.digit()), String.valueOf(e.position()),
              String.valueOf(e.originalPosition()), seconds(e.waited())));
      return List.of(exit,
          row(e, NONE, "CALLBACKREQUEST", e.number().e164(), String.valueOf(e.position()),
              String.valueOf(e.originalPosition())));
    } else if (step instanceof CallbackStep.Dialled e) {
      return List.of(row(e, e.agent().value(), "CALLBACKDIAL", String.valueOf(e.attempt()), e.number().e164(),
          e.customerCall().value()));
    } else if (step instanceof CallbackStep.Unanswered e) {
      QueueLogRow unanswered = row(e, e.agent().value(), "CALLBACKNOANSWER", String.valueOf(e.attempt()),
          e.cause().name().toLowerCase(Locale.ROOT), seconds(e.rang()));
      return e.ended().map(outcome -> List.of(unanswered, row(e, NONE, "CALLBACKEND",
          outcome.name().toLowerCase(Locale.ROOT), String.valueOf(e.attempt()), seconds(e.waited()))))
          .orElse(List.of(unanswered));
    }
    CallbackStep.Answered e = (CallbackStep.Answered) step;
    return List.of(row(e, e.agent().value(), "CALLBACKANSWER", String.valueOf(e.attempt()), seconds(e.rang())));
  }

  private static QueueLogRow row(CallbackStep step, String agent, String event, String... data) {
    return QueueLogRow.of(step.at(), step.call().value(), step.queue().value(), agent, event, data);
  }

  private static String seconds(Duration duration) {
    return String.valueOf(duration.toSeconds());
  }
}
