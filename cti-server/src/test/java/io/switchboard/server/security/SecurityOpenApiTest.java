package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The OpenAPI document says what the access policy does: every row's operation, bearer auth, the public ones. */
class SecurityOpenApiTest {

  private static JsonNode openApi() throws Exception {
    try (InputStream in = SecurityOpenApiTest.class.getResourceAsStream("/switchboard/openapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void every_operation_of_the_access_policy_is_documented_and_only_public_ones_skip_the_bearer_token()
      throws Exception {
    JsonNode doc = openApi();
    assertThat(doc.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asText())
        .isEqualTo("bearer");
    assertThat(doc.path("security").get(0).has("bearerAuth")).isTrue();
    for (AccessPolicy.Row row : AccessPolicy.standard().rows()) {
      if (row.path().endsWith("*") || row.path().equals("/")) {
        continue;
      }
      String path = row.path().replaceAll(":([^/]+)", "{$1}");
      JsonNode operation = doc.path("paths").path(path).path(row.method().name().toLowerCase(Locale.ROOT));
      assertThat(operation.isMissingNode()).as(row.method() + " " + path + " is in openapi.yaml").isFalse();
      boolean open = operation.has("security") && operation.get("security").isEmpty();
      assertThat(open).as(row.method() + " " + path + " has security: [] exactly when it is public")
          .isEqualTo(row.rule() == Rule.PUBLIC);
    }
  }

  @Test
  void the_security_error_ids_are_listed() throws Exception {
    List<String> errorIds = new ArrayList<>();
    openApi().path("components").path("schemas").path("Error").path("properties").path("errorId").path("enum")
        .forEach(id -> errorIds.add(id.asText()));

    assertThat(errorIds).contains("unauthenticated", "token-expired", "forbidden", "cors-origin-not-allowed",
        "body-too-large", "rate-limited", "bad-credentials", "token-not-found");
  }
}
