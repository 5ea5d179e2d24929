package io.switchboard.server.security;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a request may go into {@code admin_audit}: the body with every password, token and secret replaced by
 * {@value #REMOVED} (at any depth, by key name) and every phone number masked (by shape, whatever its key: a
 * notes field can hold one too); a body that is not JSON (a CSV import) only by its type and size.
 */
public final class AuditRedaction {

  /** What a removed value reads as. */
  public static final String REMOVED = "[removed]";
  /** The longest detail kept (the column is TEXT; a detail is for reading, not for replaying). */
  public static final int MAX_DETAIL = 4000;

  private static final Pattern SECRET_KEY = Pattern.compile("password|passwd|token|secret|api-?key|credential");
  /** A run of at least seven digits with the separators people write, not inside a word or an id. */
  private static final Pattern PHONE = Pattern.compile("(?<![\\w-])\\+?\\(?\\d[\\d ().-]{5,}\\d(?![\\w-])");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

  private AuditRedaction() {
  }

  /** The detail column for a request body; null for none. */
  public static String detail(Buffer body, String contentType) {
    if (body == null || body.length() == 0) {
      return null;
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json")) {
      try {
        Object parsed = Json.decodeValue(body.toString(StandardCharsets.UTF_8));
        return cut(String.valueOf(redact(parsed)));
      } catch (DecodeException notJson) {
        return describe("invalid-json", body);
      }
    }
    return describe(contentType == null ? "none" : contentType, body);
  }

  /** The request path, percent-decoded, with phone numbers masked ({@code /api/v1/dnc/+141******00}). */
  public static String path(String rawPath) {
    String decoded;
    try {
      decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      decoded = rawPath;
    }
    return maskPhones(decoded);
  }

  /** {@code text} with each phone-shaped run masked: the first three and last two digits kept. */
  public static String maskPhones(String text) {
    Matcher m = PHONE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String run = m.group();
      String digits = run.replaceAll("\\D", "");
      boolean phone = digits.length() >= 7 && !DATE.matcher(run).matches();
      m.appendReplacement(out, Matcher.quoteReplacement(phone ? masked(run, digits) : run));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String masked(String run, String digits) {
    int head = digits.length() >= 9 ? 3 : 0;
    return (run.startsWith("+") ? "+" : "") + digits.substring(0, head)
        + "*".repeat(digits.length() - head - 2) + digits.substring(digits.length() - 2);
  }

  private static Object redact(Object value) {
    if (value instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, Object> e : object) {
        boolean secret = SECRET_KEY.matcher(e.getKey().toLowerCase(Locale.ROOT)).find();
        copy.put(e.getKey(), secret ? REMOVED : redact(e.getValue()));
      }
      return copy;
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(redact(item)));
      return copy;
    }
    if (value instanceof String text) {
      return maskPhones(text);
    }
    return value;
  }

  private static String describe(String contentType, Buffer body) {
    return new JsonObject().put("contentType", contentType).put("bytes", body.length()).encode();
  }

  private static String cut(String detail) {
    return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
  }
}
