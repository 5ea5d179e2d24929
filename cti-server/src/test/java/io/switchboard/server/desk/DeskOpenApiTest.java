package io.switchboard.server.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskOpenApiTest {

  private static JsonNode openApi() throws Exception {
    try (InputStream in = DeskOpenApiTest.class.getResourceAsStream("/switchboard/openapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  @Test
  void the_openapi_document_describes_every_desk_route_its_error_ids_and_phases() throws Exception {
    JsonNode doc = openApi();
    assertThat(doc.get("paths").path("/api/v1/agents/{id}/desk").has("get")).isTrue();
    for (CallCommand command : CallCommand.values()) {
      assertThat(doc.get("paths").path("/api/v1/agents/{id}/call/" + command.path).has("post"))
          .as("POST .../call/" + command.path).isTrue();
    }
    assertThat(doc.get("paths").path("/api/v1/agents/{id}/call/transfer").has("post")).isTrue();
    assertThat(doc.get("paths").path("/api/v1/agents/{id}/callback").has("post")).isTrue();

    assertThat(texts(doc.at("/components/schemas/Error/properties/errorId/enum")))
        .contains("no-connected-call", "hold-unsupported", "call-not-active", "not-recording", "no-campaign-call", "lead-not-connected",
            "pbx-refused", "pbx-unavailable", "call-not-found", "agent-not-found", "call-changed",
            "pbx-owner-unreachable");
    assertThat(texts(doc.at("/components/schemas/DeskCall/properties/phase/enum"))).containsExactly(
        Arrays.stream(DeskCall.Phase.values()).map(DeskCall.Phase::slug).toArray(String[]::new));
    assertThat(texts(doc.at("/components/schemas/DeskMessage/properties/type/enum"))).contains("state", "ringing",
        "dialling", "missed", "ring-canceled", "connected", "held", "unheld", "recording-paused",
        "recording-resumed", "ended", "wrap-up-started", "wrap-up-ended", "preview-offered");
  }
}
