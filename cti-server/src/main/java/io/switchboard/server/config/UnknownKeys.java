package io.switchboard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Rejects keys the schema does not know, naming the full key path and the likely intended key. */
final class UnknownKeys {

  private UnknownKeys() {}

  static void check(ObjectNode tree, String source) {
    walk(tree, ConfigSchema.root(), "", source);
  }

  private static void walk(ObjectNode node, ConfigSchema schema, String prefix, String source) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      Optional<ConfigSchema.Field> field = schema.field(e.getKey());
      if (field.isEmpty()) {
        throw unknown(e.getKey(), e.getValue(), schema, prefix, source);
      }
      ConfigSchema nested = field.get().nested();
      if (nested == null) {
        continue;
      }
      String path = KeyPaths.join(prefix, e.getKey());
      if (field.get().list() && e.getValue().isArray()) {
        for (int i = 0; i < e.getValue().size(); i++) {
          if (e.getValue().get(i) instanceof ObjectNode element) {
            walk(element, nested, path + "[" + i + "]", source);
          }
        }
      } else if (e.getValue() instanceof ObjectNode child) {
        walk(child, nested, path, source);
      }
    }
  }

  private static ConfigException unknown(
      String name, JsonNode value, ConfigSchema schema, String prefix, String source) {
    String typed = KeyPaths.join(prefix, name);
    String below = "";
    if (value instanceof ObjectNode object && object.size() > 0) {
      below = object.fieldNames().next();
      typed = typed + "." + below;
    }
    Optional<String> guess = Suggestions.closest(name, schema.names());
    String hint = "";
    if (guess.isPresent()) {
      String suggestion = KeyPaths.join(prefix, guess.get());
      Optional<ConfigSchema.Field> guessed = schema.field(guess.get());
      if (!below.isEmpty() && guessed.map(ConfigSchema.Field::nested).flatMap(n -> n.field(
          value.fieldNames().next())).isPresent()) {
        suggestion = suggestion + "." + below;
      }
      hint = " (did you mean '" + suggestion + "'?)";
    } else {
      hint = " (known keys here: " + String.join(", ", schema.names()) + ")";
    }
    return new ConfigException(source + ": unknown key '" + typed + "'" + hint);
  }
}
