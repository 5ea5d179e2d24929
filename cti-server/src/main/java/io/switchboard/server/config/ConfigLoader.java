package io.switchboard.server.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML file, checks every key against {@link ConfigSchema}, lays it over the defaults, applies
 * {@code SWITCHBOARD_*} environment overrides and validates the result. Secrets given as files ({@code K-file})
 * are read first ({@link SecretFiles}). Every failure is a
 * {@link ConfigException} whose message names the file or variable and the key.
 */
public final class ConfigLoader {

  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private ConfigLoader() {}

  /** The file's configuration with the process environment applied. */
  public static LoadedConfig load(Path file) {
    return load(file, System.getenv());
  }

  public static LoadedConfig load(Path file, Map<String, String> env) {
    String source = file.toString();
    ObjectNode fromFile = read(file, source);
    SecretFiles.resolve(fromFile, source);
    UnknownKeys.check(fromFile, source);
    return bind(fromFile, source, SecretFiles.resolve(env));
  }

  /** Built-in defaults only (the {@code demo} command): no file, no environment. */
  public static LoadedConfig defaults() {
    return bind(YAML.createObjectNode(), "defaults", Map.of());
  }

  private static LoadedConfig bind(ObjectNode userTree, String source, Map<String, String> env) {
    ObjectNode tree = YAML.valueToTree(SwitchboardConfig.defaults());
    merge(tree, userTree);
    EnvOverrides overrides = new EnvOverrides();
    overrides.apply(tree, env);
    SwitchboardConfig config = convert(tree, source, overrides.origins());
    List<ConfigValidator.Problem> problems = ConfigValidator.check(config);
    if (!problems.isEmpty()) {
      ConfigValidator.Problem first = problems.get(0);
      throw new ConfigException(where(first.key(), source, overrides.origins())
          + "key '" + first.key() + "' " + first.message());
    }
    return new LoadedConfig(config, source, overrides.warnings());
  }

  private static ObjectNode read(Path file, String source) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + source + " does not exist");
    } catch (IOException e) {
      throw new ConfigException("config file " + source + " cannot be read: " + e.getMessage());
    }
    JsonNode node;
    try {
      node = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigException(source + line + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return YAML.createObjectNode();
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new ConfigException(source + ": the top level must be a mapping of sections ("
        + String.join(", ", ConfigSchema.root().names()) + ")");
  }

  private static SwitchboardConfig convert(ObjectNode tree, String source, Map<String, String> origins) {
    try {
      return YAML.treeToValue(tree, SwitchboardConfig.class);
    } catch (InvalidFormatException e) {
      String key = KeyPaths.of(e.getPath());
      throw new ConfigException(where(key, source, origins) + "key '" + key + "' must be "
          + EnvOverrides.article(ConfigSchema.typeName(e.getTargetType(), false))
          + ", got '" + (e.getTargetType() == Secret.class ? "****" : e.getValue()) + "'");
    } catch (MismatchedInputException e) {
      String key = KeyPaths.of(e.getPath());
      Class<?> target = e.getTargetType();
      String expected = target == null ? "a different type" : EnvOverrides.article(ConfigSchema.typeName(
          List.class.isAssignableFrom(target) ? String.class : target, List.class.isAssignableFrom(target)));
      throw new ConfigException(where(key, source, origins) + "key '" + key + "' must be " + expected);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ConfigException(source + ": " + firstLine(e.getMessage()), e);
    }
  }

  private static String where(String key, String source, Map<String, String> origins) {
    String variable = origins.get(key);
    return variable != null ? "environment variable " + variable + ": " : source + ": ";
  }

  private static void merge(ObjectNode target, ObjectNode overlay) {
    overlay.fields().forEachRemaining(e -> {
      JsonNode existing = target.get(e.getKey());
      if (existing instanceof ObjectNode base && e.getValue() instanceof ObjectNode over) {
        merge(base, over);
      } else {
        target.set(e.getKey(), e.getValue());
      }
    });
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
