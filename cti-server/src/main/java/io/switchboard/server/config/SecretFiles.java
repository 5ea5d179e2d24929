package io.switchboard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@link Secret} key {@code K} may instead be given as {@code K-file} (variable {@code ..._FILE}): the path
 * of a file whose trimmed content is the secret, as Kubernetes mounts a Secret or systemd a credential. Resolved
 * before anything else reads the configuration, so the rest sees only {@code K}. A missing, unreadable or empty
 * file, or a secret given both ways, is a {@link ConfigException} naming the key (and the file, never its
 * content).
 */
final class SecretFiles {

  /** The suffix of a secret's file key. */
  static final String SUFFIX = "-file";
  private static final String ENV_SUFFIX = "_FILE";

  private SecretFiles() {
  }

  /** One {@code K-file} key per secret key {@code K}, typed string. */
  static List<ConfigKey> keys() {
    return ConfigSchema.keys().stream().filter(k -> k.type() == Secret.class)
        .map(k -> new ConfigKey(k.path() + SUFFIX, String.class, false)).toList();
  }

  /** Replaces each {@code K-file} in the file's tree with {@code K} read from that file. */
  static void resolve(ObjectNode tree, String source) {
    walk(tree, ConfigSchema.root(), "", source);
  }

  /** The environment with each {@code ..._FILE} secret variable replaced by the secret's own variable. */
  static Map<String, String> resolve(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>(env);
    List<ConfigKey> secrets = ConfigSchema.keys().stream().filter(k -> k.type() == Secret.class).toList();
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(ConfigKey.ENV_PREFIX) || !name.endsWith(ENV_SUFFIX)) {
        continue;
      }
      String base = name.substring(0, name.length() - ENV_SUFFIX.length());
      Optional<String> path = secrets.stream().map(k -> concretePath(k, base)).flatMap(Optional::stream).findFirst();
      if (path.isEmpty()) {
        continue;
      }
      String where = "environment variable " + name + ": ";
      if (env.containsKey(base)) {
        throw new ConfigException(where + "give either " + base + " or " + name + ", not both");
      }
      out.remove(name);
      out.put(base, read(e.getValue(), where, path.get() + SUFFIX));
    }
    return out;
  }

  private static void walk(ObjectNode node, ConfigSchema schema, String prefix, String source) {
    for (String name : new ArrayList<>(iterable(node))) {
      JsonNode value = node.get(name);
      Optional<ConfigSchema.Field> field = schema.field(name);
      if (field.isEmpty() && name.endsWith(SUFFIX)) {
        String base = name.substring(0, name.length() - SUFFIX.length());
        Optional<ConfigSchema.Field> secret = schema.field(base).filter(f -> f.type() == Secret.class && !f.list());
        if (secret.isPresent()) {
          String key = KeyPaths.join(prefix, base);
          if (node.has(base)) {
            throw new ConfigException(source + ": give either '" + key + "' or '" + key + SUFFIX + "', not both");
          }
          if (!value.isTextual()) {
            throw new ConfigException(source + ": key '" + key + SUFFIX + "' must be a string (a file path)");
          }
          node.remove(name);
          node.put(base, read(value.asText(), source + ": ", key + SUFFIX));
        }
        continue;
      }
      ConfigSchema nested = field.map(ConfigSchema.Field::nested).orElse(null);
      if (nested == null) {
        continue;
      }
      String path = KeyPaths.join(prefix, name);
      if (field.get().list() && value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          if (value.get(i) instanceof ObjectNode element) {
            walk(element, nested, path + "[" + i + "]", source);
          }
        }
      } else if (value instanceof ObjectNode child) {
        walk(child, nested, path, source);
      }
    }
  }

  private static String read(String file, String where, String key) {
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (NoSuchFileException | InvalidPathException e) {
      throw new ConfigException(where + "key '" + key + "' names " + file + ", which does not exist");
    } catch (IOException | SecurityException e) {
      throw new ConfigException(where + "key '" + key + "' names " + file + ", which cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
    String secret = text.strip();
    if (secret.isEmpty()) {
      throw new ConfigException(where + "key '" + key + "' names " + file + ", which is empty");
    }
    return secret;
  }

  private static Optional<String> concretePath(ConfigKey key, String var) {
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
    return Optional.of(path);
  }

  private static List<String> iterable(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
