package io.switchboard.server.queuelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.routing.CallbackStep;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.waiting.CallbackOutcome;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every journal entry as the queue_log lines Asterisk's app_queue writes for the same step. The sources are
 * {@code apps/app_queue.c} of asterisk/asterisk (functions named per test) and the "Queue Logs" page of the
 * Asterisk wiki; logger.c writes a line as {@code "%ld|%s|%s|%s|%s|%s"}: epoch, callid, queue, agent, event,
 * then the event's data as app_queue formatted it.
 */
class QueueLogRowsTest {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private static final long EPOCH = T0.getEpochSecond();
  private static final CallId CALL = CallId.of("1700000000.1");
  private static final QueueId SUPPORT = QueueId.of("support");
  private static final QueueId SALES = QueueId.of("sales");
  private static final AgentId A1 = AgentId.of("a1");
  private static final LegId CALLER = LegId.of("sim/1700000000.1");
  private static final LegId AGENT_LEG = LegId.of("sim/1700000000.2");

  /** queue_exec(): {@code ENTERQUEUE "%s|%s|%d"}: url, caller id, position. */
  @Test
  void a_caller_entering_a_queue_is_enterqueue_with_an_empty_url_their_number_and_their_position() {
    JournalEntry entry = new JournalEntry.Entered(CALL, SUPPORT, T0, PbxId.of("sim"), CALLER,
        Optional.of(PhoneNumber.parse("+4930555123", "caller")), Did.of("100"), 2);

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|NONE|ENTERQUEUE||+4930555123|2");
  }

  /** queue_exec(): a caller without caller id gets an empty data2. */
  @Test
  void a_caller_without_a_number_enters_with_an_empty_caller_id() {
    JournalEntry entry = new JournalEntry.Entered(CALL, SUPPORT, T0, PbxId.of("sim"), CALLER, Optional.empty(),
        Did.of("100"), 1);

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|NONE|ENTERQUEUE|||1");
  }

  /** rna(): {@code RINGNOANSWER "%d"}: ring time in milliseconds. */
  @Test
  void a_missed_offer_is_ringnoanswer_with_the_ring_time_in_milliseconds() {
    JournalEntry entry = new JournalEntry.AgentMissed(CALL, SUPPORT, T0, A1, AGENT_LEG, Duration.ofMillis(15_250),
        HangupCause.NO_ANSWER);

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|a1|RINGNOANSWER|15250");
  }

  /** Newer app_queue's wait_for_answer(): {@code RINGCANCELED "%d"}: how long the member rang, in milliseconds. */
  @Test
  void a_cancelled_ring_is_ringcanceled_with_the_ring_time_in_milliseconds() {
    JournalEntry entry = new JournalEntry.RingCanceled(CALL, SUPPORT, T0, A1, AGENT_LEG, Duration.ofMillis(4_200));

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|a1|RINGCANCELED|4200");
  }

  /** try_calling(): {@code CONNECT "%ld|%s|%ld"}: hold time, the member channel's uniqueid, ring time (seconds). */
  @Test
  void an_answered_call_is_connect_with_hold_time_agent_leg_and_ring_time_in_seconds() {
    JournalEntry entry = new JournalEntry.Connected(CALL, SUPPORT, T0, A1, AGENT_LEG, Duration.ofSeconds(18),
        Duration.ofMillis(3_900));

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|a1|CONNECT|18|sim/1700000000.2|3");
  }

  /** log_attended_transfer()/handle_hangup(): {@code COMPLETECALLER "%ld|%ld|%d"}: hold, talk, original position. */
  @Test
  void a_conversation_the_caller_ends_is_completecaller_with_hold_talk_and_original_position() {
    JournalEntry entry = new JournalEntry.Completed(CALL, SUPPORT, T0, A1, CALLER, AGENT_LEG, true,
        Duration.ofSeconds(18), Duration.ofSeconds(60), 3);

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|a1|COMPLETECALLER|18|60|3");
  }

  /** handle_hangup(): {@code COMPLETEAGENT}, same fields, when the member hung up first. */
  @Test
  void a_conversation_the_agent_ends_is_completeagent() {
    JournalEntry entry = new JournalEntry.Completed(CALL, SUPPORT, T0, A1, CALLER, AGENT_LEG, false,
        Duration.ofSeconds(1), Duration.ofSeconds(29), 1);

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|a1|COMPLETEAGENT|1|29|1");
  }

  /**
   * handle_blind_transfer(): {@code BLINDTRANSFER "%s|%s|%ld|%ld|%d"}: extension, context, hold, talk, original
   * position (Asterisk 12+; 1.x wrote {@code TRANSFER} with the same fields).
   */
  @Test
  void a_blind_transfer_is_blindtransfer_with_extension_context_hold_talk_and_original_position() {
    JournalEntry entry = new JournalEntry.Transferred(CALL, SUPPORT, T0, Optional.of(A1), CALLER,
        Optional.of(AGENT_LEG), new TransferTarget("02079460018", "from-internal"), Duration.ofSeconds(4),
        Duration.ofSeconds(60), 1);

    assertThat(lines(entry))
        .containsExactly(EPOCH + "|1700000000.1|support|a1|BLINDTRANSFER|02079460018|from-internal|4|60|1");
  }

  /** queue_exec(): {@code ABANDON "%d|%d|%ld"} with agent NONE: position, original position, wait. */
  @Test
  void a_caller_hanging_up_while_waiting_is_abandon_with_position_original_position_and_wait() {
    JournalEntry entry = new JournalEntry.Abandoned(CALL, SUPPORT, T0, CALLER, 1, 2, Duration.ofSeconds(45));

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|NONE|ABANDON|1|2|45");
  }

  /** queue_exec() at check_turns: {@code EXITWITHTIMEOUT "%d|%d|%ld"} with agent NONE. */
  @Test
  void a_caller_who_waited_too_long_is_exitwithtimeout_with_position_original_position_and_wait() {
    JournalEntry entry = new JournalEntry.Exited(CALL, SUPPORT, T0, CALLER, ExitReason.TIMEOUT, QueueExit.HANG_UP,
        1, 3, Duration.ofSeconds(300));

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|NONE|EXITWITHTIMEOUT|1|3|300");
  }

  /** wait_our_turn() with leavewhenempty: {@code EXITEMPTY "%d|%d|%ld"} with agent NONE. */
  @Test
  void a_caller_whose_queue_emptied_is_exitempty_with_position_original_position_and_wait() {
    JournalEntry entry = new JournalEntry.Exited(CALL, SUPPORT, T0, CALLER, ExitReason.LEAVEEMPTY,
        new QueueExit.Extension("voicemail", "8001"), 2, 4, Duration.ofSeconds(42));

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|NONE|EXITEMPTY|2|4|42");
  }

  /** An overflowed caller enters the other queue as a caller of that queue: ENTERQUEUE there. */
  @Test
  void a_caller_overflowed_to_another_queue_enters_it() {
    JournalEntry entry = new JournalEntry.Overflowed(CALL, QueueId.of("sales"), T0, SUPPORT, CALLER,
        Optional.of(PhoneNumber.parse("+4930555123", "caller")), 3);

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|sales|NONE|ENTERQUEUE||+4930555123|3");
  }

  /** join_queue() refusing a caller (FULL, JOINEMPTY) writes no queue_log row: only QUEUESTATUS is set. */
  @Test
  void a_caller_refused_on_arrival_writes_no_row() {
    JournalEntry entry = new JournalEntry.Refused(CALL, SUPPORT, T0, PbxId.of("sim"), CALLER, Optional.empty(),
        Did.of("100"), ExitReason.FULL, QueueExit.HANG_UP);

    assertThat(lines(entry)).isEmpty();
  }

  /** try_calling() logs nothing when it rings a member; only the outcome (CONNECT, RINGNOANSWER) is logged. */
  @Test
  void ringing_an_agent_writes_no_row() {
    JournalEntry entry = new JournalEntry.AgentRung(CALL, SUPPORT, T0, A1, AGENT_LEG, "PJSIP/1001");

    assertThat(lines(entry)).isEmpty();
  }

  /** add_to_queue(): {@code ADDMEMBER "%s"} with callid NONE, one row per queue; data1 {@code PAUSED} or empty. */
  @Test
  void a_login_adds_the_agent_to_each_of_their_queues() {
    JournalEntry entry = new JournalEntry.MemberAdded(T0, A1, List.of(SUPPORT, SALES), false);

    assertThat(lines(entry)).containsExactly(EPOCH + "|NONE|support|a1|ADDMEMBER|", EPOCH + "|NONE|sales|a1|ADDMEMBER|");
  }

  /** add_to_queue(): a member added paused says so in data1. */
  @Test
  void a_login_straight_into_a_pause_adds_the_agent_paused() {
    JournalEntry entry = new JournalEntry.MemberAdded(T0, A1, List.of(SUPPORT), true);

    assertThat(lines(entry)).containsExactly(EPOCH + "|NONE|support|a1|ADDMEMBER|PAUSED");
  }

  /** remove_from_queue(): {@code REMOVEMEMBER "%s", ""} with callid NONE, one row per queue. */
  @Test
  void a_logout_removes_the_agent_from_each_of_their_queues() {
    JournalEntry entry = new JournalEntry.MemberRemoved(T0, A1, List.of(SUPPORT, SALES));

    assertThat(lines(entry))
        .containsExactly(EPOCH + "|NONE|support|a1|REMOVEMEMBER|", EPOCH + "|NONE|sales|a1|REMOVEMEMBER|");
  }

  /**
   * set_member_paused() without a queue: {@code PAUSEALL} with queue and callid NONE, then
   * set_queue_member_pause() per queue: {@code PAUSE "%s"} with the reason (Asterisk 13+).
   */
  @Test
  void a_pause_is_pauseall_then_one_pause_per_queue_with_the_reason() {
    JournalEntry entry = new JournalEntry.Paused(T0, A1, List.of(SUPPORT, SALES), Optional.of(ReasonCode.of("lunch")));

    assertThat(lines(entry)).containsExactly(EPOCH + "|NONE|NONE|a1|PAUSEALL|",
        EPOCH + "|NONE|support|a1|PAUSE|lunch", EPOCH + "|NONE|sales|a1|PAUSE|lunch");
  }

  /** The router's auto-pause after missed offers carries the reason {@code no-answer}. */
  @Test
  void an_auto_pause_after_missed_offers_gives_the_reason_no_answer() {
    JournalEntry entry = new JournalEntry.Paused(T0, A1, List.of(SUPPORT), Optional.of(ReasonCode.NO_ANSWER));

    assertThat(lines(entry)).containsExactly(EPOCH + "|NONE|NONE|a1|PAUSEALL|",
        EPOCH + "|NONE|support|a1|PAUSE|no-answer");
  }

  /** set_member_paused()/set_queue_member_pause(): {@code UNPAUSEALL}, then {@code UNPAUSE} per queue. */
  @Test
  void an_unpause_is_unpauseall_then_one_unpause_per_queue() {
    JournalEntry entry = new JournalEntry.Unpaused(T0, A1, List.of(SUPPORT));

    assertThat(lines(entry)).containsExactly(EPOCH + "|NONE|NONE|a1|UNPAUSEALL|", EPOCH + "|NONE|support|a1|UNPAUSE|");
  }

  @Test
  void a_pipe_or_line_break_inside_a_field_cannot_split_the_row() {
    JournalEntry entry = new JournalEntry.Paused(T0, A1, List.of(SUPPORT), Optional.of(ReasonCode.of("a|b\nc")));

    assertThat(lines(entry)).last().isEqualTo(EPOCH + "|NONE|support|a1|PAUSE|a_b_c");
  }

  @Test
  void the_table_gets_the_data_split_into_data1_to_data5_and_joined_in_data() {
    QueueLogRow row = QueueLogRows.of(new JournalEntry.Abandoned(CALL, SUPPORT, T0, CALLER, 1, 2,
        Duration.ofSeconds(45))).get(0);

    assertThat(List.of(row.data(1), row.data(2), row.data(3), row.data(4), row.data(5), row.joinedData()))
        .containsExactly("1", "2", "45", "", "", "1|2|45");
  }

  /**
   * queue_exec(): {@code EXITWITHKEY "%s|%d|%d|%ld"}: key, position, original position, wait; then Switchboard's
   * {@code CALLBACKREQUEST}: the number to call, position, original position.
   */
  @Test
  void a_callback_key_is_app_queues_exitwithkey_then_callbackrequest() {
    JournalEntry entry = new CallbackStep.Requested(CALL, SUPPORT, T0, CALLER, '1',
        PhoneNumber.parse("+4930555123", "caller"), 3, 4, Duration.ofSeconds(95));

    assertThat(lines(entry)).containsExactly(EPOCH + "|1700000000.1|support|NONE|EXITWITHKEY|1|3|4|95",
        EPOCH + "|1700000000.1|support|NONE|CALLBACKREQUEST|+4930555123|3|4");
  }

  /** A max-wait exit that calls back writes the rule's own row (EXITWITHTIMEOUT's fields), not EXITWITHKEY. */
  @Test
  void a_callback_by_a_queue_exit_is_the_rules_exit_row_then_callbackrequest() {
    JournalEntry timeout = new CallbackStep.Requested(CALL, SUPPORT, T0, CALLER, '1',
        PhoneNumber.parse("+4930555123", "caller"), 3, 4, Duration.ofSeconds(300), Optional.of(ExitReason.TIMEOUT));
    JournalEntry empty = new CallbackStep.Requested(CALL, SUPPORT, T0, CALLER, '1',
        PhoneNumber.parse("+4930555123", "caller"), 1, 2, Duration.ofSeconds(30), Optional.of(ExitReason.LEAVEEMPTY));

    assertThat(lines(timeout)).containsExactly(EPOCH + "|1700000000.1|support|NONE|EXITWITHTIMEOUT|3|4|300",
        EPOCH + "|1700000000.1|support|NONE|CALLBACKREQUEST|+4930555123|3|4");
    assertThat(lines(empty)).first().isEqualTo(EPOCH + "|1700000000.1|support|NONE|EXITEMPTY|1|2|30");
  }

  @Test
  void each_callback_attempt_is_callbackdial_then_callbackanswer_or_callbacknoanswer_and_the_last_callbackend() {
    CallId customer = CallId.of("sim/sb-01");
    LegId customerLeg = LegId.of("sim/sb-01");
    PhoneNumber number = PhoneNumber.parse("+4930555123", "caller");

    assertThat(lines(new CallbackStep.Dialled(CALL, SUPPORT, T0, A1, customer, customerLeg, number, 2)))
        .containsExactly(EPOCH + "|1700000000.1|support|a1|CALLBACKDIAL|2|+4930555123|sim/sb-01");
    assertThat(lines(new CallbackStep.Answered(CALL, SUPPORT, T0, A1, customerLeg, 2, Duration.ofMillis(7_600))))
        .containsExactly(EPOCH + "|1700000000.1|support|a1|CALLBACKANSWER|2|7");
    assertThat(lines(new CallbackStep.Unanswered(CALL, SUPPORT, T0, A1, customerLeg, 1, HangupCause.NO_ANSWER,
        Duration.ofSeconds(25), Optional.of(T0.plusSeconds(60)), Optional.empty(), Duration.ofSeconds(200))))
        .containsExactly(EPOCH + "|1700000000.1|support|a1|CALLBACKNOANSWER|1|no_answer|25");
    assertThat(lines(new CallbackStep.Unanswered(CALL, SUPPORT, T0, A1, customerLeg, 3, HangupCause.USER_BUSY,
        Duration.ofSeconds(2), Optional.empty(), Optional.of(CallbackOutcome.BUSY), Duration.ofSeconds(400))))
        .containsExactly(EPOCH + "|1700000000.1|support|a1|CALLBACKNOANSWER|3|user_busy|2",
            EPOCH + "|1700000000.1|support|NONE|CALLBACKEND|busy|3|400");
  }

  private static List<String> lines(JournalEntry entry) {
    return QueueLogRows.of(entry).stream().map(QueueLogRow::line).toList();
  }
}
