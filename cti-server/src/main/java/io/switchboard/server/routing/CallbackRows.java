package io.switchboard.server.routing;

import static io.switchboard.server.persistence.jooq.Tables.QUEUE_CALLBACK;

import io.switchboard.queue.waiting.QueuedCallback;
import java.time.Duration;
import org.jooq.DSLContext;

/** The V9 row of a queue's callback settings; none means {@link QueuedCallback#OFF}. */
final class CallbackRows {

  private CallbackRows() {}

  /** The callback settings of queue {@code id}. */
  static QueuedCallback read(DSLContext dsl, String id) {
    return dsl.selectFrom(QUEUE_CALLBACK).where(QUEUE_CALLBACK.QUEUE_ID.eq(id)).fetchOptional()
        .map(r -> new QueuedCallback(r.getEnabled(), r.getDigit().charAt(0),
            Duration.ofSeconds(r.getOfferAfterSeconds()), Duration.ofSeconds(r.getOfferAboveSeconds()),
            r.getAttempts(), Duration.ofSeconds(r.getRingTimeSeconds()), Duration.ofSeconds(r.getRetryDelaySeconds())))
        .orElse(QueuedCallback.OFF);
  }

  /** Replaces the callback settings of queue {@code id}; the default settings are stored as no row. */
  static void write(DSLContext dsl, String id, QueuedCallback settings) {
    dsl.deleteFrom(QUEUE_CALLBACK).where(QUEUE_CALLBACK.QUEUE_ID.eq(id)).execute();
    if (settings.equals(QueuedCallback.OFF)) {
      return;
    }
    dsl.insertInto(QUEUE_CALLBACK).set(QUEUE_CALLBACK.QUEUE_ID, id)
        .set(QUEUE_CALLBACK.ENABLED, settings.enabled())
        .set(QUEUE_CALLBACK.DIGIT, String.valueOf(settings.digit()))
        .set(QUEUE_CALLBACK.OFFER_AFTER_SECONDS, (int) settings.offerAfter().toSeconds())
        .set(QUEUE_CALLBACK.OFFER_ABOVE_SECONDS, (int) settings.offerAbove().toSeconds())
        .set(QUEUE_CALLBACK.ATTEMPTS, settings.attempts())
        .set(QUEUE_CALLBACK.RING_TIME_SECONDS, (int) settings.ringTime().toSeconds())
        .set(QUEUE_CALLBACK.RETRY_DELAY_SECONDS, (int) settings.retryDelay().toSeconds()).execute();
  }
}
