package io.switchboard.core.id;

import io.switchboard.core.Require;

/**
 * Identifies an outbound campaign.
 *
 * @param value the id as it appears in config, storage and logs; never blank
 */
public record CampaignId(String value) {

    public CampaignId {
        Require.nonBlank(value, "campaignId");
    }

    /** Shorthand for {@code new CampaignId(value)}. */
    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    /** The bare id, so that logs read {@code campaignId=...} rather than a record dump. */
    @Override
    public String toString() {
        return value;
    }
}
