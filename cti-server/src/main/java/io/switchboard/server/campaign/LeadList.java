package io.switchboard.server.campaign;

import io.switchboard.core.Require;

/**
 * One of a campaign's lead lists ({@code lead_lists}).
 *
 * @param id        unique across campaigns
 * @param name      shown to supervisors
 * @param priority  lists of higher priority are dialled first, -1000 to 1000
 * @param mixWeight lists of the same priority give leads in proportion to their weights, 1 to 1000
 * @param active    an inactive list's leads are not dialled (its callbacks still are)
 */
public record LeadList(String id, String name, int priority, int mixWeight, boolean active) {

  public LeadList {
    Require.nonBlank(id, "id");
    Require.nonBlank(name, "name");
    Require.atLeast(mixWeight, 1, "mixWeight");
  }
}
