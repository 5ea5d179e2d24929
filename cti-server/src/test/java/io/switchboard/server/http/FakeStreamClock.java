package io.switchboard.server.http;

import io.switchboard.server.kpi.StreamClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A stream clock that moves only when a test says so; its waits run when the clock passes their time. */
public final class FakeStreamClock implements StreamClock {

  private record Pending(Instant at, Runnable action) {}

  private final List<Pending> pending = new ArrayList<>();
  private Instant now;

  public FakeStreamClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void after(long millis, Runnable action) {
    pending.add(new Pending(now.plusMillis(millis), action));
    notifyAll();
  }

  /** Moves the clock on and runs every wait that is over. */
  public void advance(Duration by) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      now = now.plus(by);
      pending.removeIf(p -> !p.at().isAfter(now) && due.add(p.action()));
    }
    due.forEach(Runnable::run);
  }

  /** Blocks the test (never an event loop) until the stream waits for something, at most five seconds. */
  public synchronized boolean awaitWaiting() throws InterruptedException {
    long until = System.currentTimeMillis() + 5000;
    while (pending.isEmpty() && System.currentTimeMillis() < until) {
      wait(100);
    }
    return !pending.isEmpty();
  }
}
