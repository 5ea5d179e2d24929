package io.switchboard.server.agent;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.agent.Skill;
import io.switchboard.core.id.AgentId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the body of {@code POST /api/v1/agents} into a core {@link Agent}. This class checks the JSON's
 * shape and names the JSON path of a mistake; the domain rules (proficiency 1-10, no skill twice) stay in
 * cti-core's records, whose messages are passed on. A rejection is a value, not an exception.
 */
public final class AgentRequest {

  /** Ids and skill names: letters, digits, dot, dash, underscore; up to 64 characters (the column width). */
  public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final Set<String> FIELDS = Set.of("id", "displayName", "device", "skills");

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
        return new Invalid(name, "unknown field; allowed: id, displayName, device, skills");
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
    Object skills = body.getValue("skills", new JsonArray());
    if (!(skills instanceof JsonArray list)) {
      return new Invalid("skills", "optional: a list of {skill, proficiency}");
    }
    List<Skill> parsed = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object skill = parseSkill(list.getValue(i), "skills[" + i + "]");
      if (skill instanceof Invalid invalid) {
        return invalid;
      }
      parsed.add((Skill) skill);
    }
    try {
      return new Valid(new Agent(AgentId.of((String) id), ((String) name).strip(), parsed, List.of(),
          Agent.VOICE_ONLY, Optional.ofNullable((String) device)));
    } catch (IllegalArgumentException e) {
      return new Invalid("skills", e.getMessage());
    }
  }

  /** A {@link Skill}, or the {@link Invalid} that says what is wrong at {@code at}. */
  private static Object parseSkill(Object value, String at) {
    if (!(value instanceof JsonObject entry)) {
      return new Invalid(at, "must be an object {skill, proficiency}");
    }
    if (entry.size() > 2 || !entry.fieldNames().stream().allMatch(Set.of("skill", "proficiency")::contains)) {
      return new Invalid(at, "unknown field; allowed: skill, proficiency");
    }
    Object skill = entry.getValue("skill");
    if (!(skill instanceof String name) || !IDENTIFIER.matcher(name).matches()) {
      return new Invalid(at + ".skill", "required: 1-64 letters, digits, '.', '-' or '_'");
    }
    Object level = entry.getValue("proficiency");
    if (!(level instanceof Integer || level instanceof Long)) {
      return new Invalid(at + ".proficiency", "required: a whole number from 1 to 10");
    }
    long proficiency = ((Number) level).longValue();
    try {
      return Skill.of(name, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, proficiency)));
    } catch (IllegalArgumentException e) {
      return new Invalid(at + ".proficiency", e.getMessage());
    }
  }
}
