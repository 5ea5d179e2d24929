package io.switchboard.server.kpi;

import io.vertx.core.Vertx;
import java.time.Instant;

/**
 * What time it is for {@link KpiStream}'s throttle and how it waits: the system clock and Vert.x timers in the
 * server, a fake a test moves in its tests, so that a test of the one-second gap waits no real second.
 */
public interface StreamClock {

  /** Now. */
  Instant now();

  /** Runs {@code action} once, {@code millis} from now, on any thread (the stream hops back to its context). */
  void after(long millis, Runnable action);

  /** The system clock, with Vert.x timers of {@code vertx}. */
  static StreamClock of(Vertx vertx) {
    return new StreamClock() {
      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void after(long millis, Runnable action) {
        vertx.setTimer(millis, id -> action.run());
      }
    };
  }
}
