package io.switchboard.server.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.routing.OutboundEntry;
import io.switchboard.queue.routing.OutboundOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboundLogsTest {

  private static final Instant T = Logs.STARTED;
  private static final CallId CALL = CallId.of("pbx1/o1");
  private static final AgentId ANA = AgentId.of("ana");
  private static final PhoneNumber OURS = PhoneNumber.parse("+442079460999", "ours");

  private final CrmCallLogs logs = new CrmCallLogs(Duration.ofSeconds(60));

  private static OutboundEntry campaignDialled() {
    return new OutboundEntry.CampaignDialled(CALL, T, PbxId.of("pbx1"), TaskId.of("t1"), CampaignId.of("renewals"),
        LeadId.of("7"), LegId.of("cust"), Logs.CALLER, Optional.of(OURS));
  }

  private static OutboundEntry ended(OutboundOutcome outcome, int afterSeconds) {
    return new OutboundEntry.Ended(CALL, T.plusSeconds(afterSeconds), outcome, Optional.empty());
  }

  @Test
  void a_campaign_call_an_agent_talked_on_is_held_for_the_wrap_up_and_logged_for_the_agent() {
    logs.record(campaignDialled());
    logs.record(new OutboundEntry.AgentAssigned(CALL, T.plusSeconds(8), ANA, LegId.of("a"), LegId.of("s")));
    logs.record(new OutboundEntry.Connected(CALL, T.plusSeconds(10), ANA, LegId.of("a")));
    assertThat(logs.record(ended(OutboundOutcome.COMPLETED, 70))).isEmpty();

    CallLog log = logs.wrapUp(ANA, Optional.of("sale"), Optional.empty()).orElseThrow().log();

    assertThat(log.idempotencyKey()).isEqualTo("pbx1/o1:ana");
    assertThat(log.direction().name()).isEqualTo("OUTBOUND");
    assertThat(log.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(log.talkTime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(log.customer()).contains(Logs.CALLER);
    assertThat(log.ourNumber()).contains(OURS);
    assertThat(log.queue()).contains("renewals");
    assertThat(log.disposition()).contains("sale");
  }

  @Test
  void an_agent_call_nobody_answered_is_logged_at_once_for_the_agent_with_its_outcome() {
    logs.record(new OutboundEntry.Dialled(CALL, T, PbxId.of("pbx1"), TaskId.of("t1"), ANA, LegId.of("cust"),
        Logs.CALLER, Optional.empty(), LegId.of("a"), LegId.of("s")));

    List<CrmCallLogs.Ended> now = logs.record(ended(OutboundOutcome.BUSY, 5));

    assertThat(now).singleElement().satisfies(e -> {
      assertThat(e.log().idempotencyKey()).isEqualTo("pbx1/o1:ana");
      assertThat(e.log().outcome()).isEqualTo(CallOutcome.BUSY);
    });
  }

  @Test
  void each_unanswered_outcome_maps_to_its_crm_outcome_and_an_abandon_gives_no_log() {
    assertThat(outcomeOf(OutboundOutcome.NO_ANSWER)).contains(CallOutcome.NO_ANSWER);
    assertThat(outcomeOf(OutboundOutcome.MACHINE)).contains(CallOutcome.MACHINE);
    assertThat(outcomeOf(OutboundOutcome.MACHINE_MESSAGE)).contains(CallOutcome.MACHINE);
    assertThat(outcomeOf(OutboundOutcome.FAILED)).contains(CallOutcome.FAILED);
    assertThat(outcomeOf(OutboundOutcome.ABANDONED)).isEmpty();
    assertThat(outcomeOf(OutboundOutcome.HUNG_UP)).isEmpty();
    assertThat(logs.size()).isZero();
  }

  private Optional<CallOutcome> outcomeOf(OutboundOutcome outcome) {
    logs.record(campaignDialled());
    List<CrmCallLogs.Ended> now = logs.record(ended(outcome, 30));
    assertThat(now).allSatisfy(e -> assertThat(e.log().agent()).isEmpty());
    return now.stream().map(e -> e.log().outcome()).findFirst();
  }
}
