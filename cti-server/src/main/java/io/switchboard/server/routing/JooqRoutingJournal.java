package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.CALLS;
import static io.switchboard.server.persistence.jooq.Tables.CALL_LEGS;
import static io.switchboard.server.persistence.jooq.Tables.QUEUE_LOG;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.queue.routing.CallbackStep;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.RoutingJournal;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.queuelog.QueueLogRow;
import io.switchboard.server.queuelog.QueueLogRows;
import io.switchboard.server.queuelog.QueueLogSink;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing journal in MariaDB: one {@code calls} row per call, one {@code call_legs} row per leg and the
 * Asterisk {@code queue_log} rows {@link QueueLogRows} gives each entry (fields in {@code docs/queue-log.md}),
 * with the pipe-joined arguments in {@code data} and split in data1..data5, as Asterisk's realtime table.
 * When a queue_log file is configured the same rows go to it too, whether or not the database write works.
 *
 * <p>A transferred call ends with {@code end_reason} {@code transferred} on the call and its legs, plus a
 * {@code transfer} leg whose endpoint is {@code <number>@<context>}. Numbers are stored in full, like the
 * call's own numbers; only logs mask them. A caller a queue rule sent out ends
 * with the reason's {@link QueueExits#endReason} ({@code timed_out}, {@code full}, {@code join_empty},
 * {@code leave_empty}), plus an {@code exit} leg {@code <extension>@<context>} when sent to an extension; an
 * overflowed call goes on, its {@code queue_id} now the queue it overflowed to. A queued callback's steps are
 * written by {@link CallbackRecords}.
 *
 * <p>Writes run on the database worker pool, one after another in the order they were given, so a leg is
 * never written before its call. A failed write is logged by the router and does not stop later ones.
 */
public final class JooqRoutingJournal implements RoutingJournal {

  /** The queue_log events that end a call's visit to a queue. */
  private static final Set<String> ENDS = Set.of("COMPLETECALLER", "COMPLETEAGENT", "ABANDON");
  private static final Logger LOG = LoggerFactory.getLogger(JooqRoutingJournal.class);

  private final OrderedWrites writes;
  private final QueueLogSink file;
  private volatile Predicate<String> fenced = pbx -> false;

  /** A journal writing the database only. */
  public JooqRoutingJournal(Database database) {
    this(database, rows -> { });
  }

  /** A journal writing the database and handing each entry's queue_log rows to {@code file}. */
  public JooqRoutingJournal(Database database, QueueLogSink file) {
    this.writes = new OrderedWrites(database);
    this.file = file;
  }

  /**
   * In a cluster: a call's steps are not written once this node has been fenced off the call's PBX ({@code fenced}),
   * checked when the write reaches the database. A node paused with writes queued, then fenced, drops them: the PBX's
   * next owner carried those calls over and writes their steps itself (docs/cluster.md). An orderly shutdown is
   * not a fence: its last writes are kept.
   */
  public JooqRoutingJournal fencedBy(Predicate<String> fenced) {
    this.fenced = fenced;
    return this;
  }

  @Override
  public CompletionStage<Void> record(JournalEntry entry) {
    List<QueueLogRow> rows = QueueLogRows.of(entry);
    file.append(rows);
    boolean[] dropped = new boolean[1];
    return writes.run(dsl -> {
      if (entry instanceof JournalEntry.CallStep step) {
        Optional<String> pbx = pbxOf(step);
        if (pbx.isPresent() && fenced.test(pbx.get())) {
          LOG.warn("event=journal-step-dropped-fenced pbx={} callId={} step={}", pbx.get(), step.call(),
              entry.getClass().getSimpleName());
          dropped[0] = true;
          return;
        }
        if (repeated(dsl, step)) {
          LOG.info("event=journal-step-repeated callId={} step={} reason=\"already recorded (a PBX's previous owner"
              + " wrote it before the failover)\"", step.call(), entry.getClass().getSimpleName());
          return;
        }
        write(dsl, step);
      }
      rows.forEach(row -> queueLog(dsl, row));
    }).thenCompose(written -> dropped[0]
        ? CompletableFuture.<Void>failedFuture(new RoutingJournal.Dropped("this node was fenced off the call's PBX"))
        : CompletableFuture.<Void>completedFuture(null));
  }

  /**
   * Whether {@code step} is one a call has once per visit to a queue and its queue_log already holds it: the entry
   * (ENTERQUEUE in that queue), the connection (a CONNECT since the last ENTERQUEUE, with no end after it) or the
   * end (a COMPLETE or ABANDON with no CONNECT or ENTERQUEUE after it). Across a
   * failover the next owner of a PBX may record again what the previous one wrote in its last moments (the calls in
   * flight it carried over were not updated yet); such a step is not written twice. A requeued call's next
   * conversation ends after a new CONNECT, so it is written.
   */
  static boolean repeated(DSLContext dsl, JournalEntry.CallStep step) {
    if (step instanceof JournalEntry.Entered entered) {
      return dsl.fetchExists(QUEUE_LOG, QUEUE_LOG.CALLID.eq(entered.call().value())
          .and(QUEUE_LOG.QUEUENAME.eq(entered.queue().value())).and(QUEUE_LOG.EVENT.eq("ENTERQUEUE")));
    }
    boolean connect = step instanceof JournalEntry.Connected;
    if (!connect && !(step instanceof JournalEntry.Completed) && !(step instanceof JournalEntry.Abandoned)) {
      return false;
    }
    for (String event : dsl.select(QUEUE_LOG.EVENT).from(QUEUE_LOG).where(QUEUE_LOG.CALLID.eq(step.call().value()))
        .orderBy(QUEUE_LOG.ID.desc()).limit(50).fetch(QUEUE_LOG.EVENT)) {
      if (event.equals("ENTERQUEUE") || ENDS.contains(event)) {
        return !connect && ENDS.contains(event);
      }
      if (event.equals("CONNECT")) {
        return connect;
      }
    }
    return false;
  }

  /** The PBX a call step belongs to: the part of its call id before the first {@code /} ({@code sim/1700.1}). */
  public static Optional<String> pbxOf(JournalEntry.CallStep step) {
    String id = step.call().value();
    int slash = id.indexOf('/');
    return slash > 0 ? Optional.of(id.substring(0, slash)) : Optional.empty();
  }

  private static void write(DSLContext dsl, JournalEntry.CallStep entry) {
    if (entry instanceof JournalEntry.Entered e) {
      dsl.insertInto(CALLS).set(CALLS.ID, e.call().value()).set(CALLS.DIRECTION, "inbound")
          .set(CALLS.FROM_NUMBER, e.caller().map(PhoneNumber::e164).orElse(null))
          .set(CALLS.TO_NUMBER, e.dialled().value().length() <= 16 ? e.dialled().value() : null)
          .set(CALLS.PBX_ID, e.pbx().value()).set(CALLS.QUEUE_ID, e.queue().value())
          .set(CALLS.STARTED_AT, e.at()).set(CALLS.QUEUED_AT, e.at())
          .onDuplicateKeyIgnore().execute();
      insertLeg(dsl, e.call(), e.callerLeg(), "caller", e.at())
          .set(CALL_LEGS.PARTY_NUMBER, e.caller().map(PhoneNumber::e164).orElse(null)).onDuplicateKeyIgnore().execute();
    } else if (entry instanceof JournalEntry.AgentRung e) {
      insertLeg(dsl, e.call(), e.agentLeg(), "agent", e.at())
          .set(CALL_LEGS.AGENT_ID, e.agent().value()).set(CALL_LEGS.ENDPOINT, e.device())
          .onDuplicateKeyIgnore().execute();
    } else if (entry instanceof JournalEntry.AgentMissed e) {
      endLeg(dsl, e.agentLeg(), e.at(), e.cause().name().toLowerCase(Locale.ROOT));
    } else if (entry instanceof JournalEntry.Connected e) {
      dsl.update(CALL_LEGS).set(CALL_LEGS.ANSWERED_AT, e.at()).where(CALL_LEGS.ID.eq(e.agentLeg().value())).execute();
      dsl.update(CALLS).set(CALLS.AGENT_ID, e.agent().value()).set(CALLS.ANSWERED_AT, e.at())
          .where(CALLS.ID.eq(e.call().value())).execute();
    } else if (entry instanceof JournalEntry.Completed e) {
      endCall(dsl, e.call(), e.at(), e.callerHungUp() ? "completecaller" : "completeagent");
    } else if (entry instanceof JournalEntry.Transferred e) {
      insertLeg(dsl, e.call(), LegId.of(e.call().value() + "-transfer"), "transfer", e.at())
          .set(CALL_LEGS.ENDPOINT, Transfers.endpoint(e.target())).onDuplicateKeyIgnore().execute();
      endCall(dsl, e.call(), e.at(), "transferred");
    } else if (entry instanceof JournalEntry.Requeued e) {
      // the conversation's Completed ended the call; the caller is still there and waits again
      dsl.update(CALLS).setNull(CALLS.ENDED_AT).setNull(CALLS.END_REASON).where(CALLS.ID.eq(e.call().value()))
          .execute();
      dsl.update(CALL_LEGS).setNull(CALL_LEGS.ENDED_AT).setNull(CALL_LEGS.END_REASON)
          .where(CALL_LEGS.ID.eq(e.callerLeg().value())).execute();
    } else if (entry instanceof JournalEntry.Abandoned e) {
      endCall(dsl, e.call(), e.at(), "abandoned");
    } else if (entry instanceof JournalEntry.RingCanceled e) {
      endLeg(dsl, e.agentLeg(), e.at(), "canceled");
    } else if (entry instanceof JournalEntry.Exited e) {
      if (!(e.exit() instanceof QueueExit.Overflow)) {
        exitLeg(dsl, e.call(), e.exit(), e.at());
        endCall(dsl, e.call(), e.at(), QueueExits.endReason(e.reason()));
      }
    } else if (entry instanceof JournalEntry.Overflowed e) {
      dsl.update(CALLS).set(CALLS.QUEUE_ID, e.queue().value()).where(CALLS.ID.eq(e.call().value())).execute();
    } else if (entry instanceof CallbackStep step) {
      CallbackRecords.write(dsl, step);
    } else if (entry instanceof JournalEntry.Refused e) {
      dsl.insertInto(CALLS).set(CALLS.ID, e.call().value()).set(CALLS.DIRECTION, "inbound")
          .set(CALLS.FROM_NUMBER, e.caller().map(PhoneNumber::e164).orElse(null))
          .set(CALLS.TO_NUMBER, e.dialled().value().length() <= 16 ? e.dialled().value() : null)
          .set(CALLS.PBX_ID, e.pbx().value()).set(CALLS.QUEUE_ID, e.queue().value())
          .set(CALLS.STARTED_AT, e.at()).onDuplicateKeyIgnore().execute();
      insertLeg(dsl, e.call(), e.callerLeg(), "caller", e.at())
          .set(CALL_LEGS.PARTY_NUMBER, e.caller().map(PhoneNumber::e164).orElse(null)).onDuplicateKeyIgnore().execute();
      if (!(e.exit() instanceof QueueExit.Overflow)) {
        exitLeg(dsl, e.call(), e.exit(), e.at());
        endCall(dsl, e.call(), e.at(), QueueExits.endReason(e.reason()));
      }
    }
  }

  static org.jooq.InsertSetMoreStep<?> insertLeg(DSLContext dsl, CallId call, LegId leg, String role,
      Instant at) {
    Integer last = dsl.select(org.jooq.impl.DSL.max(CALL_LEGS.SEQ)).from(CALL_LEGS)
        .where(CALL_LEGS.CALL_ID.eq(call.value())).fetchOne(0, Integer.class);
    return dsl.insertInto(CALL_LEGS).set(CALL_LEGS.ID, leg.value()).set(CALL_LEGS.CALL_ID, call.value())
        .set(CALL_LEGS.SEQ, last == null ? 1 : last + 1).set(CALL_LEGS.ROLE, role).set(CALL_LEGS.CREATED_AT, at);
  }

  /** A caller sent to an extension gets an {@code exit} leg whose endpoint is {@code <extension>@<context>}. */
  private static void exitLeg(DSLContext dsl, CallId call, QueueExit exit, Instant at) {
    if (exit instanceof QueueExit.Extension extension) {
      insertLeg(dsl, call, LegId.of(call.value() + "-exit"), "exit", at)
          .set(CALL_LEGS.ENDPOINT, extension.extension() + "@" + extension.context()).onDuplicateKeyIgnore().execute();
    }
  }

  static void endLeg(DSLContext dsl, LegId leg, Instant at, String reason) {
    dsl.update(CALL_LEGS).set(CALL_LEGS.ENDED_AT, at).set(CALL_LEGS.END_REASON, reason)
        .where(CALL_LEGS.ID.eq(leg.value()).and(CALL_LEGS.ENDED_AT.isNull())).execute();
  }

  static void endCall(DSLContext dsl, CallId call, Instant at, String reason) {
    dsl.update(CALLS).set(CALLS.ENDED_AT, at).set(CALLS.END_REASON, reason).where(CALLS.ID.eq(call.value())).execute();
    dsl.update(CALL_LEGS).set(CALL_LEGS.ENDED_AT, at).set(CALL_LEGS.END_REASON, reason)
        .where(CALL_LEGS.CALL_ID.eq(call.value()).and(CALL_LEGS.ENDED_AT.isNull())).execute();
  }

  private static void queueLog(DSLContext dsl, QueueLogRow row) {
    dsl.insertInto(QUEUE_LOG).set(QUEUE_LOG.TIME, row.time()).set(QUEUE_LOG.CALLID, row.callId())
        .set(QUEUE_LOG.QUEUENAME, row.queue()).set(QUEUE_LOG.AGENT, row.agent()).set(QUEUE_LOG.EVENT, row.event())
        .set(QUEUE_LOG.DATA, row.joinedData())
        .set(QUEUE_LOG.DATA1, row.data(1)).set(QUEUE_LOG.DATA2, row.data(2)).set(QUEUE_LOG.DATA3, row.data(3))
        .set(QUEUE_LOG.DATA4, row.data(4)).set(QUEUE_LOG.DATA5, row.data(5)).execute();
  }
}
