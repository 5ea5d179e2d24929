package io.switchboard.core.port;

import io.switchboard.core.Require;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a waiting caller is told by {@link CallControl#announceWait}, in app_queue's order: their position (or
 * that more than a limit of callers wait), then the estimated wait. Each part may be left out; at least one is
 * said.
 *
 * @param position      the caller's place in the queue, 1 for the next to be answered
 * @param moreThan      said instead of the position when the caller is further back than this limit
 *                      (app_queue's {@code announce-position=more}); never together with {@code position}
 * @param estimatedWait the wait still expected, already rounded as the queue asks (whole minutes, or minutes
 *                      and a multiple of its rounding seconds); positive
 */
public record WaitAnnouncement(OptionalInt position, OptionalInt moreThan, Optional<Duration> estimatedWait) {

    public WaitAnnouncement {
        Require.nonNull(position, "position");
        Require.nonNull(moreThan, "moreThan");
        Require.nonNull(estimatedWait, "estimatedWait");
        position.ifPresent(p -> Require.atLeast(p, 1, "position"));
        moreThan.ifPresent(m -> Require.atLeast(m, 1, "moreThan"));
        estimatedWait.ifPresent(w -> Require.positive(w, "estimatedWait"));
        if (position.isPresent() && moreThan.isPresent()) {
            throw new IllegalArgumentException("position and moreThan are exclusive");
        }
        if (position.isEmpty() && moreThan.isEmpty() && estimatedWait.isEmpty()) {
            throw new IllegalArgumentException("a wait announcement says something: position, moreThan or estimatedWait");
        }
    }

    /** The whole minutes of the estimated wait, 0 without one. */
    public long minutes() {
        return estimatedWait.map(Duration::toMinutes).orElse(0L);
    }

    /** The seconds of the estimated wait beyond its whole minutes, 0 without one. */
    public int seconds() {
        return estimatedWait.map(Duration::toSecondsPart).orElse(0);
    }
}
