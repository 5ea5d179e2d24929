package io.switchboard.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignOpenApiTest {

  private static JsonNode openApi() throws Exception {
    try (InputStream in = CampaignOpenApiTest.class.getResourceAsStream("/switchboard/openapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void the_openapi_document_describes_every_campaign_route_with_its_methods() throws Exception {
    JsonNode paths = openApi().get("paths");
    Map<String, List<String>> routes = Map.of(
        "/api/v1/campaigns", List.of("get", "post"),
        "/api/v1/campaigns/{id}", List.of("get", "put", "delete"),
        "/api/v1/campaigns/{id}/start", List.of("post"),
        "/api/v1/campaigns/{id}/pause", List.of("post"),
        "/api/v1/campaigns/{id}/complete", List.of("post"),
        "/api/v1/campaigns/{id}/lists", List.of("get", "post"),
        "/api/v1/campaigns/{id}/lists/{listId}", List.of("put", "delete"),
        "/api/v1/campaigns/{id}/leads", List.of("get", "post"),
        "/api/v1/campaigns/{id}/leads/{leadId}/disposition", List.of("post"));

    routes.forEach((path, methods) -> methods.forEach(method ->
        assertThat(paths.path(path).has(method)).as(method + " " + path).isTrue()));
  }

  @Test
  void every_campaign_error_id_and_field_is_in_the_document() throws Exception {
    JsonNode components = openApi().get("components");
    List<String> errorIds = new ArrayList<>();
    components.path("schemas").path("Error").path("properties").path("errorId").path("enum")
        .forEach(id -> errorIds.add(id.asText()));
    List<String> fields = new ArrayList<>();
    components.path("schemas").path("Campaign").path("properties").fieldNames().forEachRemaining(fields::add);

    assertThat(errorIds).contains("campaign-exists", "campaign-not-found", "campaign-state", "campaign-running",
        "unknown-list", "list-exists", "list-not-found", "list-in-use", "lead-exists", "lead-not-found",
        "lead-not-connected", "unknown-queue", "invalid-field", "invalid-json");
    assertThat(fields).containsExactlyInAnyOrderElementsOf(CampaignRequest.FIELDS);
  }
}
