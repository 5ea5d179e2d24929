package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.CALLS;
import static io.switchboard.server.persistence.jooq.Tables.CALL_LEGS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_LOG;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.RoutingJournal;
import io.switchboard.server.persistence.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;

/**
 * The routing journal in MariaDB: one {@code calls} row per call, one {@code call_legs} row per leg and
 * Asterisk-style {@code queue_log} rows with the data1..data3 meanings app_queue gives them:
 *
 * <pre>
 * ENTERQUEUE      data1 url (empty)   data2 caller number   data3 position
 * RINGNOANSWER    data1 ring time in milliseconds
 * CONNECT         data1 hold seconds  data2 agent leg id    data3 ring seconds
 * COMPLETECALLER  data1 hold seconds  data2 talk seconds    data3 original position   (also COMPLETEAGENT)
 *                 (a caller whose nailed-up agent left mid-call gets COMPLETEAGENT, then ENTERQUEUE again)
 * BLINDTRANSFER   data1 extension     data2 context         data3 hold seconds   data4 talk seconds
 *                 data5 original position  (agent empty for a caller transferred while waiting)
 * ABANDON         data1 position      data2 original position data3 wait seconds
 * </pre>
 *
 * <p>A transferred call ends with {@code end_reason} {@code transferred} on the call and its legs, plus a
 * {@code transfer} leg whose endpoint is {@code <number>@<context>}. Numbers are stored in full, like the
 * call's own numbers; only logs mask them.
 *
 * <p>Writes run on the database worker pool, one after another in the order they were given, so a leg is
 * never written before its call. A failed write is logged by the router and does not stop later ones.
 */
public final class JooqRoutingJournal implements RoutingJournal {

  private final OrderedWrites writes;

  public JooqRoutingJournal(Database database) {
    this.writes = new OrderedWrites(database);
  }

  @Override
  public CompletionStage<Void> record(JournalEntry entry) {
    return writes.run(dsl -> write(dsl, entry));
  }

  private static void write(DSLContext dsl, JournalEntry entry) {
    if (entry instanceof JournalEntry.Entered e) {
      dsl.insertInto(CALLS).set(CALLS.ID, e.call().value()).set(CALLS.DIRECTION, "inbound")
          .set(CALLS.FROM_NUMBER, e.caller().map(PhoneNumber::e164).orElse(null))
          .set(CALLS.TO_NUMBER, e.dialled().value().length() <= 16 ? e.dialled().value() : null)
          .set(CALLS.PBX_ID, e.pbx().value()).set(CALLS.QUEUE_ID, e.queue().value())
          .set(CALLS.STARTED_AT, e.at()).set(CALLS.QUEUED_AT, e.at())
          .onDuplicateKeyIgnore().execute();
      insertLeg(dsl, e.call(), e.callerLeg(), "caller", e.at())
          .set(CALL_LEGS.PARTY_NUMBER, e.caller().map(PhoneNumber::e164).orElse(null)).onDuplicateKeyIgnore().execute();
      queueLog(dsl, e, "", "ENTERQUEUE", "", e.caller().map(PhoneNumber::e164).orElse(""), String.valueOf(e.position()));
    } else if (entry instanceof JournalEntry.AgentRung e) {
      insertLeg(dsl, e.call(), e.agentLeg(), "agent", e.at())
          .set(CALL_LEGS.AGENT_ID, e.agent().value()).set(CALL_LEGS.ENDPOINT, e.device())
          .onDuplicateKeyIgnore().execute();
    } else if (entry instanceof JournalEntry.AgentMissed e) {
      endLeg(dsl, e.agentLeg(), e.at(), e.cause().name().toLowerCase(Locale.ROOT));
      queueLog(dsl, e, e.agent().value(), "RINGNOANSWER", String.valueOf(e.rang().toMillis()), "", "");
    } else if (entry instanceof JournalEntry.Connected e) {
      dsl.update(CALL_LEGS).set(CALL_LEGS.ANSWERED_AT, e.at()).where(CALL_LEGS.ID.eq(e.agentLeg().value())).execute();
      dsl.update(CALLS).set(CALLS.AGENT_ID, e.agent().value()).set(CALLS.ANSWERED_AT, e.at())
          .where(CALLS.ID.eq(e.call().value())).execute();
      queueLog(dsl, e, e.agent().value(), "CONNECT", seconds(e.held()), e.agentLeg().value(), seconds(e.rang()));
    } else if (entry instanceof JournalEntry.Completed e) {
      String event = e.callerHungUp() ? "COMPLETECALLER" : "COMPLETEAGENT";
      endCall(dsl, e.call(), e.at(), event.toLowerCase(Locale.ROOT));
      queueLog(dsl, e, e.agent().value(), event, seconds(e.held()), seconds(e.talked()),
          String.valueOf(e.originalPosition()));
    } else if (entry instanceof JournalEntry.Transferred e) {
      insertLeg(dsl, e.call(), LegId.of(e.call().value() + "-transfer"), "transfer", e.at())
          .set(CALL_LEGS.ENDPOINT, Transfers.endpoint(e.target())).onDuplicateKeyIgnore().execute();
      endCall(dsl, e.call(), e.at(), "transferred");
      queueLog(dsl, e, e.agent().map(a -> a.value()).orElse(""), "BLINDTRANSFER", e.target().number(),
          e.target().context(), seconds(e.held()), seconds(e.talked()), String.valueOf(e.originalPosition()));
    } else if (entry instanceof JournalEntry.Requeued e) {
      // the conversation's Completed ended the call; the caller is still there and waits again
      dsl.update(CALLS).setNull(CALLS.ENDED_AT).setNull(CALLS.END_REASON).where(CALLS.ID.eq(e.call().value()))
          .execute();
      dsl.update(CALL_LEGS).setNull(CALL_LEGS.ENDED_AT).setNull(CALL_LEGS.END_REASON)
          .where(CALL_LEGS.ID.eq(e.callerLeg().value())).execute();
      queueLog(dsl, e, "", "ENTERQUEUE", "", e.caller().map(PhoneNumber::e164).orElse(""),
          String.valueOf(e.position()));
    } else if (entry instanceof JournalEntry.Abandoned e) {
      endCall(dsl, e.call(), e.at(), "abandoned");
      queueLog(dsl, e, "", "ABANDON", String.valueOf(e.position()), String.valueOf(e.originalPosition()),
          seconds(e.waited()));
    }
  }

  private static org.jooq.InsertSetMoreStep<?> insertLeg(DSLContext dsl, CallId call, LegId leg, String role,
      Instant at) {
    Integer last = dsl.select(org.jooq.impl.DSL.max(CALL_LEGS.SEQ)).from(CALL_LEGS)
        .where(CALL_LEGS.CALL_ID.eq(call.value())).fetchOne(0, Integer.class);
    return dsl.insertInto(CALL_LEGS).set(CALL_LEGS.ID, leg.value()).set(CALL_LEGS.CALL_ID, call.value())
        .set(CALL_LEGS.SEQ, last == null ? 1 : last + 1).set(CALL_LEGS.ROLE, role).set(CALL_LEGS.CREATED_AT, at);
  }

  private static void endLeg(DSLContext dsl, LegId leg, Instant at, String reason) {
    dsl.update(CALL_LEGS).set(CALL_LEGS.ENDED_AT, at).set(CALL_LEGS.END_REASON, reason)
        .where(CALL_LEGS.ID.eq(leg.value()).and(CALL_LEGS.ENDED_AT.isNull())).execute();
  }

  private static void endCall(DSLContext dsl, CallId call, Instant at, String reason) {
    dsl.update(CALLS).set(CALLS.ENDED_AT, at).set(CALLS.END_REASON, reason).where(CALLS.ID.eq(call.value())).execute();
    dsl.update(CALL_LEGS).set(CALL_LEGS.ENDED_AT, at).set(CALL_LEGS.END_REASON, reason)
        .where(CALL_LEGS.CALL_ID.eq(call.value()).and(CALL_LEGS.ENDED_AT.isNull())).execute();
  }

  private static void queueLog(DSLContext dsl, JournalEntry entry, String agent, String event, String data1,
      String data2, String data3) {
    dsl.insertInto(QUEUE_LOG).set(QUEUE_LOG.TIME, entry.at()).set(QUEUE_LOG.CALLID, entry.call().value())
        .set(QUEUE_LOG.QUEUENAME, entry.queue().value()).set(QUEUE_LOG.AGENT, agent).set(QUEUE_LOG.EVENT, event)
        .set(QUEUE_LOG.DATA, String.join("|", data1, data2, data3))
        .set(QUEUE_LOG.DATA1, data1).set(QUEUE_LOG.DATA2, data2).set(QUEUE_LOG.DATA3, data3).execute();
  }

  /** A queue_log row with all five arguments (BLINDTRANSFER). */
  private static void queueLog(DSLContext dsl, JournalEntry entry, String agent, String event, String data1,
      String data2, String data3, String data4, String data5) {
    dsl.insertInto(QUEUE_LOG).set(QUEUE_LOG.TIME, entry.at()).set(QUEUE_LOG.CALLID, entry.call().value())
        .set(QUEUE_LOG.QUEUENAME, entry.queue().value()).set(QUEUE_LOG.AGENT, agent).set(QUEUE_LOG.EVENT, event)
        .set(QUEUE_LOG.DATA, String.join("|", data1, data2, data3, data4, data5))
        .set(QUEUE_LOG.DATA1, data1).set(QUEUE_LOG.DATA2, data2).set(QUEUE_LOG.DATA3, data3)
        .set(QUEUE_LOG.DATA4, data4).set(QUEUE_LOG.DATA5, data5).execute();
  }

  private static String seconds(Duration duration) {
    return String.valueOf(duration.toSeconds());
  }
}
