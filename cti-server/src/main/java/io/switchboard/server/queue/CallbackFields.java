package io.switchboard.server.queue;

import io.switchboard.queue.waiting.QueuedCallback;
import io.switchboard.server.queue.JsonFields.BadField;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;

/**
 * A queue's {@code callback} object, read and written: whether waiting callers may press a key to be called
 * back keeping their place, and how the customer is called. Every field is optional; an absent object means no
 * callback.
 */
public final class CallbackFields {

  /** The queue body's field that holds these settings. */
  public static final String FIELD = "callback";

  /** The longest ring of one attempt, in seconds. */
  public static final int MAX_RING_SECONDS = 300;

  private static final Set<String> FIELDS = Set.of("enabled", "digit", "offerAfterSeconds", "offerAboveSeconds",
      "attempts", "ringTimeSeconds", "retryDelaySeconds");

  private CallbackFields() {}

  /** The settings in {@code queue}'s {@code callback}, or {@link QueuedCallback#OFF} without one. */
  static QueuedCallback read(JsonFields queue) {
    JsonFields fields = new JsonFields(queue.object(FIELD), queue.at(FIELD), FIELDS);
    QueuedCallback off = QueuedCallback.OFF;
    boolean enabled = fields.bool("enabled");
    String digit = fields.text("digit", 1, String.valueOf(off.digit()));
    if (QueuedCallback.DIGITS.indexOf(digit.charAt(0)) < 0) {
      throw new BadField(fields.at("digit"), "one key of 0-9, * or #");
    }
    int after = fields.integer("offerAfterSeconds", 0, JsonFields.MAX_SECONDS, 0);
    int above = fields.integer("offerAboveSeconds", 0, JsonFields.MAX_SECONDS, 0);
    int attempts = fields.integer("attempts", 1, QueuedCallback.MAX_ATTEMPTS, off.attempts());
    int ring = fields.integer("ringTimeSeconds", 1, MAX_RING_SECONDS, (int) off.ringTime().toSeconds());
    int retry = fields.integer("retryDelaySeconds", 0, JsonFields.MAX_SECONDS, (int) off.retryDelay().toSeconds());
    return new QueuedCallback(enabled, digit.charAt(0), Duration.ofSeconds(after), Duration.ofSeconds(above),
        attempts, Duration.ofSeconds(ring), Duration.ofSeconds(retry));
  }

  /** The settings as the API shows them. */
  public static JsonObject json(QueuedCallback settings) {
    return new JsonObject()
        .put("enabled", settings.enabled())
        .put("digit", String.valueOf(settings.digit()))
        .put("offerAfterSeconds", settings.offerAfter().toSeconds())
        .put("offerAboveSeconds", settings.offerAbove().toSeconds())
        .put("attempts", settings.attempts())
        .put("ringTimeSeconds", settings.ringTime().toSeconds())
        .put("retryDelaySeconds", settings.retryDelay().toSeconds());
  }
}
