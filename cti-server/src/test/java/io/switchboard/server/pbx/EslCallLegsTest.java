package io.switchboard.server.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EslCallLegsTest {

  private static final PbxId FS = PbxId.of("fs");
  private static final Instant AT = Instant.parse("2026-11-24T06:00:00Z");
  private static final AgentId ANNA = AgentId.of("a17");
  private static final LegId ANNAS_LINE = LegId.of("fs/7b4824ec-803b-4d44-b8de-3db9c63d547b");
  private static final CallId CALL = CallId.of("fs/7ed41449-9950-42b2-9f65-d23a4a4fca7f");
  private static final LegId CUSTOMER = LegId.of("fs/7ed41449-9950-42b2-9f65-d23a4a4fca7f");

  private final EslCallLegs legs = new EslCallLegs();

  @Test
  void an_open_line_is_known_from_its_opening_until_it_closes_or_hangs_up() {
    legs.onEvent(new PbxEvent.AgentSessionOpened(FS, AT, ANNA, ANNAS_LINE));
    assertThat(legs.sessionLegOf(ANNA)).contains(ANNAS_LINE);

    legs.onEvent(new PbxEvent.AgentSessionClosed(FS, AT, ANNA, ANNAS_LINE));
    assertThat(legs.sessionLegOf(ANNA)).isEmpty();

    legs.onEvent(new PbxEvent.AgentSessionOpened(FS, AT, ANNA, ANNAS_LINE));
    legs.onEvent(new PbxEvent.LegHungUp(FS, AT, CallId.of(ANNAS_LINE.value()), ANNAS_LINE, HangupCause.NORMAL_CLEARING));
    assertThat(legs.sessionLegOf(ANNA)).isEmpty();
  }

  @Test
  void the_agent_leg_of_a_call_is_known_while_connected() {
    legs.onEvent(new PbxEvent.CallConnected(FS, AT, CALL, CUSTOMER, ANNAS_LINE));
    assertThat(legs.agentLegOf(CALL)).contains(ANNAS_LINE);

    legs.onEvent(new PbxEvent.CallReturnedToHold(FS, AT, CALL, Optional.of(ANNAS_LINE), HoldReason.NO_ANSWER));
    assertThat(legs.agentLegOf(CALL)).isEmpty();

    legs.onEvent(new PbxEvent.CallConnected(FS, AT, CALL, CUSTOMER, ANNAS_LINE));
    legs.onEvent(new PbxEvent.LegHungUp(FS, AT, CALL, CUSTOMER, HangupCause.NORMAL_CLEARING));
    assertThat(legs.agentLegOf(CALL)).isEmpty();
  }

  @Test
  void a_nailed_up_agent_keeps_the_line_when_the_customer_hangs_up() {
    legs.onEvent(new PbxEvent.AgentSessionOpened(FS, AT, ANNA, ANNAS_LINE));
    legs.onEvent(new PbxEvent.CallConnected(FS, AT, CALL, CUSTOMER, ANNAS_LINE));

    legs.onEvent(new PbxEvent.LegHungUp(FS, AT, CALL, CUSTOMER, HangupCause.NORMAL_CLEARING));

    assertThat(legs.sessionLegOf(ANNA)).contains(ANNAS_LINE);
    assertThat(legs.agentLegOf(CALL)).isEmpty();
  }
}
