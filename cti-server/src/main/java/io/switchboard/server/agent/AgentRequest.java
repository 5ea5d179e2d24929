package io.switchboard.server.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the body of {@code POST /api/v1/agents}. A rejection is a value naming the field, not an exception. */
public final class AgentRequest {

  /** Ids and skill names: letters, digits, dot, dash, underscore; up to 64 characters (the column width). */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final Set<String> FIELDS = Set.of("id", "displayName", "device", "enabled", "skills");

  /** The outcome of checking a request body. */
  public sealed interface Parsed {}

  /** The body describes a valid new agent. */
  public record Valid(Agent agent) implements Parsed {}

  /** The body is wrong in {@code field} (a JSON path such as {@code skills[1].proficiency}). */
  public record Invalid(String field, String reason) implements Parsed {}

  private AgentRequest() {}

  public static Parsed parse(JsonObject body) {
    for (String name : body.fieldNames()) {
      if (!FIELDS.contains(name)) {
        return new Invalid(name, "unknown field; allowed: id, displayName, device, enabled, skills");
      }
    }
    Object id = body.getValue("id");
    if (!(id instanceof String s) || !IDENTIFIER.matcher(s).matches()) {
      return new Invalid("id", "required: 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit");
    }
    Object name = body.getValue("displayName");
    if (!(name instanceof String n) || n.isBlank() || n.length() > 128) {
      return new Invalid("displayName", "required: a non-blank string of at most 128 characters");
    }
    Object device = body.getValue("device");
    if (device != null && (!(device instanceof String d) || d.isBlank() || d.length() > 128)) {
      return new Invalid("device", "optional: a non-blank string of at most 128 characters, e.g. PJSIP/1001");
    }
    Object enabled = body.getValue("enabled", Boolean.TRUE);
    if (!(enabled instanceof Boolean)) {
      return new Invalid("enabled", "optional: true or false");
    }
    Object skills = body.getValue("skills", new JsonArray());
    if (!(skills instanceof JsonArray list)) {
      return new Invalid("skills", "optional: a list of {skill, proficiency}");
    }
    List<Skill> parsed = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "skills[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject entry)) {
        return new Invalid(at, "must be an object {skill, proficiency}");
      }
      Object skill = entry.getValue("skill");
      if (!(skill instanceof String sk) || !IDENTIFIER.matcher(sk).matches()) {
        return new Invalid(at + ".skill", "required: 1-64 letters, digits, '.', '-' or '_'");
      }
      if (!seen.add(sk)) {
        return new Invalid(at + ".skill", "'" + sk + "' is listed twice");
      }
      Object level = entry.getValue("proficiency");
      if (!(level instanceof Integer || level instanceof Long) || ((Number) level).longValue() < 1
          || ((Number) level).longValue() > 10) {
        return new Invalid(at + ".proficiency", "required: a whole number from 1 to 10");
      }
      if (entry.size() > 2) {
        return new Invalid(at, "unknown field; allowed: skill, proficiency");
      }
      parsed.add(new Skill(sk, ((Number) level).intValue()));
    }
    return new Valid(new Agent((String) id, ((String) name).strip(), (String) device, (Boolean) enabled, parsed));
  }
}
