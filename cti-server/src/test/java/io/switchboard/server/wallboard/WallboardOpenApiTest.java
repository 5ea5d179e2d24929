package io.switchboard.server.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.server.security.AccessPolicy;
import io.vertx.core.http.HttpMethod;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the access policy keep in step with the wallboard's and monitors' routes. */
class WallboardOpenApiTest {

  private static final Map<String, List<String>> ROUTES = Map.of(
      "/api/v1/kpis/history", List.of("get"),
      "/api/v1/wallboard/stream", List.of("get"),
      "/api/v1/agents/{id}/monitor", List.of("post"),
      "/api/v1/monitors", List.of("get"),
      "/api/v1/monitors/{id}", List.of("delete"));

  private static JsonNode openApi() throws Exception {
    try (InputStream in = WallboardOpenApiTest.class.getResourceAsStream("/switchboard/openapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  @Test
  void every_route_is_described_with_its_error_ids_and_enums() throws Exception {
    JsonNode doc = openApi();
    ROUTES.forEach((path, methods) -> methods.forEach(method ->
        assertThat(doc.get("paths").path(path).has(method)).as(method + " " + path).isTrue()));
    assertThat(strings(doc.at("/components/schemas/Error/properties/errorId/enum")))
        .contains("agent-not-on-call", "monitor-not-found", "invalid-field", "agent-not-found", "pbx-refused");
    assertThat(strings(doc.at("/components/schemas/Monitor/properties/mode/enum"))).containsExactly(
        Arrays.stream(MonitorMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
    assertThat(strings(doc.at("/components/schemas/WallboardCampaign/properties/mode/enum"))).containsExactly(
        Arrays.stream(DialMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
  }

  @Test
  void supervisors_reach_every_route_none_is_left_admin_only_by_omission() {
    AccessPolicy policy = AccessPolicy.standard();
    assertThat(policy.match(HttpMethod.POST, "/api/v1/agents/a1/monitor")).isPresent();
    assertThat(policy.match(HttpMethod.GET, "/api/v1/monitors")).isPresent();
    assertThat(policy.match(HttpMethod.DELETE, "/api/v1/monitors/sb-1")).isPresent();
    assertThat(policy.match(HttpMethod.GET, "/api/v1/kpis/history")).isPresent();
    assertThat(policy.match(HttpMethod.GET, "/api/v1/wallboard/stream"))
        .hasValueSatisfying(match -> assertThat(match.row().socket()).isTrue());
  }
}
