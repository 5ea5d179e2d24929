package io.switchboard.core.dialer;

import io.switchboard.core.Require;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.QueueId;

/**
 * An outbound campaign: whom its calls go to, how it dials and the limits it keeps.
 *
 * @param id                  the campaign's id
 * @param name                the name shown on wallboards; never blank
 * @param mode                how the dialer paces calls
 * @param queue               the queue whose agents take the campaign's answered calls
 * @param abandonRateTarget   the highest share of answered calls that may be abandoned,
 *                            in percent, 0 to 100; {@value #DEFAULT_ABANDON_RATE_TARGET} by default
 * @param callingWindow       when calls may be placed, in the customer's local time
 * @param maxAttempts         how many times one lead may be dialled, at least 1
 */
public record Campaign(
        CampaignId id,
        String name,
        DialMode mode,
        QueueId queue,
        double abandonRateTarget,
        CallingWindow callingWindow,
        int maxAttempts) {

    /** The usual regulatory ceiling (e.g. Ofcom, FTC safe harbour): 2 % of answered calls. */
    public static final double DEFAULT_ABANDON_RATE_TARGET = 2.0;
    /** Attempts per lead unless configured. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    public Campaign {
        Require.nonNull(id, "campaignId");
        Require.nonBlank(name, "name");
        Require.nonNull(mode, "mode");
        Require.nonNull(queue, "queue");
        if (!(abandonRateTarget >= 0.0 && abandonRateTarget <= 100.0)) {
            throw new IllegalArgumentException(
                    "abandonRateTarget must be between 0 and 100 percent, was " + abandonRateTarget);
        }
        Require.nonNull(callingWindow, "callingWindow");
        Require.atLeast(maxAttempts, 1, "maxAttempts");
    }

    /** A campaign with the default abandon-rate target, calling window and attempts. */
    public static Campaign of(CampaignId id, String name, DialMode mode, QueueId queue) {
        return new Campaign(id, name, mode, queue,
                DEFAULT_ABANDON_RATE_TARGET, CallingWindow.DEFAULT, DEFAULT_MAX_ATTEMPTS);
    }
}
