package io.switchboard.crm.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock tests move by hand, and {@link Delays} that move it instead of waiting, recording each wait. */
public final class FakeTime extends Clock implements Delays {

    private volatile Instant now;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    public FakeTime(Instant start) {
        this.now = start;
    }

    public FakeTime() {
        this(Instant.parse("2026-11-24T10:00:00Z"));
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** The waits asked for so far, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    @Override
    public CompletionStage<Void> after(Duration delay) {
        waits.add(delay);
        advance(delay);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
