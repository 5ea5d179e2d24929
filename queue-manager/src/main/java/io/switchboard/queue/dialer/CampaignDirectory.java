package io.switchboard.queue.dialer;

import io.switchboard.core.id.CampaignId;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The campaigns as stored: what the dialer reads to know which campaigns run and how. */
public interface CampaignDirectory {

    /** The campaign with this id, if it exists. */
    CompletionStage<Optional<CampaignSettings>> find(CampaignId id);

    /** Every campaign whose state is {@code RUNNING}. */
    CompletionStage<List<CampaignSettings>> running();
}
