package io.switchboard.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.CampaignSettings.MachineAction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CampaignRequestTest {

  /** A complete, valid power campaign. */
  static JsonObject renewals() {
    return new JsonObject().put("id", "renewals").put("name", "Renewals").put("mode", "power").put("queue", "sales")
        .put("jurisdiction", "uk").put("abandonRateTargetPercent", 2.5)
        .put("callingWindow", new JsonObject().put("opens", "09:00").put("closes", "20:00"))
        .put("maxAttempts", 4).put("dialRatio", 2.5).put("ringTimeoutSeconds", 30).put("machine", "message")
        .put("machineMessage", "renewals-vm").put("safeHarbourMessage", "sorry-we-missed-you")
        .put("holidays", new JsonArray().add("2026-12-25").add("2026-12-26"))
        .put("callerIds", new JsonArray().add("020 7946 0018")).put("defaultRegion", "GB")
        .put("recycleRules", new JsonArray()
            .add(new JsonObject().put("result", "busy").put("retryAfterSeconds", 300).put("maxAttempts", 6))
            .add(new JsonObject().put("disposition", "call-later").put("retryAfterSeconds", 86400)));
  }

  private static String refusal(UnaryOperator<JsonObject> change) {
    CampaignRequest.Parsed parsed = CampaignRequest.create(change.apply(renewals()));
    assertThat(parsed).isInstanceOf(CampaignRequest.Invalid.class);
    return ((CampaignRequest.Invalid) parsed).field();
  }

  @Test
  void a_complete_campaign_is_read_into_its_settings_and_rules() {
    CampaignDefinition campaign = ((CampaignRequest.Valid) CampaignRequest.create(renewals())).campaign();
    CampaignSettings settings = campaign.settings();

    assertThat(settings.campaign().mode()).isEqualTo(DialMode.POWER);
    assertThat(settings.state()).isEqualTo(CampaignSettings.CampaignState.DRAFT);
    assertThat(settings.jurisdiction()).isEqualTo(Jurisdiction.UK);
    assertThat(settings.campaign().callingWindow().closes()).isEqualTo(LocalTime.of(20, 0));
    assertThat(settings.dialRatio()).isEqualTo(2.5);
    assertThat(settings.machine()).isEqualTo(MachineAction.MESSAGE);
    assertThat(settings.holidays()).contains(LocalDate.of(2026, 12, 25));
    assertThat(settings.callerIds().get(0).e164()).isEqualTo("+442079460018");
    assertThat(campaign.recycleRules()).containsExactly(new RecycleRule("busy", Duration.ofMinutes(5), 6),
        new RecycleRule("call-later", Duration.ofDays(1), 3));
  }

  @Test
  void a_minimal_campaign_takes_its_jurisdictions_widest_window_and_the_defaults() {
    CampaignSettings settings = ((CampaignRequest.Valid) CampaignRequest.create(new JsonObject().put("id", "c")
        .put("mode", "progressive").put("queue", "sales").put("jurisdiction", "ca"))).campaign().settings();

    assertThat(settings.campaign().callingWindow()).isEqualTo(Jurisdiction.CA.widestWindow());
    assertThat(settings.campaign().abandonRateTarget()).isEqualTo(2.0);
    assertThat(settings.ringTimeout()).isEqualTo(Duration.ofSeconds(25));
    assertThat(settings.defaultRegion()).isEqualTo("CA");
  }

  @Test
  void each_bad_value_is_refused_naming_its_json_path() {
    assertThat(refusal(c -> c.put("mode", "turbo"))).isEqualTo("mode");
    assertThat(refusal(c -> c.put("jurisdiction", "fr"))).isEqualTo("jurisdiction");
    assertThat(refusal(c -> c.put("callingWindow", new JsonObject().put("opens", "20:00").put("closes", "09:00"))))
        .isEqualTo("callingWindow.closes");
    assertThat(refusal(c -> c.put("callingWindow", new JsonObject().put("opens", "07:30")))).isEqualTo("callingWindow.opens");
    assertThat(refusal(c -> c.put("callingWindow", new JsonObject().put("closes", "21:30")))).isEqualTo("callingWindow.closes");
    assertThat(refusal(c -> c.put("callingWindow", new JsonObject().put("opens", "nine")))).isEqualTo("callingWindow.opens");
    assertThat(refusal(c -> c.put("abandonRateTargetPercent", 3.5))).isEqualTo("abandonRateTargetPercent");
    assertThat(refusal(c -> c.put("ringTimeoutSeconds", 14))).isEqualTo("ringTimeoutSeconds");
    assertThat(refusal(c -> c.put("ringTimeoutSeconds", 121))).isEqualTo("ringTimeoutSeconds");
    assertThat(refusal(c -> c.put("dialRatio", 10.5))).isEqualTo("dialRatio");
    assertThat(refusal(c -> c.put("dialRatio", 0.5))).isEqualTo("dialRatio");
    assertThat(refusal(c -> c.put("mode", "predictive"))).isEqualTo("dialRatio");
    assertThat(refusal(c -> c.put("machine", "agent").put("machine", "message").putNull("machineMessage")))
        .isEqualTo("machineMessage");
    assertThat(refusal(c -> {
      c.remove("queue");
      return c;
    })).isEqualTo("queue");
    assertThat(refusal(c -> c.put("holidays", new JsonArray().add("2026-12-25").add("25/12/2026")))).isEqualTo("holidays[1]");
    assertThat(refusal(c -> c.put("callerIds", new JsonArray().add("12")))).isEqualTo("callerIds[0]");
    assertThat(refusal(c -> c.put("defaultRegion", "XX"))).isEqualTo("defaultRegion");
    assertThat(refusal(c -> c.put("recycleRules", new JsonArray().add(new JsonObject().put("result", "engaged")
        .put("retryAfterSeconds", 60))))).isEqualTo("recycleRules[0].result");
    assertThat(refusal(c -> c.put("recycleRules", new JsonArray().add(new JsonObject().put("disposition", "busy")
        .put("retryAfterSeconds", 60))))).isEqualTo("recycleRules[0].disposition");
    assertThat(refusal(c -> c.put("recycleRules", new JsonArray().add(new JsonObject().put("result", "busy")))))
        .isEqualTo("recycleRules[0].retryAfterSeconds");
    assertThat(refusal(c -> c.put("colour", "red"))).isEqualTo("colour");
    assertThat(refusal(c -> c.put("id", "has space"))).isEqualTo("id");
  }

  @Test
  void a_replacement_must_keep_the_id_of_its_path() {
    assertThat(CampaignRequest.replace("other", renewals())).isEqualTo(new CampaignRequest.Invalid("id",
        "must be the id in the path, 'other'"));
    assertThat(CampaignRequest.replace("renewals", renewals().copy().put("state", "running")))
        .isInstanceOf(CampaignRequest.Valid.class);
  }
}
