package io.switchboard.server.queue;

import io.switchboard.queue.waiting.CallerAnnouncements;
import io.switchboard.queue.waiting.CallerAnnouncements.PositionAnnouncement;
import io.switchboard.queue.waiting.CallerAnnouncements.WaitEstimateAnnouncement;
import io.switchboard.server.queue.JsonFields.BadField;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A queue's {@code announcements} object, read and written: what waiting callers are told, as app_queue's
 * {@code announce-*} settings. Every field is optional; an absent object means no announcements.
 */
public final class AnnouncementFields {

  /** The queue body's field that holds these settings. */
  public static final String FIELD = "announcements";

  private static final Set<String> FIELDS = Set.of("frequencySeconds", "position", "positionLimit", "estimatedWait",
      "roundSeconds");

  private AnnouncementFields() {}

  /** The settings in {@code queue}'s {@code announcements}, or {@link CallerAnnouncements#OFF} without one. */
  static CallerAnnouncements read(JsonFields queue) {
    JsonFields fields = new JsonFields(queue.object(FIELD), queue.at(FIELD), FIELDS);
    CallerAnnouncements off = CallerAnnouncements.OFF;
    int frequency = fields.integer("frequencySeconds", 0, JsonFields.MAX_SECONDS, 0);
    PositionAnnouncement position = choice(fields, "position", PositionAnnouncement.class, off.position());
    int limit = fields.integer("positionLimit", 1, 1_000, off.positionLimit());
    WaitEstimateAnnouncement wait = choice(fields, "estimatedWait", WaitEstimateAnnouncement.class,
        off.estimatedWait());
    int round = fields.integer("roundSeconds", 0, 30, off.roundSeconds());
    if (!CallerAnnouncements.ROUNDINGS.contains(round)) {
      throw new BadField(fields.at("roundSeconds"), "one of 0, 5, 10, 15, 20, 30 (0: whole minutes), as app_queue's "
          + "announce-round-seconds");
    }
    return new CallerAnnouncements(Duration.ofSeconds(frequency), position, limit, wait, round);
  }

  /** The settings as the API shows them. */
  public static JsonObject json(CallerAnnouncements settings) {
    return new JsonObject()
        .put("frequencySeconds", settings.frequency().toSeconds())
        .put("position", name(settings.position()))
        .put("positionLimit", settings.positionLimit())
        .put("estimatedWait", name(settings.estimatedWait()))
        .put("roundSeconds", settings.roundSeconds());
  }

  /** {@code LIMIT} is {@code limit}. */
  public static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> E choice(JsonFields fields, String name, Class<E> type, E absent) {
    String given = fields.text(name, 16, name(absent));
    for (E value : type.getEnumConstants()) {
      if (name(value).equals(given.toLowerCase(Locale.ROOT))) {
        return value;
      }
    }
    throw new BadField(fields.at(name), "unknown value '" + given + "'; one of "
        + Arrays.stream(type.getEnumConstants()).map(AnnouncementFields::name).collect(Collectors.joining(", ")));
  }
}
