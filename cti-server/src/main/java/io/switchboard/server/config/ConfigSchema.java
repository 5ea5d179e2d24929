package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The key tree of {@link SwitchboardConfig}, read from the records themselves so that the unknown-key
 * check, the environment overrides and the documentation test can never drift from the code.
 */
public final class ConfigSchema {

  private static final ConfigSchema ROOT = new ConfigSchema(SwitchboardConfig.class);

  private final Class<?> type;
  private final Map<String, Field> fields = new LinkedHashMap<>();

  /** One key of a record: either a scalar, a nested record, or a list of records/scalars. */
  record Field(String name, Class<?> type, ConfigSchema nested, boolean list) {}

  private ConfigSchema(Class<?> type) {
    this.type = type;
    for (RecordComponent component : type.getRecordComponents()) {
      String name = jsonName(type, component);
      Class<?> raw = component.getType();
      if (List.class.isAssignableFrom(raw)) {
        Class<?> element = elementType(component.getGenericType());
        fields.put(name, new Field(name, element, element.isRecord() && element != Secret.class
            ? new ConfigSchema(element) : null, true));
      } else if (raw.isRecord() && raw != Secret.class) {
        fields.put(name, new Field(name, raw, new ConfigSchema(raw), false));
      } else {
        fields.put(name, new Field(name, raw, null, false));
      }
    }
  }

  public static ConfigSchema root() {
    return ROOT;
  }

  /** Every leaf key, in declaration order. */
  public static List<ConfigKey> keys() {
    List<ConfigKey> keys = new ArrayList<>();
    ROOT.collect("", keys);
    return keys;
  }

  /** The key whose environment variable is {@code envVar} (list indexes written {@code <n>}), if any. */
  public static Optional<ConfigKey> byEnvVar(String envVar) {
    return keys().stream().filter(k -> k.envVar().equals(envVar)).findFirst();
  }

  Optional<Field> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  List<String> names() {
    return List.copyOf(fields.keySet());
  }

  Class<?> type() {
    return type;
  }

  private void collect(String prefix, List<ConfigKey> out) {
    for (Field f : fields.values()) {
      String path = prefix + f.name();
      if (f.nested() != null) {
        f.nested().collect(path + (f.list() ? "[]." : "."), out);
      } else {
        out.add(new ConfigKey(path, f.type(), f.list()));
      }
    }
  }

  static String typeName(Class<?> type, boolean list) {
    String base;
    if (type == int.class || type == Integer.class) {
      base = "integer";
    } else if (type == boolean.class || type == Boolean.class) {
      base = "boolean (true/false)";
    } else if (type == Secret.class) {
      base = "string (secret)";
    } else if (type.isEnum()) {
      base = "one of " + Arrays.stream(type.getEnumConstants())
          .map(c -> enumName((Enum<?>) c)).collect(Collectors.joining(", "));
    } else if (type == String.class) {
      base = "string";
    } else if (type.isRecord()) {
      base = "mapping";
    } else {
      base = type.getSimpleName();
    }
    return list ? "list of " + base : base;
  }

  /** The spelling of an enum constant in YAML ({@code tcp-ip}, not {@code TCP_IP}). */
  static String enumName(Enum<?> constant) {
    try {
      JsonProperty p = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
      return p != null ? p.value() : constant.name();
    } catch (NoSuchFieldException e) {
      return constant.name();
    }
  }

  private static String jsonName(Class<?> owner, RecordComponent component) {
    try {
      JsonProperty p = owner.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
      return p != null && !p.value().isEmpty() ? p.value() : component.getName();
    } catch (NoSuchFieldException e) {
      return component.getName();
    }
  }

  private static Class<?> elementType(Type generic) {
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }
}
