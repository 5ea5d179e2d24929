package io.switchboard.queue.selection;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test says so. */
final class FakeClock implements InstantSource {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private Instant now = START;

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }
}
