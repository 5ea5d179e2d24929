package io.switchboard.server.queue;

import io.switchboard.queue.waiting.CallerAnnouncements;
import io.switchboard.queue.waiting.CallerAnnouncements.PositionAnnouncement;
import io.switchboard.queue.waiting.CallerAnnouncements.WaitEstimateAnnouncement;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AnnouncementFieldsTest {

  private static QueueRequest.Parsed withAnnouncements(JsonObject announcements) {
    return QueueRequest.create(new JsonObject().put("id", "support").put("announcements", announcements));
  }

  @Test
  void the_announcements_become_the_setups_caller_announcements_and_read_back_the_same() {
    JsonObject given = new JsonObject().put("frequencySeconds", 45).put("position", "limit").put("positionLimit", 3)
        .put("estimatedWait", "once").put("roundSeconds", 15);

    QueueRequest.Parsed parsed = withAnnouncements(given);

    assertThat(parsed).isInstanceOfSatisfying(QueueRequest.Valid.class, valid -> {
      CallerAnnouncements settings = valid.queue().setup().announcements();
      assertThat(settings).isEqualTo(new CallerAnnouncements(Duration.ofSeconds(45), PositionAnnouncement.LIMIT, 3,
          WaitEstimateAnnouncement.ONCE, 15));
      assertThat(AnnouncementFields.json(settings)).isEqualTo(given);
    });
  }

  @Test
  void a_queue_without_announcements_announces_nothing() {
    assertThat(QueueRequest.create(new JsonObject().put("id", "support"))).isInstanceOfSatisfying(
        QueueRequest.Valid.class, valid -> assertThat(valid.queue().setup().announcements())
            .isEqualTo(CallerAnnouncements.OFF));
  }

  @ParameterizedTest(name = "{0}: {1} is refused")
  @CsvSource(delimiter = ';', value = {
      "frequencySeconds; -1", "positionLimit; 0", "roundSeconds; 7", "roundSeconds; 60"})
  void numbers_out_of_range_are_refused_naming_their_path(String field, int value) {
    assertThat(withAnnouncements(new JsonObject().put(field, value))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("announcements." + field));
  }

  @Test
  void an_unknown_mode_or_field_is_refused_naming_its_path_and_the_valid_values() {
    assertThat(withAnnouncements(new JsonObject().put("position", "sometimes"))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> {
          assertThat(invalid.field()).isEqualTo("announcements.position");
          assertThat(invalid.reason()).contains("no, yes, limit, more");
        });
    assertThat(withAnnouncements(new JsonObject().put("estimatedWait", "twice"))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("announcements.estimatedWait"));
    assertThat(withAnnouncements(new JsonObject().put("announceHoldtime", "yes"))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("announcements.announceHoldtime"));
    assertThat(QueueRequest.create(new JsonObject().put("id", "support").put("announcements", "yes")))
        .isInstanceOfSatisfying(QueueRequest.Invalid.class,
            invalid -> assertThat(invalid.field()).isEqualTo("announcements"));
  }
}
