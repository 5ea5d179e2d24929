package io.switchboard.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.queue.selection.PreferredAgentRule;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreferredAgentFieldsTest {

  private static QueueRequest.Parsed withPreference(Object preferredAgent) {
    return QueueRequest.create(new JsonObject().put("id", "sales").put("preferredAgent", preferredAgent));
  }

  @Test
  void the_preferred_agent_becomes_the_setups_rule_and_reads_back_the_same() {
    JsonObject given = new JsonObject().put("lastAgent", true).put("timeoutSeconds", 45).put("accountOwner", true)
        .put("accountOwnerWaitMillis", 700);

    assertThat(withPreference(given)).isInstanceOfSatisfying(QueueRequest.Valid.class, valid -> {
      PreferredAgentRule rule = valid.queue().setup().preferredAgent();
      assertThat(rule).isEqualTo(new PreferredAgentRule(true, Duration.ofSeconds(45), true, Duration.ofMillis(700)));
      assertThat(PreferredAgentFields.json(rule)).isEqualTo(given);
    });
  }

  @Test
  void the_account_owner_is_off_unless_asked_for_and_waited_for_a_second_by_default() {
    assertThat(withPreference(new JsonObject().put("accountOwner", true))).isInstanceOfSatisfying(
        QueueRequest.Valid.class, valid -> {
          PreferredAgentRule rule = valid.queue().setup().preferredAgent();
          assertThat(rule.accountOwner()).isTrue();
          assertThat(rule.lastAgent()).isFalse();
          assertThat(rule.ownerWait()).isEqualTo(Duration.ofSeconds(1));
        });
    assertThat(withPreference(new JsonObject().put("lastAgent", true))).isInstanceOfSatisfying(
        QueueRequest.Valid.class, valid -> assertThat(valid.queue().setup().preferredAgent().accountOwner()).isFalse());
  }

  @ParameterizedTest(name = "accountOwnerWaitMillis {0} is refused")
  @ValueSource(ints = {-1, 0, 99, 5_001})
  void an_owner_wait_too_short_or_too_long_is_refused_naming_its_path(int millis) {
    assertThat(withPreference(new JsonObject().put("accountOwner", true).put("accountOwnerWaitMillis", millis)))
        .isInstanceOfSatisfying(QueueRequest.Invalid.class,
            invalid -> assertThat(invalid.field()).isEqualTo("preferredAgent.accountOwnerWaitMillis"));
    assertThat(withPreference(new JsonObject().put("accountOwner", "yes"))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("preferredAgent.accountOwner"));
  }

  @Test
  void a_queue_without_the_object_prefers_nobody_and_an_empty_one_takes_the_defaults() {
    assertThat(QueueRequest.create(new JsonObject().put("id", "sales"))).isInstanceOfSatisfying(
        QueueRequest.Valid.class, valid -> assertThat(valid.queue().setup().preferredAgent())
            .isEqualTo(PreferredAgentRule.OFF));
    assertThat(withPreference(new JsonObject().put("lastAgent", true))).isInstanceOfSatisfying(
        QueueRequest.Valid.class, valid -> assertThat(valid.queue().setup().preferredAgent().timeout())
            .isEqualTo(PreferredAgentRule.DEFAULT_TIMEOUT));
  }

  @ParameterizedTest(name = "timeoutSeconds {0} is refused")
  @ValueSource(ints = {-1, 0, 86_401, 1_000_000})
  void a_negative_zero_or_absurd_timeout_is_refused_naming_its_path(int seconds) {
    assertThat(withPreference(new JsonObject().put("lastAgent", true).put("timeoutSeconds", seconds)))
        .isInstanceOfSatisfying(QueueRequest.Invalid.class,
            invalid -> assertThat(invalid.field()).isEqualTo("preferredAgent.timeoutSeconds"));
  }

  @Test
  void a_wrong_type_or_an_unknown_field_is_refused_naming_its_path() {
    assertThat(withPreference(new JsonObject().put("lastAgent", "yes"))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("preferredAgent.lastAgent"));
    assertThat(withPreference(new JsonObject().put("timeoutSeconds", "30"))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("preferredAgent.timeoutSeconds"));
    assertThat(withPreference(new JsonObject().put("owner", true))).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("preferredAgent.owner"));
    assertThat(withPreference(true)).isInstanceOfSatisfying(
        QueueRequest.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("preferredAgent"));
  }
}
