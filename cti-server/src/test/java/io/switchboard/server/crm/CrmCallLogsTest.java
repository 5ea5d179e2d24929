package io.switchboard.server.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.Did;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.queue.selection.ExitReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrmCallLogsTest {

  private static final Instant T = Logs.STARTED;
  private static final CallId CALL = CallId.of("pbx1/c1");
  private static final QueueId SUPPORT = QueueId.of("support");
  private static final AgentId ANA = AgentId.of("ana");
  private static final AgentId BEN = AgentId.of("ben");
  private static final LegId CALLER_LEG = LegId.of("c1-caller");

  private final CrmCallLogs logs = new CrmCallLogs(Duration.ofSeconds(60));

  private static JournalEntry entered() {
    return new JournalEntry.Entered(CALL, SUPPORT, T, PbxId.of("pbx1"), CALLER_LEG, Optional.of(Logs.CALLER),
        new Did("+442079460999"), 1);
  }

  private static JournalEntry completed(AgentId agent, int talkedSeconds, Instant at) {
    return new JournalEntry.Completed(CALL, SUPPORT, at, agent, CALLER_LEG, LegId.of("leg-" + agent.value()), true,
        Duration.ofSeconds(12), Duration.ofSeconds(talkedSeconds), 1);
  }

  @Test
  void an_answered_call_gives_one_log_for_its_agent_once_the_disposition_wait_is_over() {
    logs.record(entered());
    logs.matched(CALL, Logs.match("salesforce", "003A1", Optional.empty()));
    assertThat(logs.record(completed(ANA, 95, T.plusSeconds(110)))).isEmpty();

    assertThat(logs.due(T.plusSeconds(169))).isEmpty();
    List<CrmCallLogs.Ended> due = logs.due(T.plusSeconds(170));

    assertThat(due).singleElement().extracting(ended -> ended.forCrm("salesforce")).satisfies(log -> {
      assertThat(log.idempotencyKey()).isEqualTo("pbx1/c1:ana");
      assertThat(log.outcome()).isEqualTo(CallOutcome.ANSWERED);
      assertThat(log.talkTime()).isEqualTo(Duration.ofSeconds(95));
      assertThat(log.customer()).contains(Logs.CALLER);
      assertThat(log.ourNumber().map(n -> n.e164())).contains("+442079460999");
      assertThat(log.contact().map(c -> c.contactId())).contains("003A1");
      assertThat(log.queue()).contains("support");
      assertThat(log.disposition()).isEmpty();
    });
    assertThat(due.get(0).forCrm("hubspot").contact()).isEmpty();
    assertThat(logs.size()).isZero();
  }

  @Test
  void a_wrap_up_releases_the_agent_log_at_once_with_disposition_and_notes() {
    logs.record(entered());
    logs.record(completed(ANA, 30, T.plusSeconds(40)));

    Optional<CallLog> log = logs.wrapUp(ANA, Optional.of("resolved"), Optional.of("new router sent"))
        .map(CrmCallLogs.Ended::log);

    assertThat(log).hasValueSatisfying(l -> {
      assertThat(l.disposition()).contains("resolved");
      assertThat(l.notes()).contains("new router sent");
    });
    assertThat(logs.due(T.plusSeconds(3600))).isEmpty();
    assertThat(logs.wrapUp(ANA, Optional.of("resolved"), Optional.empty())).isEmpty();
  }

  @Test
  void a_call_handled_by_two_agents_gives_one_log_each() {
    logs.record(entered());
    logs.record(new JournalEntry.Completed(CALL, SUPPORT, T.plusSeconds(50), ANA, CALLER_LEG, LegId.of("a"), false,
        Duration.ofSeconds(5), Duration.ofSeconds(40), 1));
    logs.record(new JournalEntry.Requeued(CALL, SUPPORT, T.plusSeconds(50), CALLER_LEG, Optional.of(Logs.CALLER),
        1));
    logs.record(completed(BEN, 20, T.plusSeconds(90)));

    assertThat(logs.due(T.plusSeconds(200))).extracting(ended -> ended.log().idempotencyKey())
        .containsExactly("pbx1/c1:ana", "pbx1/c1:ben");
  }

  @Test
  void a_caller_who_hangs_up_waiting_gives_one_missed_log_without_an_agent_at_once() {
    logs.record(entered());

    List<CrmCallLogs.Ended> missed = logs.record(new JournalEntry.Abandoned(CALL, SUPPORT, T.plusSeconds(30), CALLER_LEG, 1,
        1, Duration.ofSeconds(30)));

    assertThat(missed).singleElement().extracting(CrmCallLogs.Ended::log).satisfies(log -> {
      assertThat(log.idempotencyKey()).isEqualTo("pbx1/c1:-");
      assertThat(log.outcome()).isEqualTo(CallOutcome.MISSED);
      assertThat(log.talkTime()).isZero();
    });
    assertThat(logs.size()).isZero();
  }

  @Test
  void a_caller_sent_on_to_another_queue_is_not_missed_but_one_sent_out_is() {
    logs.record(entered());
    JournalEntry overflow = new JournalEntry.Exited(CALL, SUPPORT, T.plusSeconds(60), CALLER_LEG, ExitReason.TIMEOUT,
        new QueueExit.Overflow(QueueId.of("sales")), 1, 1, Duration.ofSeconds(60));
    JournalEntry hangUp = new JournalEntry.Exited(CALL, QueueId.of("sales"), T.plusSeconds(120), CALLER_LEG,
        ExitReason.TIMEOUT, new QueueExit.HangUp(), 1, 1, Duration.ofSeconds(60));

    assertThat(logs.record(overflow)).isEmpty();
    logs.record(new JournalEntry.Overflowed(CALL, QueueId.of("sales"), T.plusSeconds(60), SUPPORT, CALLER_LEG,
        Optional.of(Logs.CALLER), 1));

    assertThat(logs.record(hangUp)).singleElement().extracting(CrmCallLogs.Ended::log).satisfies(log -> {
      assertThat(log.queue()).contains("sales");
      assertThat(log.started()).isEqualTo(T);
    });
  }

  @Test
  void a_caller_refused_on_arrival_is_missed_and_a_caller_transferred_while_waiting_gives_no_log() {
    assertThat(logs.record(new JournalEntry.Refused(CALL, SUPPORT, T, PbxId.of("pbx1"), CALLER_LEG, Optional.empty(),
        new Did("100"), ExitReason.FULL, new QueueExit.HangUp()))).singleElement()
        .satisfies(ended -> assertThat(ended.log().customer()).isEmpty());

    logs.record(entered());
    assertThat(logs.record(new JournalEntry.Transferred(CALL, SUPPORT, T.plusSeconds(5), Optional.empty(), CALLER_LEG,
        Optional.empty(), null, Duration.ofSeconds(5), Duration.ZERO, 1))).isEmpty();
    assertThat(logs.size()).isZero();
  }
}
