package io.switchboard.server.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.ContactMatch;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallLogCodecTest {

  @Test
  void a_log_with_every_optional_part_reads_back_equal() {
    CallLog log = Logs.answered("pbx1/c1", "agent-7");

    assertThat(CallLogCodec.decode(CallLogCodec.VERSION, CallLogCodec.encode(log))).isEqualTo(log);
  }

  @Test
  void a_log_with_every_optional_part_empty_reads_back_equal_and_stores_no_nulls() {
    CallLog log = Logs.missed("pbx1/c2");
    String json = CallLogCodec.encode(log);

    assertThat(CallLogCodec.decode(1, json)).isEqualTo(log);
    assertThat(new JsonObject(json).fieldNames()).containsExactlyInAnyOrder("call", "direction", "outcome",
        "started", "talkTimeMillis");
  }

  @Test
  void a_match_without_link_owner_or_tickets_reads_back_equal() {
    ContactMatch bare = new ContactMatch("hubspot", "contact", "901", "Grace Hopper", Optional.empty(),
        Optional.empty(), List.of());
    CallLog log = new CallLog(Logs.missed("c3").call(), Optional.of(bare), Optional.empty(), Optional.of(Logs.CALLER),
        Optional.empty(), Logs.missed("c3").direction(), Logs.missed("c3").outcome(), Logs.STARTED,
        java.time.Duration.ofMillis(1), Optional.empty(), Optional.of(""), Optional.empty(), Optional.empty());

    assertThat(CallLogCodec.decode(1, CallLogCodec.encode(log))).isEqualTo(log);
  }

  @Test
  void a_row_of_an_unknown_version_is_refused_naming_the_version() {
    assertThatThrownBy(() -> CallLogCodec.decode(2, CallLogCodec.encode(Logs.missed("c4"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log_version 2");
  }

  @Test
  void a_row_missing_a_required_field_is_refused_naming_the_field() {
    JsonObject json = new JsonObject(CallLogCodec.encode(Logs.missed("c5")));
    json.remove("outcome");

    assertThatThrownBy(() -> CallLogCodec.decode(1, json.encode()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("call_log.outcome is missing");
  }
}
