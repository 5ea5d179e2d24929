package io.switchboard.server.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmOpenApiTest {

  private static JsonNode openApi() throws Exception {
    try (InputStream in = CrmOpenApiTest.class.getResourceAsStream("/switchboard/openapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void the_openapi_document_describes_every_crm_route_its_error_ids_and_the_outbox_states() throws Exception {
    JsonNode doc = openApi();
    Map<String, List<String>> routes = Map.of(
        "/api/v1/crm/outbox", List.of("get"),
        "/api/v1/agents/{id}/pop", List.of("get"),
        "/api/v1/agents/{id}/wrap-up", List.of("post"),
        "/api/v1/agents/{id}/crm-users", List.of("get", "put"));
    routes.forEach((path, methods) -> methods.forEach(method ->
        assertThat(doc.get("paths").path(path).has(method)).as(method + " " + path).isTrue()));

    List<String> errorIds = new ArrayList<>();
    doc.get("components").path("schemas").path("Error").path("properties").path("errorId").path("enum")
        .forEach(id -> errorIds.add(id.asText()));
    assertThat(errorIds).contains("no-pop", "no-call-to-wrap-up", "crm-user-taken", "agent-not-found");

    List<String> states = new ArrayList<>();
    doc.get("components").path("schemas").path("CrmOutboxRow").path("properties").path("state").path("enum")
        .forEach(state -> states.add(state.asText()));
    assertThat(states).containsExactly(java.util.Arrays.stream(OutboxState.values()).map(OutboxState::slug)
        .toArray(String[]::new));
    List<String> crmUsers = new ArrayList<>();
    doc.get("components").path("schemas").path("AgentCrmUsers").path("properties").path("crmUsers")
        .path("properties").fieldNames().forEachRemaining(crmUsers::add);
    assertThat(crmUsers).containsExactlyInAnyOrderElementsOf(JooqAgentCrmUsers.CRMS);
  }
}
