package io.switchboard.server.campaign;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Reading one JSON field of a campaign or lead request, with the JSON path of a mistake in the exception (the
 * queue API's {@code JsonFields}, for this package).
 */
final class Fields {

  /** A field is wrong; {@code field} is its JSON path. Caught by the request parser, never leaves it. */
  static final class BadField extends RuntimeException {
    final String field;

    BadField(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }
  }

  private final JsonObject json;
  private final String path;

  Fields(JsonObject json, String path, Set<String> allowed) {
    this.json = json;
    this.path = path;
    for (String name : json.fieldNames()) {
      if (!allowed.contains(name)) {
        throw new BadField(at(name), "unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  /** The fields of the object at {@code index} of {@code array}, limited to {@code allowed}. */
  static Fields element(JsonArray array, int index, String path, Set<String> allowed) {
    if (!(array.getValue(index) instanceof JsonObject object)) {
      throw new BadField(path, "must be an object");
    }
    return new Fields(object, path, allowed);
  }

  String at(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  boolean has(String name) {
    return json.getValue(name) != null;
  }

  /** A whole number from {@code min} to {@code max}, or {@code absent} when the field is missing. */
  int integer(String name, int min, int max, int absent) {
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
  double number(String name, double min, double max, double absent) {
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
  boolean bool(String name, boolean absent) {
    Object value = json.getValue(name);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof Boolean bool)) {
      throw new BadField(at(name), "must be true or false");
    }
    return bool;
  }

  /** A string of 1 to {@code maxLength} characters, stripped, or {@code absent}. */
  String text(String name, int maxLength, String absent) {
    Object value = json.getValue(name);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof String text) || text.isBlank() || text.length() > maxLength) {
      throw new BadField(at(name), "must be a non-blank string of at most " + maxLength + " characters");
    }
    return text.strip();
  }

  JsonArray array(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw new BadField(at(name), "must be a list");
    }
    return array;
  }

  JsonObject object(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw new BadField(at(name), "must be an object");
    }
    return object;
  }
}
