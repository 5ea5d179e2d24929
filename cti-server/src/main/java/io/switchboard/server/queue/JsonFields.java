package io.switchboard.server.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Reading one JSON field of a request, with the JSON path of a mistake in the exception. Shared by the queue and
 * campaign APIs.
 */
public final class JsonFields {

  /** The longest timer the API accepts: one day. */
  static final int MAX_SECONDS = 86_400;

  /** A field is wrong; {@code field} is its JSON path. Caught by the request parser, never leaves it. */
  public static final class BadField extends RuntimeException {
    /** The JSON path of the wrong field. */
    public final String field;

    public BadField(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }
  }

  private final JsonObject json;
  private final String path;

  public JsonFields(JsonObject json, String path, Set<String> allowed) {
    this.json = json;
    this.path = path;
    for (String name : json.fieldNames()) {
      if (!allowed.contains(name)) {
        throw new BadField(at(name), "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  public String at(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public boolean has(String name) {
    return json.getValue(name) != null;
  }

  /** A whole number from {@code min} to {@code max}, or {@code absent} when the field is missing. */
  public int integer(String name, int min, int max, int absent) {
    Object value = json.getValue(name);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      throw new BadField(at(name), "must be a whole number from " + min + " to " + max);
    }
    return ((Number) value).intValue();
  }

  /** A number from {@code min} to {@code max}, or {@code absent}. */
  public double number(String name, double min, double max, double absent) {
    Object value = json.getValue(name);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof Number number) || !(number.doubleValue() >= min && number.doubleValue() <= max)) {
      throw new BadField(at(name), "must be a number from " + min + " to " + max);
    }
    return number.doubleValue();
  }

  /** {@code true} or {@code false}, or {@code absent}. */
  public boolean bool(String name, boolean absent) {
    return has(name) ? bool(name) : absent;
  }

  public boolean bool(String name) {
    Object value = json.getValue(name);
    if (value != null && !(value instanceof Boolean)) {
      throw new BadField(at(name), "must be true or false");
    }
    return Boolean.TRUE.equals(value);
  }

  /** A string of 1 to {@code maxLength} characters, or {@code absent}. */
  public String text(String name, int maxLength, String absent) {
    Object value = json.getValue(name);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof String text) || text.isBlank() || text.length() > maxLength) {
      throw new BadField(at(name), "must be a non-blank string of at most " + maxLength + " characters");
    }
    return text.strip();
  }

  public JsonArray array(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw new BadField(at(name), "must be a list");
    }
    return array;
  }

  public JsonObject object(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw new BadField(at(name), "must be an object");
    }
    return object;
  }

  /** The object at {@code index} of {@code array}, as fields limited to {@code allowed}. */
  public static JsonFields element(JsonArray array, int index, String path, Set<String> allowed) {
    if (!(array.getValue(index) instanceof JsonObject object)) {
      throw new BadField(path, "must be an object");
    }
    return new JsonFields(object, path, allowed);
  }
}
