package io.switchboard.server.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.switchboard.server.persistence.TestDataDirs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The routing journal on a real, migrated MariaDB: calls, call_legs and app_queue-style queue_log rows. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JooqRoutingJournalIT {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private static final QueueId SUPPORT = QueueId.of("support");

  private static Vertx vertx;
  private static Path dataDir;
  private static Database database;
  private static JooqRoutingJournal journal;
  private static JooqCallHistory history;

  @BeforeAll
  static void migratedDatabase() {
    vertx = Vertx.vertx();
    dataDir = TestDataDirs.fresh("journal");
    database = Database.open(vertx, DatabaseSettings.embedded(dataDir));
    journal = new JooqRoutingJournal(database);
    history = new JooqCallHistory(database);
  }

  @AfterAll
  static void stop() {
    database.close();
    vertx.close().await();
    TestDataDirs.delete(dataDir);
  }

  @Test
  void a_call_missed_by_one_agent_and_answered_by_the_next_reads_back_as_one_call_three_legs_and_four_log_rows() {
    CallId call = CallId.of("sim/1700000000.1");
    LegId caller = LegId.of("sim/1700000000.1");
    LegId first = LegId.of("sim/1700000000.1-agent-1");
    LegId second = LegId.of("sim/1700000000.1-agent-2");

    journal.record(new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("sim"), caller,
        Optional.of(PhoneNumber.parse("+4930555123", "caller")), Did.of("100"), 1));
    journal.record(new JournalEntry.AgentRung(call, SUPPORT, T0, AgentId.of("a1"), first, "SIP/1001"));
    journal.record(new JournalEntry.AgentMissed(call, SUPPORT, T0.plusSeconds(15), AgentId.of("a1"), first,
        Duration.ofSeconds(15), HangupCause.NO_ANSWER));
    journal.record(new JournalEntry.AgentRung(call, SUPPORT, T0.plusSeconds(15), AgentId.of("a2"), second, "SIP/1002"));
    journal.record(new JournalEntry.Connected(call, SUPPORT, T0.plusSeconds(18), AgentId.of("a2"), second,
        Duration.ofSeconds(18), Duration.ofSeconds(3)));
    await(journal.record(new JournalEntry.Completed(call, SUPPORT, T0.plusSeconds(78), AgentId.of("a2"), caller,
        second, true, Duration.ofSeconds(18), Duration.ofSeconds(60), 1)));

    JsonObject read = await(history.call(call.value()).toCompletionStage()).orElseThrow();
    assertThat(read.getString("agentId")).isEqualTo("a2");
    assertThat(read.getString("endReason")).isEqualTo("completecaller");
    assertThat(read.getJsonArray("legs").stream().map(leg -> ((JsonObject) leg).getString("role") + ":"
        + ((JsonObject) leg).getString("endReason"))).containsExactly("caller:completecaller", "agent:no_answer",
        "agent:completecaller");
    assertThat(read.getJsonArray("queueLog").stream().map(row -> {
      JsonObject r = (JsonObject) row;
      return String.join("|", r.getString("event"), r.getString("agent"), r.getString("data1"), r.getString("data2"),
          r.getString("data3"));
    })).containsExactly(
        "ENTERQUEUE|NONE||+4930555123|1",
        "RINGNOANSWER|a1|15000||",
        "CONNECT|a2|18|" + second.value() + "|3",
        "COMPLETECALLER|a2|18|60|1");
  }

  @Test
  void a_caller_whose_nailed_up_agent_left_mid_call_is_open_again_and_enters_the_queue_a_second_time() {
    CallId call = CallId.of("c-requeued");
    LegId caller = LegId.of("c-requeued-caller");
    LegId agentLeg = LegId.of("c-requeued-agent-1");
    journal.record(new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("sim"), caller, Optional.empty(),
        Did.of("100"), 1));
    journal.record(new JournalEntry.AgentRung(call, SUPPORT, T0, AgentId.of("a1"), agentLeg, "sim/session-a1"));
    journal.record(new JournalEntry.Connected(call, SUPPORT, T0.plusSeconds(1), AgentId.of("a1"), agentLeg,
        Duration.ofSeconds(1), Duration.ZERO));
    journal.record(new JournalEntry.Completed(call, SUPPORT, T0.plusSeconds(30), AgentId.of("a1"), caller,
        agentLeg, false, Duration.ofSeconds(1), Duration.ofSeconds(29), 1));
    await(journal.record(new JournalEntry.Requeued(call, SUPPORT, T0.plusSeconds(30), caller, Optional.empty(), 1)));

    JsonObject read = await(history.call(call.value()).toCompletionStage()).orElseThrow();
    assertThat(read.getValue("endedAt")).as("the caller is still there").isNull();
    assertThat(read.getJsonArray("legs").stream().map(leg -> ((JsonObject) leg).getString("role") + ":"
        + ((JsonObject) leg).getString("endReason"))).containsExactly("caller:null", "agent:completeagent");
    assertThat(read.getJsonArray("queueLog").stream().map(row -> ((JsonObject) row).getString("event")))
        .containsExactly("ENTERQUEUE", "CONNECT", "COMPLETEAGENT", "ENTERQUEUE");
  }

  @Test
  void an_entry_or_end_a_previous_owner_already_recorded_is_not_written_twice_but_a_requeued_calls_next_end_is() {
    CallId call = CallId.of("c-failover");
    LegId caller = LegId.of("c-failover-caller");
    LegId agentLeg = LegId.of("c-failover-agent-1");
    JournalEntry.Entered entered = new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("sim"), caller,
        Optional.empty(), Did.of("100"), 1);
    JournalEntry.Completed completed = new JournalEntry.Completed(call, SUPPORT, T0.plusSeconds(30),
        AgentId.of("a1"), caller, agentLeg, true, Duration.ofSeconds(1), Duration.ofSeconds(29), 1);
    journal.record(entered);
    journal.record(entered);
    journal.record(new JournalEntry.AgentRung(call, SUPPORT, T0, AgentId.of("a1"), agentLeg, "PJSIP/7601"));
    JournalEntry.Connected connected = new JournalEntry.Connected(call, SUPPORT, T0.plusSeconds(1), AgentId.of("a1"),
        agentLeg, Duration.ofSeconds(1), Duration.ZERO);
    journal.record(connected);
    journal.record(connected);
    journal.record(completed);
    journal.record(completed);
    journal.record(new JournalEntry.Requeued(call, SUPPORT, T0.plusSeconds(31), caller, Optional.empty(), 1));
    journal.record(new JournalEntry.Connected(call, SUPPORT, T0.plusSeconds(35), AgentId.of("a1"), agentLeg,
        Duration.ofSeconds(4), Duration.ZERO));
    await(journal.record(new JournalEntry.Completed(call, SUPPORT, T0.plusSeconds(60), AgentId.of("a1"), caller,
        agentLeg, true, Duration.ofSeconds(4), Duration.ofSeconds(25), 1)));

    JsonObject read = await(history.call(call.value()).toCompletionStage()).orElseThrow();
    assertThat(read.getJsonArray("queueLog").stream().map(row -> ((JsonObject) row).getString("event")))
        .containsExactly("ENTERQUEUE", "CONNECT", "COMPLETECALLER", "ENTERQUEUE", "CONNECT", "COMPLETECALLER");
    assertThat(read.getValue("endedAt")).isNotNull();
  }

  @Test
  void a_node_fenced_off_the_calls_pbx_writes_nothing_and_says_so_to_the_router() {
    JooqRoutingJournal fencedJournal = new JooqRoutingJournal(database).fencedBy(pbx -> pbx.equals("gone"));
    CallId call = CallId.of("gone/1");

    assertThatThrownBy(() -> await(fencedJournal.record(new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("gone"),
        LegId.of("gone/1"), Optional.empty(), Did.of("100"), 1))))
        .hasRootCauseInstanceOf(io.switchboard.queue.routing.RoutingJournal.Dropped.class);
    assertThat(await(history.call(call.value()).toCompletionStage())).isEmpty();
  }

  @Test
  void a_connected_call_transferred_away_ends_as_transferred_with_a_transfer_leg_and_app_queues_blindtransfer_row() {
    CallId call = CallId.of("c-transfer");
    LegId caller = LegId.of("c-transfer-caller");
    LegId agentLeg = LegId.of("c-transfer-agent-1");
    journal.record(new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("sim"), caller, Optional.empty(),
        Did.of("100"), 1));
    journal.record(new JournalEntry.AgentRung(call, SUPPORT, T0, AgentId.of("a1"), agentLeg, "SIP/1001"));
    journal.record(new JournalEntry.Connected(call, SUPPORT, T0.plusSeconds(4), AgentId.of("a1"), agentLeg,
        Duration.ofSeconds(4), Duration.ofSeconds(4)));
    await(journal.record(new JournalEntry.Transferred(call, SUPPORT, T0.plusSeconds(64), Optional.of(AgentId.of("a1")),
        caller, Optional.of(agentLeg), new TransferTarget("02079460018", "from-internal"), Duration.ofSeconds(4),
        Duration.ofSeconds(60), 1)));

    JsonObject read = await(history.call(call.value()).toCompletionStage()).orElseThrow();
    assertThat(read.getString("endReason")).isEqualTo("transferred");
    assertThat(read.getJsonArray("legs").stream().map(leg -> ((JsonObject) leg).getString("role") + ":"
        + ((JsonObject) leg).getString("endpoint") + ":" + ((JsonObject) leg).getString("endReason")))
        .containsExactly("caller:null:transferred", "agent:SIP/1001:transferred",
            "transfer:02079460018@from-internal:transferred");
    JsonObject transfer = (JsonObject) await(history.queueLog(Optional.of(call.value()), Optional.empty())
        .toCompletionStage()).getValue(2);
    assertThat(List.of(transfer.getString("event"), transfer.getString("agent"), transfer.getString("data1"),
        transfer.getString("data2"), transfer.getString("data3"), transfer.getString("data4"),
        transfer.getString("data5")))
        .containsExactly("BLINDTRANSFER", "a1", "02079460018", "from-internal", "4", "60", "1");
  }

  @Test
  void an_abandoned_call_logs_position_original_position_and_wait() {
    CallId call = CallId.of("c-abandon");
    LegId caller = LegId.of("c-abandon-caller");
    journal.record(new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("sim"), caller, Optional.empty(),
        Did.of("100"), 2));
    await(journal.record(new JournalEntry.Abandoned(call, SUPPORT, T0.plusSeconds(40), caller, 1, 2,
        Duration.ofSeconds(40))));

    List<Object> rows = await(history.queueLog(Optional.of(call.value()), Optional.empty()).toCompletionStage())
        .getList();
    assertThat(rows).hasSize(2);
    JsonObject abandon = (JsonObject) await(history.queueLog(Optional.of(call.value()), Optional.empty())
        .toCompletionStage()).getValue(1);
    assertThat(abandon.getString("event")).isEqualTo("ABANDON");
    assertThat(List.of(abandon.getString("data1"), abandon.getString("data2"), abandon.getString("data3")))
        .containsExactly("1", "2", "40");
  }

  @Test
  void a_pause_of_an_agent_in_two_queues_writes_pauseall_then_a_pause_row_per_queue_and_no_call() {
    QueueId pauses = QueueId.of("pauses-" + System.nanoTime());
    await(journal.record(new JournalEntry.Paused(T0, AgentId.of("a9"), List.of(SUPPORT, pauses),
        Optional.of(ReasonCode.of("lunch")))));

    JsonArray rows = await(history.queueLog(Optional.empty(), Optional.of(pauses.value())).toCompletionStage());
    assertThat(rows.getList()).singleElement().satisfies(row -> {
      JsonObject pause = (JsonObject) row;
      assertThat(List.of(pause.getString("callid"), pause.getString("agent"), pause.getString("event"),
          pause.getString("data1"))).containsExactly("NONE", "a9", "PAUSE", "lunch");
    });
    JsonArray all = await(history.queueLog(Optional.of("NONE"), Optional.of("NONE")).toCompletionStage());
    assertThat(all.stream().map(row -> ((JsonObject) row).getString("event") + ":"
        + ((JsonObject) row).getString("agent"))).contains("PAUSEALL:a9");
  }

  @Test
  void a_caller_who_waited_too_long_ends_the_call_as_timed_out_with_an_exitwithtimeout_row() {
    CallId call = CallId.of("c-timeout");
    LegId caller = LegId.of("c-timeout-caller");
    journal.record(new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("sim"), caller, Optional.empty(),
        Did.of("100"), 1));
    await(journal.record(new JournalEntry.Exited(call, SUPPORT, T0.plusSeconds(300), caller, ExitReason.TIMEOUT,
        new QueueExit.Extension("voicemail", "8001"), 1, 1, Duration.ofSeconds(300))));

    JsonObject read = await(history.call(call.value()).toCompletionStage()).orElseThrow();
    assertThat(read.getString("endReason")).isEqualTo("timed_out");
    assertThat(read.getJsonArray("legs").stream().map(leg -> ((JsonObject) leg).getString("role") + ":"
        + ((JsonObject) leg).getString("endpoint"))).contains("exit:8001@voicemail");
    JsonObject timeout = (JsonObject) await(history.queueLog(Optional.of(call.value()), Optional.empty())
        .toCompletionStage()).getValue(1);
    assertThat(List.of(timeout.getString("agent"), timeout.getString("event"), timeout.getString("data1"),
        timeout.getString("data2"), timeout.getString("data3"))).containsExactly("NONE", "EXITWITHTIMEOUT", "1",
        "1", "300");
  }

  @Test
  void a_callback_answered_at_the_second_attempt_is_one_call_whose_record_tells_the_key_both_attempts_and_the_talk() {
    CallId call = CallId.of("c-callback");
    LegId caller = LegId.of("c-callback-caller");
    CallId first = CallId.of("sim/sb-01");
    CallId second = CallId.of("sim/sb-02");
    LegId agentLeg = LegId.of("sim/sb-02-agent-1");
    PhoneNumber number = PhoneNumber.parse("+4930555123", "caller");
    journal.record(new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("sim"), caller, Optional.of(number),
        Did.of("100"), 1));
    journal.record(new CallbackStep.Requested(call, SUPPORT, T0.plusSeconds(40), caller, '1', number, 1, 1,
        Duration.ofSeconds(40)));
    journal.record(new CallbackStep.Dialled(call, SUPPORT, T0.plusSeconds(100), AgentId.of("a1"), first,
        LegId.of(first.value()), number, 1));
    journal.record(new CallbackStep.Unanswered(call, SUPPORT, T0.plusSeconds(125), AgentId.of("a1"),
        LegId.of(first.value()), 1, HangupCause.NO_ANSWER, Duration.ofSeconds(25), Optional.of(T0.plusSeconds(185)),
        Optional.empty(), Duration.ofSeconds(125)));
    journal.record(new CallbackStep.Dialled(call, SUPPORT, T0.plusSeconds(185), AgentId.of("a1"), second,
        LegId.of(second.value()), number, 2));
    journal.record(new CallbackStep.Answered(call, SUPPORT, T0.plusSeconds(190), AgentId.of("a1"),
        LegId.of(second.value()), 2, Duration.ofSeconds(5)));
    journal.record(new JournalEntry.AgentRung(call, SUPPORT, T0.plusSeconds(190), AgentId.of("a1"), agentLeg, "SIP/1001"));
    journal.record(new JournalEntry.Connected(call, SUPPORT, T0.plusSeconds(193), AgentId.of("a1"), agentLeg,
        Duration.ofSeconds(193), Duration.ofSeconds(3)));
    await(journal.record(new JournalEntry.Completed(call, SUPPORT, T0.plusSeconds(253), AgentId.of("a1"),
        LegId.of(second.value()), agentLeg, true, Duration.ofSeconds(193), Duration.ofSeconds(60), 1)));

    JsonObject read = await(history.call(call.value()).toCompletionStage()).orElseThrow();
    assertThat(read.getString("endReason")).isEqualTo("completecaller");
    assertThat(read.getString("callbackOutcome")).isEqualTo("connected");
    assertThat(read.getInteger("callbackAttempts")).isEqualTo(2);
    assertThat(read.getJsonArray("legs").stream().map(leg -> ((JsonObject) leg).getString("role") + ":"
        + ((JsonObject) leg).getString("endReason"))).containsExactly("caller:callback", "customer:no_answer",
        "customer:completecaller", "agent:completecaller");
    assertThat(read.getJsonArray("queueLog").stream().map(row -> ((JsonObject) row).getString("event")))
        .containsExactly("ENTERQUEUE", "EXITWITHKEY", "CALLBACKREQUEST", "CALLBACKDIAL", "CALLBACKNOANSWER",
            "CALLBACKDIAL", "CALLBACKANSWER", "CONNECT", "COMPLETECALLER");
  }

  @Test
  void a_callback_that_gave_up_ends_the_call_with_its_outcome() {
    CallId call = CallId.of("c-callback-busy");
    LegId caller = LegId.of("c-callback-busy-caller");
    CallId customer = CallId.of("sim/sb-03");
    PhoneNumber number = PhoneNumber.parse("+4930555123", "caller");
    journal.record(new JournalEntry.Entered(call, SUPPORT, T0, PbxId.of("sim"), caller, Optional.of(number),
        Did.of("100"), 1));
    journal.record(new CallbackStep.Requested(call, SUPPORT, T0.plusSeconds(40), caller, '1', number, 1, 1,
        Duration.ofSeconds(40)));
    journal.record(new CallbackStep.Dialled(call, SUPPORT, T0.plusSeconds(100), AgentId.of("a1"), customer,
        LegId.of(customer.value()), number, 1));
    await(journal.record(new CallbackStep.Unanswered(call, SUPPORT, T0.plusSeconds(102), AgentId.of("a1"),
        LegId.of(customer.value()), 1, HangupCause.USER_BUSY, Duration.ofSeconds(2), Optional.empty(),
        Optional.of(CallbackOutcome.BUSY), Duration.ofSeconds(102))));

    JsonObject read = await(history.call(call.value()).toCompletionStage()).orElseThrow();
    assertThat(read.getString("endReason")).isEqualTo("callback_busy");
    assertThat(read.getString("callbackOutcome")).isEqualTo("busy");
    assertThat(read.getString("endedAt")).isNotNull();
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
