package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CampaignId;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The do-not-call lists ({@code dnc_entries}): internal opt-outs, each campaign's own list, imported lists. */
public interface DncList {

    /**
     * The sources that hold {@code number} for {@code campaign} at {@code now}: {@code internal}, {@code campaign}
     * (that campaign's list) and {@code imported:<name>}; entries that expired by {@code now} do not count.
     *
     * @return empty when the number may be called
     */
    CompletionStage<List<String>> sourcesOf(PhoneNumber number, CampaignId campaign, Instant now);
}
