package io.switchboard.server.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.queue.waiting.CallbackOutcome;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class KpiEntryJsonTest {

  private static final CallId CALL = CallId.of("c-1");
  private static final QueueId SUPPORT = QueueId.of("support");
  /** Nanoseconds too, so that a codec rounding to millis fails. */
  private static final Instant AT = Instant.parse("2026-11-25T09:14:59.123456789Z");
  private static final PhoneNumber CALLER = new PhoneNumber("+442079460123");
  private static final Duration WAIT = Duration.ofSeconds(42, 7);

  static Stream<JournalEntry> countedEntries() {
    return Stream.of(
        new JournalEntry.Entered(CALL, SUPPORT, AT, PbxId.of("main"), LegId.of("leg-1"), Optional.of(CALLER),
            Did.of("+442079460000"), 3),
        new JournalEntry.Entered(CALL, SUPPORT, AT, PbxId.of("main"), LegId.of("leg-1"), Optional.empty(),
            Did.of("100"), 1),
        new JournalEntry.Requeued(CALL, SUPPORT, AT, LegId.of("leg-1"), Optional.of(CALLER), 2),
        new JournalEntry.Requeued(CALL, SUPPORT, AT, LegId.of("leg-1"), Optional.empty(), 1),
        new JournalEntry.Overflowed(CALL, SUPPORT, AT, QueueId.of("sales"), LegId.of("leg-1"), Optional.of(CALLER),
            4),
        new JournalEntry.Overflowed(CALL, SUPPORT, AT, QueueId.of("sales"), LegId.of("leg-1"), Optional.empty(), 1),
        new JournalEntry.Exited(CALL, SUPPORT, AT, LegId.of("leg-1"), ExitReason.TIMEOUT,
            new QueueExit.Overflow(QueueId.of("sales")), 2, 5, WAIT),
        new JournalEntry.Exited(CALL, SUPPORT, AT, LegId.of("leg-1"), ExitReason.LEAVEEMPTY,
            new QueueExit.Extension("after-hours", "*70#"), 1, 1, WAIT),
        new JournalEntry.Exited(CALL, SUPPORT, AT, LegId.of("leg-1"), ExitReason.TIMEOUT, QueueExit.HANG_UP, 1, 1,
            WAIT),
        new JournalEntry.Exited(CALL, SUPPORT, AT, LegId.of("leg-1"), ExitReason.TIMEOUT, QueueExit.CALL_BACK, 1, 1,
            WAIT),
        new JournalEntry.Connected(CALL, SUPPORT, AT, AgentId.of("a1"), LegId.of("leg-2"), WAIT,
            Duration.ofMillis(3_250)),
        new JournalEntry.Abandoned(CALL, SUPPORT, AT, LegId.of("leg-1"), 2, 6, WAIT),
        new JournalEntry.Completed(CALL, SUPPORT, AT, AgentId.of("a1"), LegId.of("leg-1"), LegId.of("leg-2"), true,
            WAIT, Duration.ofSeconds(185), 6),
        new JournalEntry.Completed(CALL, SUPPORT, AT, AgentId.of("a1"), LegId.of("leg-1"), LegId.of("leg-2"),
            false, WAIT, Duration.ZERO, 1),
        new CallbackStep.Unanswered(CALL, SUPPORT, AT, AgentId.of("a1"), LegId.of("cb-1"), 2,
            HangupCause.USER_BUSY, Duration.ofSeconds(20), Optional.of(AT.plusSeconds(300)), Optional.empty(),
            WAIT),
        new CallbackStep.Unanswered(CALL, SUPPORT, AT, AgentId.of("a1"), LegId.of("cb-1"), 3,
            HangupCause.NO_ANSWER, Duration.ofSeconds(30), Optional.empty(), Optional.of(CallbackOutcome.NO_ANSWER),
            WAIT));
  }

  @ParameterizedTest
  @MethodSource("countedEntries")
  void every_counted_entry_comes_back_equal_field_by_field_through_its_encoded_text(JournalEntry entry) {
    JsonObject sent = KpiEntryJson.encode(entry);

    JournalEntry received = KpiEntryJson.decode(new JsonObject(sent.encode()));

    assertThat(received).isEqualTo(entry);
  }

  @Test
  void the_sample_covers_every_step_the_kpis_count() {
    List<Class<?>> covered = countedEntries().<Class<?>>map(Object::getClass).distinct().toList();

    assertThat(covered).containsExactlyInAnyOrder(JournalEntry.Entered.class, JournalEntry.Requeued.class,
        JournalEntry.Overflowed.class, JournalEntry.Exited.class, JournalEntry.Connected.class,
        JournalEntry.Abandoned.class, JournalEntry.Completed.class, CallbackStep.Unanswered.class);
    assertThat(countedEntries()).allMatch(KpiEntryJson::counted);
  }

  @Test
  void steps_the_kpis_do_not_count_are_not_sent_so_a_transfer_target_or_a_callback_number_stays_on_the_node() {
    JournalEntry rung = new JournalEntry.AgentRung(CALL, SUPPORT, AT, AgentId.of("a1"), LegId.of("leg-2"),
        "PJSIP/a1");
    JournalEntry requested = new CallbackStep.Requested(CALL, SUPPORT, AT, LegId.of("leg-1"), '1', CALLER, 1, 1,
        WAIT);

    assertThat(KpiEntryJson.counted(rung)).isFalse();
    assertThat(KpiEntryJson.counted(requested)).isFalse();
    assertThatThrownBy(() -> KpiEntryJson.encode(requested)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(CALLER.e164());
  }

  @Test
  void an_agent_status_with_and_without_a_reason_comes_back_equal() {
    AgentStatus paused = new AgentStatus(AgentState.PAUSED, Optional.of(ReasonCode.of("lunch")), AT, 17);
    AgentStatus available = new AgentStatus(AgentState.AVAILABLE, Optional.empty(), AT, 18);

    for (AgentStatus status : List.of(paused, available)) {
      JsonObject received = new JsonObject(KpiEntryJson.encode(AgentId.of("a1"), status).encode());

      assertThat(KpiEntryJson.agent(received)).isEqualTo(AgentId.of("a1"));
      assertThat(KpiEntryJson.status(received)).isEqualTo(status);
    }
  }

  @Test
  void a_message_missing_a_field_or_with_a_malformed_one_is_refused_naming_the_field() {
    JsonObject connected = KpiEntryJson.encode(new JournalEntry.Connected(CALL, SUPPORT, AT, AgentId.of("a1"),
        LegId.of("leg-2"), WAIT, WAIT));

    assertThatThrownBy(() -> KpiEntryJson.decode(connected.copy().put("held", "soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("held");
    JsonObject withoutAgent = connected.copy();
    withoutAgent.remove("agent");
    assertThatThrownBy(() -> KpiEntryJson.decode(withoutAgent))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("agent");
    assertThatThrownBy(() -> KpiEntryJson.decode(connected.copy().put("type", "AgentRung")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("type");
  }
}
