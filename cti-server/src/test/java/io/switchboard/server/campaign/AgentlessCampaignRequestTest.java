package io.switchboard.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.queue.dialer.Broadcast;
import io.switchboard.queue.dialer.DialResult;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** An agentless campaign's three fields through the API's request, and what its results do to a lead. */
class AgentlessCampaignRequestTest {

  private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  /** A valid agentless campaign. */
  static JsonObject fluClinic() {
    return new JsonObject().put("id", "flu").put("mode", "agentless").put("queue", "sales")
        .put("broadcastMessage", "custom/flu-clinic").put("lines", 20).put("optOutDigit", "7")
        .put("machine", "message").put("machineMessage", "custom/flu-clinic-vm");
  }

  private static CampaignRequest.Parsed parse(UnaryOperator<JsonObject> change) {
    return CampaignRequest.create(change.apply(fluClinic()));
  }

  private static String refusal(UnaryOperator<JsonObject> change) {
    CampaignRequest.Parsed parsed = parse(change);
    assertThat(parsed).isInstanceOf(CampaignRequest.Invalid.class);
    return ((CampaignRequest.Invalid) parsed).field();
  }

  @Test
  void an_agentless_campaign_carries_its_broadcast_and_shows_it_back() {
    CampaignDefinition campaign = ((CampaignRequest.Valid) parse(c -> c)).campaign();

    assertThat(campaign.settings().broadcast()).contains(new Broadcast("custom/flu-clinic", 20, '7'));
    JsonObject shown = CampaignJson.of(campaign);
    assertThat(shown.getString("broadcastMessage")).isEqualTo("custom/flu-clinic");
    assertThat(shown.getInteger("lines")).isEqualTo(20);
    assertThat(shown.getString("optOutDigit")).isEqualTo("7");
  }

  @Test
  void the_opt_out_digit_is_9_unless_given() {
    CampaignDefinition campaign = ((CampaignRequest.Valid) parse(c -> {
      c.remove("optOutDigit");
      return c;
    })).campaign();

    assertThat(campaign.settings().broadcast().map(Broadcast::optOutDigit)).contains('9');
  }

  @Test
  void each_missing_or_bad_agentless_field_is_refused_naming_it() {
    assertThat(refusal(c -> {
      c.remove("broadcastMessage");
      return c;
    })).isEqualTo("broadcastMessage");
    assertThat(refusal(c -> c.put("broadcastMessage", " "))).isEqualTo("broadcastMessage");
    assertThat(refusal(c -> {
      c.remove("lines");
      return c;
    })).isEqualTo("lines");
    assertThat(refusal(c -> c.put("lines", 0))).isEqualTo("lines");
    assertThat(refusal(c -> c.put("lines", 501))).isEqualTo("lines");
    assertThat(refusal(c -> c.put("lines", "ten"))).isEqualTo("lines");
    assertThat(refusal(c -> c.put("optOutDigit", "#"))).isEqualTo("optOutDigit");
    assertThat(refusal(c -> c.put("optOutDigit", "99"))).isEqualTo("optOutDigit");
    assertThat(refusal(c -> c.put("optOutDigit", 9))).isEqualTo("optOutDigit");
    assertThat(refusal(c -> c.put("machine", "agent"))).isEqualTo("machine");
  }

  @Test
  void a_campaign_with_agents_has_none_of_the_agentless_fields() {
    for (String field : List.of("broadcastMessage", "lines", "optOutDigit")) {
      assertThat(refusal(c -> predictive(c).put(field, fluClinic().getValue(field)))).as(field).isEqualTo(field);
    }
    assertThat(((CampaignRequest.Valid) parse(AgentlessCampaignRequestTest::predictive)).campaign().settings()
        .broadcast()).isEmpty();
  }

  private static JsonObject predictive(JsonObject agentless) {
    agentless.put("mode", "predictive").remove("broadcastMessage");
    agentless.remove("lines");
    agentless.remove("optOutDigit");
    return agentless;
  }

  @Test
  void a_broadcast_heard_completes_the_lead_unless_a_rule_recycles_it_and_an_opt_out_ends_it_as_dnc() {
    RecycleRules none = RecycleRules.of(List.of(), 3);
    RecycleRules weekly = RecycleRules.of(List.of(new RecycleRule("broadcast", Duration.ofDays(7), 3)), 3);

    assertThat(none.afterDial(DialResult.BROADCAST, 1, AT)).isEqualTo(new RecycleRules.Done(LeadState.COMPLETED));
    assertThat(weekly.afterDial(DialResult.BROADCAST, 1, AT))
        .isEqualTo(new RecycleRules.Retry(AT.plus(Duration.ofDays(7))));
    assertThat(weekly.afterDial(DialResult.OPTED_OUT, 1, AT)).isEqualTo(new RecycleRules.Done(LeadState.DNC));
    assertThat(RecycleRules.DIAL_RESULTS).contains("broadcast").doesNotContain("opted-out", "connected");
    assertThat(refusal(c -> c.put("recycleRules", new io.vertx.core.json.JsonArray().add(new JsonObject()
        .put("result", "opted-out").put("retryAfterSeconds", 60))))).isEqualTo("recycleRules[0].result");
    assertThat(Optional.of(weekly.rule("broadcast"))).isNotEmpty();
  }
}
