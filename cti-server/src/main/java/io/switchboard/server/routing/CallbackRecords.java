package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.CALLS;
import static io.switchboard.server.persistence.jooq.Tables.CALL_LEGS;

import io.switchboard.queue.routing.CallbackStep;
import io.switchboard.queue.waiting.CallbackOutcome;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * A queued callback in the record of the call that asked for it: the caller's leg ends with {@code callback}, each
 * attempt is a {@code customer} leg of that call (ended with the attempt's cause, or answered), and the call's
 * {@code callback_outcome} (V9) goes from {@code requested} to {@code connected} or, when the callback gives up,
 * to {@code no_answer}, {@code busy} or {@code failed}, the call then ending with {@code callback_<outcome>}.
 * A connected callback ends as any answered call ({@code completecaller}, {@code completeagent}...).
 */
final class CallbackRecords {

  /** The end reason of the caller's leg after the key, and the prefix of a given-up callback's call. */
  static final String CALLBACK = "callback";

  private CallbackRecords() {}

  static void write(DSLContext dsl, CallbackStep step) {
    if (step instanceof CallbackStep.Requested e) {
      JooqRoutingJournal.endLeg(dsl, e.callerLeg(), e.at(), CALLBACK);
      outcome(dsl, e, "requested");
    } else if (step instanceof CallbackStep.Dialled e) {
      JooqRoutingJournal.insertLeg(dsl, e.call(), e.customerLeg(), "customer", e.at())
          .set(CALL_LEGS.PARTY_NUMBER, e.number().e164()).onDuplicateKeyIgnore().execute();
      dsl.update(CALLS).set(CALLS.CALLBACK_ATTEMPTS, e.attempt()).where(CALLS.ID.eq(e.call().value())).execute();
    } else if (step instanceof CallbackStep.Unanswered e) {
      JooqRoutingJournal.endLeg(dsl, e.customerLeg(), e.at(), e.cause().name().toLowerCase(Locale.ROOT));
      if (e.ended().isPresent()) {
        String outcome = name(e.ended().get());
        outcome(dsl, e, outcome);
        JooqRoutingJournal.endCall(dsl, e.call(), e.at(), CALLBACK + "_" + outcome);
      }
    } else if (step instanceof CallbackStep.Answered e) {
      dsl.update(CALL_LEGS).set(CALL_LEGS.ANSWERED_AT, e.at()).where(CALL_LEGS.ID.eq(e.customerLeg().value()))
          .execute();
      outcome(dsl, e, name(CallbackOutcome.CONNECTED));
    }
  }

  private static void outcome(DSLContext dsl, CallbackStep step, String outcome) {
    dsl.update(CALLS).set(CALLS.CALLBACK_OUTCOME, outcome).where(CALLS.ID.eq(step.call().value())).execute();
  }

  private static String name(CallbackOutcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }
}
