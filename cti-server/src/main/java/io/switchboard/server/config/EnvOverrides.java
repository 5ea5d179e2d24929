package io.switchboard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code SWITCHBOARD_*} environment variables on top of the file. The variable name is the key
 * path upper-cased with {@code .} and {@code -} turned into {@code _}; list entries carry their index
 * ({@code SWITCHBOARD_PBX_0_SECRET}); {@code hazelcast.join.members} is comma-separated.
 *
 * <p>Values are type-checked here so that a bad one names the variable, not the file. Unknown
 * {@code SWITCHBOARD_*} variables are only warnings: Kubernetes injects {@code SWITCHBOARD_PORT} and
 * friends for a service called "switchboard".
 */
final class EnvOverrides {

  /** Variables with the prefix that are not settings: launcher options, the config file path, and the API token the
   * import commands send. */
  static final Set<String> NOT_SETTINGS = Set.of("SWITCHBOARD_OPTS", "SWITCHBOARD_HOME", "SWITCHBOARD_CONFIG",
      "SWITCHBOARD_TOKEN");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Key path (with real indexes, e.g. {@code pbx[0].secret}) to the variable that set it. */
  private final Map<String, String> origins = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  Map<String, String> origins() {
    return origins;
  }

  List<String> warnings() {
    return warnings;
  }

  void apply(ObjectNode tree, Map<String, String> env) {
    List<ConfigKey> keys = ConfigSchema.keys();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(ConfigKey.ENV_PREFIX) || NOT_SETTINGS.contains(name)) {
        continue;
      }
      Optional<Match> match = keys.stream().map(k -> Match.of(k, name)).flatMap(Optional::stream).findFirst();
      if (match.isEmpty()) {
        warnings.add("environment variable " + name + " is not a Switchboard setting, ignored"
            + Suggestions.closest(name, keys.stream().map(ConfigKey::envVar).toList())
                .map(s -> " (did you mean " + s + "?)").orElse(""));
        continue;
      }
      Match m = match.get();
      set(tree, m.concretePath(), typed(m.key(), name, m.concretePath(), e.getValue()));
      origins.put(m.concretePath(), name);
    }
  }

  private static JsonNode typed(ConfigKey key, String var, String path, String raw) {
    String value = raw.strip();
    Class<?> type = key.type();
    if (key.listOfScalars()) {
      ArrayNode list = NODES.arrayNode();
      Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
      return list;
    }
    if (type == int.class) {
      try {
        return NODES.numberNode(Integer.parseInt(value));
      } catch (NumberFormatException ex) {
        throw wrongType(var, path, key, raw);
      }
    }
    if (type == boolean.class) {
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return NODES.booleanNode(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
      }
      throw wrongType(var, path, key, raw);
    }
    if (type.isEnum()) {
      boolean known = Arrays.stream(type.getEnumConstants())
          .anyMatch(c -> ConfigSchema.enumName((Enum<?>) c).equals(value));
      if (!known) {
        throw wrongType(var, path, key, raw);
      }
    }
    return NODES.textNode(raw);
  }

  private static ConfigException wrongType(String var, String path, ConfigKey key, String raw) {
    String shown = key.type() == Secret.class ? "****" : raw;
    return new ConfigException("environment variable " + var + ": key '" + path + "' must be "
        + article(key.typeName()) + ", got '" + shown + "'");
  }

  static String article(String typeName) {
    return typeName.startsWith("one of") ? typeName
        : ("aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
  }

  private static void set(ObjectNode root, String concretePath, JsonNode value) {
    String[] parts = concretePath.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Matcher indexed = INDEXED.matcher(parts[i]);
      if (indexed.matches()) {
        ArrayNode array = node.get(indexed.group(1)) instanceof ArrayNode a ? a : node.putArray(indexed.group(1));
        int index = Integer.parseInt(indexed.group(2));
        while (array.size() <= index) {
          array.addObject();
        }
        if (!(array.get(index) instanceof ObjectNode)) {
          array.set(index, NODES.objectNode());
        }
        node = (ObjectNode) array.get(index);
      } else {
        node = node.get(parts[i]) instanceof ObjectNode o ? o : node.putObject(parts[i]);
      }
    }
    node.set(parts[parts.length - 1], value);
  }

  private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

  /** An environment variable matched to a schema key, with its list indexes filled in. */
  private record Match(ConfigKey key, String concretePath) {

    static Optional<Match> of(ConfigKey key, String var) {
      String[] pieces = key.envVar().split("<n>", -1);
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < pieces.length; i++) {
        regex.append(Pattern.quote(pieces[i]));
        if (i < pieces.length - 1) {
          regex.append("(\\d+)");
        }
      }
      Matcher m = Pattern.compile(regex.toString()).matcher(var);
      if (!m.matches()) {
        return Optional.empty();
      }
      String path = key.path();
      for (int g = 1; g <= m.groupCount(); g++) {
        path = path.replaceFirst("\\[]", "[" + Integer.parseInt(m.group(g)) + "]");
      }
      return Optional.of(new Match(key, path));
    }
  }
}
