package io.switchboard.server.campaign;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.queue.dialer.CampaignSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A campaign as the API shows it: the fields {@link CampaignRequest} reads, plus its state. */
final class CampaignJson {

  private CampaignJson() {}

  static JsonObject of(CampaignDefinition definition) {
    CampaignSettings settings = definition.settings();
    Campaign campaign = settings.campaign();
    JsonArray rules = new JsonArray();
    for (RecycleRule rule : definition.recycleRules()) {
      rules.add(new JsonObject()
          .put(RecycleRules.DIAL_RESULTS.contains(rule.result()) ? "result" : "disposition", rule.result())
          .put("retryAfterSeconds", rule.retryAfter().toSeconds()).put("maxAttempts", rule.maxAttempts()));
    }
    JsonObject json = new JsonObject()
        .put("id", campaign.id().value())
        .put("name", campaign.name())
        .put("mode", CampaignRequest.slug(campaign.mode()))
        .put("queue", campaign.queue().value())
        .put("state", CampaignRequest.slug(settings.state()))
        .put("jurisdiction", settings.jurisdiction().slug())
        .put("abandonRateTargetPercent", campaign.abandonRateTarget())
        .put("callingWindow", new JsonObject().put("opens", campaign.callingWindow().opens().toString())
            .put("closes", campaign.callingWindow().closes().toString()))
        .put("maxAttempts", campaign.maxAttempts())
        .put("dialRatio", settings.dialRatio())
        .put("ringTimeoutSeconds", settings.ringTimeout().toSeconds())
        .put("machine", CampaignRequest.slug(settings.machine()))
        .put("holidays", new JsonArray(settings.holidays().stream().sorted().map(Object::toString).toList()))
        .put("callerIds", new JsonArray(settings.callerIds().stream().map(PhoneNumber::e164).toList()))
        .put("defaultRegion", settings.defaultRegion())
        .put("recycleRules", rules);
    settings.machineMessage().ifPresent(message -> json.put("machineMessage", message));
    settings.safeHarbourMessage().ifPresent(message -> json.put("safeHarbourMessage", message));
    settings.broadcast().ifPresent(broadcast -> json.put("broadcastMessage", broadcast.message())
        .put("lines", broadcast.lines()).put("optOutDigit", String.valueOf(broadcast.optOutDigit())));
    return json;
  }
}
