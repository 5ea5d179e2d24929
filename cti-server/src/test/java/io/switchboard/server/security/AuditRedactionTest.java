package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AuditRedactionTest {

  @Test
  void passwords_tokens_and_secrets_are_removed_at_any_depth() {
    JsonObject body = new JsonObject().put("role", "agent").put("password", "hunter2")
        .put("crm", new JsonObject().put("clientSecret", "s3").put("api-token", "t0").put("accessToken", "a1"))
        .put("users", new JsonArray().add(new JsonObject().put("Password", "p")));

    String detail = AuditRedaction.detail(body.toBuffer(), "application/json");

    assertThat(detail).doesNotContain("hunter2", "s3", "t0", "a1", "\"p\"").contains("\"role\":\"agent\"");
    assertThat(new JsonObject(detail).getString("password")).isEqualTo(AuditRedaction.REMOVED);
  }

  @Test
  void phone_numbers_in_values_are_masked_whatever_their_key() {
    JsonObject body = new JsonObject().put("phone", "+14155550100").put("to", "020 7946 0018")
        .put("notes", "call back on (415) 555-0199 after lunch");

    String detail = AuditRedaction.detail(body.toBuffer(), "application/json");

    assertThat(detail).doesNotContain("14155550100", "7946 0018", "555-0199").contains("+141******00")
        .contains("after lunch");
  }

  @Test
  void dates_times_and_short_ids_are_not_mistaken_for_phone_numbers() {
    JsonObject body = new JsonObject().put("expiresAt", "2026-12-24T10:00:00Z").put("id", "q-12")
        .put("date", "2026-11-24").put("maxWait", 120);

    String detail = AuditRedaction.detail(body.toBuffer(), "application/json");

    assertThat(new JsonObject(detail)).isEqualTo(body);
  }

  @Test
  void a_body_that_is_not_json_is_described_by_its_size_only() {
    String detail = AuditRedaction.detail(io.vertx.core.buffer.Buffer.buffer("phone\n+14155550100\n"), "text/csv");

    assertThat(new JsonObject(detail)).isEqualTo(new JsonObject().put("contentType", "text/csv").put("bytes", 19));
  }

  @Test
  void an_empty_body_has_no_detail() {
    assertThat(AuditRedaction.detail(null, null)).isNull();
    assertThat(AuditRedaction.detail(io.vertx.core.buffer.Buffer.buffer(), "application/json")).isNull();
  }

  @Test
  void a_long_detail_is_cut_to_the_column() {
    JsonObject body = new JsonObject().put("notes", "x".repeat(20_000));

    assertThat(AuditRedaction.detail(body.toBuffer(), "application/json")).hasSize(AuditRedaction.MAX_DETAIL);
  }

  @Test
  void a_phone_number_in_the_path_is_masked_even_when_percent_encoded() {
    assertThat(AuditRedaction.path("/api/v1/dnc/%2B14155550100")).isEqualTo("/api/v1/dnc/+141******00");
    assertThat(AuditRedaction.path("/api/v1/agents/ana/state")).isEqualTo("/api/v1/agents/ana/state");
  }
}
