package io.switchboard.queue.routing;

import java.util.concurrent.CompletionStage;

/**
 * Where the router's steps are recorded for reports: the call record, its legs and the Asterisk-style
 * {@code queue_log}. Entries of one call are given in the order they happened; implementations must keep
 * that order. A failed write never fails routing: the router logs it and goes on.
 */
@FunctionalInterface
public interface RoutingJournal {

    /** Records one step of an inbound call. */
    CompletionStage<Void> record(JournalEntry entry);

    /**
     * How a journal fails a step it left out on purpose, because this node no longer drives the call's PBX (it was
     * fenced off it): the calls in flight must not record the step either, so that the PBX's next owner does.
     */
    final class Dropped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Dropped(String message) {
            super(message, null, false, false);
        }
    }
}
