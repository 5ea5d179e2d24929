package io.switchboard.core.dialer;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;

import java.util.Map;

/**
 * One contact in a campaign's calling list.
 *
 * @param id         the lead's id
 * @param campaign   the campaign it belongs to
 * @param number     the number to dial
 * @param attempts   how many times it has been dialled so far (0 or more)
 * @param attributes list data shown to the agent and used by routing; an immutable copy
 */
public record Lead(LeadId id, CampaignId campaign, PhoneNumber number, int attempts, Map<String, String> attributes) {

    public Lead {
        Require.nonNull(id, "leadId");
        Require.nonNull(campaign, "campaign");
        Require.nonNull(number, "number");
        Require.atLeast(attempts, 0, "attempts");
        attributes = Map.copyOf(Require.nonNull(attributes, "attributes"));
    }

    /** Whether {@code campaignRules} allow dialling this lead again. */
    public boolean hasAttemptsLeft(Campaign campaignRules) {
        return attempts < campaignRules.maxAttempts();
    }

    /** This lead after one more dial attempt. */
    public Lead attempted() {
        return new Lead(id, campaign, number, attempts + 1, attributes);
    }
}
