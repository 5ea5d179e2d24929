package io.switchboard.server.queuelog;

import static io.switchboard.server.queuelog.QueueLogRow.NONE;

import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.routing.CallbackStep;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.selection.ExitReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Asterisk {@code queue_log} rows of a journal entry, with the fields app_queue gives each event
 * ({@code docs/queue-log.md} lists them with their app_queue source). Agents are named by their id, as
 * app_queue names a member by its member name ({@code log_membername_as_agent}); rows about no agent say
 * {@code NONE}. Pure: the same entry always gives the same rows.
 */
public final class QueueLogRows {

  private QueueLogRows() {
  }

  /** The rows of {@code entry}, in the order app_queue writes them; none for a step app_queue does not log. */
  public static List<QueueLogRow> of(JournalEntry entry) {
    if (entry instanceof JournalEntry.CallStep step) {
      return callRows(step);
    }
    return memberRows((JournalEntry.MemberStep) entry);
  }

  private static List<QueueLogRow> callRows(JournalEntry.CallStep entry) {
    if (entry instanceof JournalEntry.Entered e) {
      return row(entry, NONE, "ENTERQUEUE", "", e.caller().map(PhoneNumber::e164).orElse(""),
          String.valueOf(e.position()));
    } else if (entry instanceof JournalEntry.Requeued e) {
      return row(entry, NONE, "ENTERQUEUE", "", e.caller().map(PhoneNumber::e164).orElse(""),
          String.valueOf(e.position()));
    } else if (entry instanceof JournalEntry.AgentMissed e) {
      return row(entry, e.agent().value(), "RINGNOANSWER", String.valueOf(e.rang().toMillis()));
    } else if (entry instanceof JournalEntry.RingCanceled e) {
      return row(entry, e.agent().value(), "RINGCANCELED", String.valueOf(e.rang().toMillis()));
    } else if (entry instanceof JournalEntry.Connected e) {
      return row(entry, e.agent().value(), "CONNECT", seconds(e.held()), e.agentLeg().value(), seconds(e.rang()));
    } else if (entry instanceof JournalEntry.Completed e) {
      return row(entry, e.agent().value(), e.callerHungUp() ? "COMPLETECALLER" : "COMPLETEAGENT",
          seconds(e.held()), seconds(e.talked()), String.valueOf(e.originalPosition()));
    } else if (entry instanceof JournalEntry.Transferred e) {
      return row(entry, e.agent().map(AgentId::value).orElse(NONE), "BLINDTRANSFER", e.target().number(),
          e.target().context(), seconds(e.held()), seconds(e.talked()), String.valueOf(e.originalPosition()));
    } else if (entry instanceof JournalEntry.Abandoned e) {
      return row(entry, NONE, "ABANDON", String.valueOf(e.position()), String.valueOf(e.originalPosition()),
          seconds(e.waited()));
    } else if (entry instanceof JournalEntry.Exited e) {
      return row(entry, NONE, e.reason() == ExitReason.TIMEOUT ? "EXITWITHTIMEOUT" : "EXITEMPTY",
          String.valueOf(e.position()), String.valueOf(e.originalPosition()), seconds(e.waited()));
    } else if (entry instanceof CallbackStep step) {
      return CallbackRows.of(step);
    } else if (entry instanceof JournalEntry.Overflowed e) {
      return row(entry, NONE, "ENTERQUEUE", "", e.caller().map(PhoneNumber::e164).orElse(""),
          String.valueOf(e.position()));
    }
    // AgentRung: app_queue logs no event when it rings a member; Refused: none for a caller who could not join
    return List.of();
  }

  private static List<QueueLogRow> memberRows(JournalEntry.MemberStep entry) {
    String agent = entry.agent().value();
    List<QueueLogRow> rows = new ArrayList<>();
    if (entry instanceof JournalEntry.MemberAdded e) {
      perQueue(rows, e, "ADDMEMBER", e.paused() ? "PAUSED" : "");
    } else if (entry instanceof JournalEntry.MemberRemoved e) {
      perQueue(rows, e, "REMOVEMEMBER", "");
    } else if (entry instanceof JournalEntry.Paused e) {
      rows.add(QueueLogRow.of(e.at(), NONE, NONE, agent, "PAUSEALL", ""));
      perQueue(rows, e, "PAUSE", e.reason().map(ReasonCode::value).orElse(""));
    } else if (entry instanceof JournalEntry.Unpaused e) {
      rows.add(QueueLogRow.of(e.at(), NONE, NONE, agent, "UNPAUSEALL", ""));
      perQueue(rows, e, "UNPAUSE", "");
    }
    return List.copyOf(rows);
  }

  private static void perQueue(List<QueueLogRow> rows, JournalEntry.MemberStep entry, String event, String data1) {
    for (QueueId queue : entry.queues()) {
      rows.add(QueueLogRow.of(entry.at(), NONE, queue.value(), entry.agent().value(), event, data1));
    }
  }

  private static List<QueueLogRow> row(JournalEntry.CallStep entry, String agent, String event, String... data) {
    return List.of(QueueLogRow.of(entry.at(), entry.call().value(), entry.queue().value(), agent, event, data));
  }

  private static String seconds(Duration duration) {
    return String.valueOf(duration.toSeconds());
  }
}
