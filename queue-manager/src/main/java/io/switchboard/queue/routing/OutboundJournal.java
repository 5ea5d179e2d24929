package io.switchboard.queue.routing;

import java.util.concurrent.CompletionStage;

/**
 * Where outbound calls are recorded: the call record ({@code direction outbound}) and its legs. Entries of
 * one call come in the order they happened; implementations keep it. A failed write never fails the call.
 */
@FunctionalInterface
public interface OutboundJournal {

    /** Records one step of an outbound call. */
    CompletionStage<Void> record(OutboundEntry entry);
}
