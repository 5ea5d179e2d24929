package io.switchboard.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.queue.waiting.QueuedCallback;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackFieldsTest {

  private static QueueRequest.Parsed withCallback(Object callback) {
    return QueueRequest.create(new JsonObject().put("id", "sales").put("callback", callback));
  }

  private static JsonObject pressStar() {
    return new JsonObject().put("enabled", true).put("digit", "*").put("offerAfterSeconds", 60)
        .put("offerAboveSeconds", 120).put("attempts", 4).put("ringTimeSeconds", 20).put("retryDelaySeconds", 300);
  }

  @Test
  void the_callback_becomes_the_setups_settings_and_reads_back_the_same() {
    assertThat(withCallback(pressStar())).isInstanceOfSatisfying(QueueRequest.Valid.class, valid -> {
      QueuedCallback settings = valid.queue().setup().callback();
      assertThat(settings).isEqualTo(new QueuedCallback(true, '*', Duration.ofSeconds(60), Duration.ofSeconds(120), 4,
          Duration.ofSeconds(20), Duration.ofSeconds(300)));
      assertThat(CallbackFields.json(settings)).isEqualTo(pressStar());
    });
  }

  @Test
  void a_queue_without_the_object_has_no_callback_and_an_empty_one_takes_the_defaults_switched_off() {
    assertThat(QueueRequest.create(new JsonObject().put("id", "sales"))).isInstanceOfSatisfying(
        QueueRequest.Valid.class, valid -> assertThat(valid.queue().setup().callback()).isEqualTo(QueuedCallback.OFF));
    assertThat(withCallback(new JsonObject().put("enabled", true))).isInstanceOfSatisfying(
        QueueRequest.Valid.class, valid -> assertThat(valid.queue().setup().callback())
            .isEqualTo(QueuedCallback.OFF.on()));
  }

  @ParameterizedTest(name = "{0} = {1} is refused")
  @CsvSource({
      "digit, 'A'", "digit, '12'", "digit, ' '", "offerAfterSeconds, -1", "offerAfterSeconds, 86401",
      "offerAboveSeconds, -1", "attempts, 0", "attempts, 11", "ringTimeSeconds, 0", "ringTimeSeconds, 301",
      "retryDelaySeconds, -1"})
  void a_value_out_of_range_is_refused_naming_its_path(String field, String value) {
    JsonObject callback = pressStar();
    callback.put(field, field.equals("digit") ? value : Integer.valueOf(value));

    assertThat(withCallback(callback)).isInstanceOfSatisfying(QueueRequest.Invalid.class,
        invalid -> assertThat(invalid.field()).isEqualTo("callback." + field));
  }

  @Test
  void a_wrong_type_or_an_unknown_field_is_refused_naming_its_path() {
    assertThat(withCallback(pressStar().put("enabled", "yes"))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("callback.enabled"));
    assertThat(withCallback(pressStar().put("digit", 1))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("callback.digit"));
    assertThat(withCallback(pressStar().put("number", "+4930555123"))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("callback.number"));
    assertThat(withCallback(true)).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("callback"));
  }
}
