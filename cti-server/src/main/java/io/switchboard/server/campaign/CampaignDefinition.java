package io.switchboard.server.campaign;

import io.switchboard.core.Require;
import io.switchboard.queue.dialer.CampaignSettings;
import java.util.List;

/**
 * A campaign as the API writes and reads it: its settings (with holidays and caller ids) and its recycle rules
 * (empty: {@link RecycleRules#defaults}).
 */
public record CampaignDefinition(CampaignSettings settings, List<RecycleRule> recycleRules) {

  public CampaignDefinition {
    Require.nonNull(settings, "settings");
    recycleRules = List.copyOf(Require.nonNull(recycleRules, "recycleRules"));
  }

  /** The same campaign in {@code state}. */
  public CampaignDefinition in(CampaignSettings.CampaignState state) {
    CampaignSettings s = settings;
    return new CampaignDefinition(new CampaignSettings(s.campaign(), state, s.jurisdiction(), s.dialRatio(),
        s.ringTimeout(), s.machine(), s.machineMessage(), s.safeHarbourMessage(), s.holidays(), s.callerIds(),
        s.defaultRegion()), recycleRules);
  }
}
