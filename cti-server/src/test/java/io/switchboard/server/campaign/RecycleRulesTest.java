package io.switchboard.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.queue.dialer.DialResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecycleRulesTest {

  private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void without_rules_of_its_own_a_campaign_recycles_by_the_defaults_up_to_its_max_attempts() {
    RecycleRules rules = RecycleRules.of(List.of(), 3);

    assertThat(rules.afterDial(DialResult.BUSY, 1, AT)).isEqualTo(new RecycleRules.Retry(AT.plusSeconds(600)));
    assertThat(rules.afterDial(DialResult.NO_ANSWER, 2, AT)).isEqualTo(new RecycleRules.Retry(AT.plusSeconds(3600)));
    assertThat(rules.afterDial(DialResult.MACHINE, 1, AT)).isEqualTo(new RecycleRules.Retry(AT.plus(Duration.ofHours(4))));
    assertThat(rules.afterDial(DialResult.ABANDONED, 1, AT)).isEqualTo(new RecycleRules.Retry(AT.plus(Duration.ofHours(72))));
    assertThat(rules.afterDial(DialResult.NO_ANSWER, 3, AT)).isEqualTo(new RecycleRules.Done(LeadState.EXHAUSTED));
    assertThat(rules.afterDial(DialResult.FAILED, 1, AT)).isEqualTo(new RecycleRules.Done(LeadState.FAILED));
  }

  @Test
  void a_campaign_rule_sets_its_own_delay_and_attempts_and_a_result_without_a_rule_exhausts_the_lead() {
    RecycleRules rules = RecycleRules.of(List.of(new RecycleRule("busy", Duration.ofMinutes(2), 5)), 3);

    assertThat(rules.afterDial(DialResult.BUSY, 4, AT)).isEqualTo(new RecycleRules.Retry(AT.plusSeconds(120)));
    assertThat(rules.afterDial(DialResult.BUSY, 5, AT)).isEqualTo(new RecycleRules.Done(LeadState.EXHAUSTED));
    assertThat(rules.afterDial(DialResult.NO_ANSWER, 1, AT)).isEqualTo(new RecycleRules.Done(LeadState.EXHAUSTED));
  }

  @Test
  void an_abandoned_lead_rests_72_hours_whatever_its_rule_says() {
    RecycleRules rules = RecycleRules.of(List.of(new RecycleRule("abandoned", Duration.ofMinutes(5), 5)), 3);

    assertThat(rules.afterDial(DialResult.ABANDONED, 1, AT))
        .isEqualTo(new RecycleRules.Retry(AT.plus(RecycleRules.ABANDON_REST)));
  }

  @Test
  void a_disposition_with_a_rule_is_retried_and_one_without_completes_the_lead() {
    RecycleRules rules = RecycleRules.of(List.of(new RecycleRule("call-later", Duration.ofDays(1), 2)), 3);

    assertThat(rules.afterDisposition("call-later", 1, AT)).isEqualTo(new RecycleRules.Retry(AT.plus(Duration.ofDays(1))));
    assertThat(rules.afterDisposition("call-later", 2, AT)).isEqualTo(new RecycleRules.Done(LeadState.EXHAUSTED));
    assertThat(rules.afterDisposition("sale", 1, AT)).isEqualTo(new RecycleRules.Done(LeadState.COMPLETED));
  }
}
