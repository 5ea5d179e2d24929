package io.switchboard.server.campaign;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.dialer.Broadcast;
import io.switchboard.queue.dialer.CampaignSettings.CampaignState;
import io.switchboard.queue.dialer.CampaignSettings.MachineAction;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.queue.JsonFields.BadField;
import io.switchboard.server.queue.JsonFields;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import io.vertx.core.json.JsonObject;

/**
 * Turns the body of {@code POST /api/v1/campaigns} or {@code PUT /api/v1/campaigns/{id}} into a
 * {@link CampaignDefinition}, naming the JSON path of the first mistake. Whether the queue exists is the store's
 * check, in the transaction that writes the campaign. A new campaign is a {@code DRAFT}; the state a body
 * carries (as {@code GET} shows it) is ignored: only start, pause and complete move it.
 */
public final class CampaignRequest {

  static final Set<String> FIELDS = Set.of("id", "name", "mode", "queue", "state", "jurisdiction",
      "abandonRateTargetPercent", "callingWindow", "maxAttempts", "dialRatio", "ringTimeoutSeconds", "machine",
      "machineMessage", "safeHarbourMessage", "holidays", "callerIds", "defaultRegion", "recycleRules",
      "broadcastMessage", "lines", "optOutDigit");
  private static final Set<String> WINDOW_FIELDS = Set.of("opens", "closes");
  private static final Set<String> RULE_FIELDS = Set.of("result", "disposition", "retryAfterSeconds", "maxAttempts");
  /** The most attempts a lead may be given, in a campaign or a rule. */
  static final int MAX_ATTEMPTS = 100;
  private static final int MAX_RETRY_SECONDS = 90 * 86_400;
  private static final String SLUG = "[a-z0-9][a-z0-9-]{0,31}";

  /** The outcome of checking a request body. */
  public sealed interface Parsed {}

  /** The body describes a valid campaign. */
  public record Valid(CampaignDefinition campaign) implements Parsed {}

  /** The body is wrong in {@code field}, a JSON path such as {@code callingWindow.closes}. */
  public record Invalid(String field, String reason) implements Parsed {}

  private CampaignRequest() {}

  /** A new campaign; the body must carry its {@code id}. */
  public static Parsed create(JsonObject body) {
    return parse(body, Optional.empty());
  }

  /** The whole new configuration of campaign {@code id}; a body {@code id}, if any, must be the same. */
  public static Parsed replace(String id, JsonObject body) {
    return parse(body, Optional.of(id));
  }

  /** The API name of an enum constant: {@code PROGRESSIVE} is {@code progressive}. */
  static String slug(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static Parsed parse(JsonObject body, Optional<String> pathId) {
    try {
      JsonFields fields = new JsonFields(body, "", FIELDS);
      String id = fields.text("id", 64, pathId.orElse(null));
      if (id == null || !AgentRequest.IDENTIFIER.matcher(id).matches()) {
        return new Invalid("id", "required: 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit");
      }
      if (pathId.isPresent() && !pathId.get().equals(id)) {
        return new Invalid("id", "must be the id in the path, '" + pathId.get() + "'");
      }
      DialMode mode = choice(fields, "mode", DialMode.values(), null);
      String queue = fields.text("queue", 64, null);
      if (queue == null || !AgentRequest.IDENTIFIER.matcher(queue).matches()) {
        throw new BadField("queue", "required: the id of the queue whose agents take the campaign's calls");
      }
      Jurisdiction jurisdiction = choice(fields, "jurisdiction", Jurisdiction.values(), Jurisdiction.US);
      double target = fields.number("abandonRateTargetPercent", 0, 100,
          Math.min(Campaign.DEFAULT_ABANDON_RATE_TARGET, jurisdiction.abandonCapPercent()));
      if (target > jurisdiction.abandonCapPercent()) {
        throw new BadField("abandonRateTargetPercent", "must be at most " + jurisdiction.abandonCapPercent()
            + " %, the " + jurisdiction.slug() + " cap");
      }
      Campaign campaign = new Campaign(CampaignId.of(id), fields.text("name", 128, id), mode, QueueId.of(queue),
          target, window(fields, jurisdiction), fields.integer("maxAttempts", 1, MAX_ATTEMPTS,
          Campaign.DEFAULT_MAX_ATTEMPTS));
      double ratio = fields.number("dialRatio", 1.0, 10.0, 1.0);
      if (mode != DialMode.POWER && ratio != 1.0) {
        throw new BadField("dialRatio", "must be 1 unless mode is power: only power campaigns dial a fixed ratio");
      }
      MachineAction machine = choice(fields, "machine", MachineAction.values(), MachineAction.HANGUP);
      Optional<String> message = Optional.ofNullable(fields.text("machineMessage", 256, null));
      if (machine == MachineAction.MESSAGE && message.isEmpty()) {
        throw new BadField("machineMessage", "required when machine is message: the sound file left on the machine");
      }
      String region = fields.text("defaultRegion", 2, jurisdiction == Jurisdiction.UK ? "GB" : jurisdiction.name());
      if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
        throw new BadField("defaultRegion", "must be an ISO 3166 region libphonenumber knows, e.g. US or GB");
      }
      CampaignSettings settings = new CampaignSettings(campaign, CampaignState.DRAFT, jurisdiction, ratio,
          Duration.ofSeconds(fields.integer("ringTimeoutSeconds", 15, 120, 25)), machine, message,
          Optional.ofNullable(fields.text("safeHarbourMessage", 256, null)), holidays(fields.array("holidays")),
          callerIds(fields.array("callerIds"), region), region, broadcast(fields, mode, machine));
      return new Valid(new CampaignDefinition(settings, rules(fields.array("recycleRules"))));
    } catch (BadField bad) {
      return new Invalid(bad.field, bad.getMessage());
    }
  }

  /**
   * An agentless campaign's {@code broadcastMessage} and {@code lines} (both required) and {@code optOutDigit}
   * ({@code 9} unless given); machines are hung up on or left a message, never given to an agent. Other modes have
   * agents to talk, and none of these fields.
   */
  private static Optional<Broadcast> broadcast(JsonFields fields, DialMode mode, MachineAction machine) {
    if (mode != DialMode.AGENTLESS) {
      for (String field : List.of("broadcastMessage", "lines", "optOutDigit")) {
        if (fields.has(field)) {
          throw new BadField(field, "only for an agentless campaign (mode agentless)");
        }
      }
      return Optional.empty();
    }
    if (machine == MachineAction.AGENT) {
      throw new BadField("machine", "must be hangup or message in an agentless campaign: it has no agent");
    }
    String message = fields.text("broadcastMessage", 256, null);
    if (message == null || message.isBlank()) {
      throw new BadField("broadcastMessage", "required for an agentless campaign: the sound file a live answer hears");
    }
    if (!fields.has("lines")) {
      throw new BadField("lines", "required for an agentless campaign: the most calls in flight at once, "
          + Broadcast.MIN_LINES + " to " + Broadcast.MAX_LINES);
    }
    int lines = fields.integer("lines", Broadcast.MIN_LINES, Broadcast.MAX_LINES, Broadcast.MIN_LINES);
    String digit = fields.text("optOutDigit", 1, String.valueOf(Broadcast.DEFAULT_OPT_OUT));
    if (digit.length() != 1 || digit.charAt(0) < '0' || digit.charAt(0) > '9') {
      throw new BadField("optOutDigit", "must be one digit, 0-9: the key that takes the number off the list");
    }
    return Optional.of(new Broadcast(message, lines, digit.charAt(0)));
  }

  private static <E extends Enum<E>> E choice(JsonFields fields, String name, E[] values, E absent) {
    String given = fields.text(name, 32, null);
    if (given == null && absent != null) {
      return absent;
    }
    String names = Arrays.stream(values).map(CampaignRequest::slug).collect(Collectors.joining(", "));
    if (given == null) {
      throw new BadField(name, "required: one of " + names);
    }
    for (E value : values) {
      if (slug(value).equals(given.toLowerCase(Locale.ROOT))) {
        return value;
      }
    }
    throw new BadField(name, "unknown " + name + " '" + given + "'; one of " + names);
  }

  private static CallingWindow window(JsonFields fields, Jurisdiction jurisdiction) {
    CallingWindow widest = jurisdiction.widestWindow();
    JsonFields window = new JsonFields(fields.object("callingWindow"), "callingWindow", WINDOW_FIELDS);
    LocalTime opens = time(window, "opens", widest.opens());
    LocalTime closes = time(window, "closes", widest.closes());
    if (!closes.isAfter(opens)) {
      throw new BadField("callingWindow.closes", "must be after opens (" + opens + ")");
    }
    if (opens.isBefore(widest.opens())) {
      throw new BadField("callingWindow.opens", "must not be before " + widest.opens() + ", the "
          + jurisdiction.slug() + " rules' earliest");
    }
    if (closes.isAfter(widest.closes())) {
      throw new BadField("callingWindow.closes", "must not be after " + widest.closes() + ", the "
          + jurisdiction.slug() + " rules' latest");
    }
    return new CallingWindow(opens, closes);
  }

  private static LocalTime time(JsonFields window, String name, LocalTime absent) {
    String text = window.text(name, 8, null);
    if (text == null) {
      return absent;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadField(window.at(name), "must be a time of day, HH:MM");
    }
  }

  private static Set<LocalDate> holidays(JsonArray list) {
    Set<LocalDate> days = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        days.add(LocalDate.parse((String) list.getValue(i)));
      } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
        throw new BadField("holidays[" + i + "]", "must be an ISO date, e.g. 2026-12-25");
      }
    }
    return days;
  }

  private static List<PhoneNumber> callerIds(JsonArray list, String region) {
    Set<PhoneNumber> numbers = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "callerIds[" + i + "]";
      if (!(list.getValue(i) instanceof String text)) {
        throw new BadField(at, "must be a phone number");
      }
      try {
        if (!numbers.add(PhoneNumber.parse(text, region, at))) {
          throw new BadField(at, "names a number a second time");
        }
      } catch (IllegalArgumentException e) {
        throw new BadField(at, "must be a possible phone number, E.164 or national for " + region);
      }
    }
    return List.copyOf(numbers);
  }

  private static List<RecycleRule> rules(JsonArray list) {
    List<RecycleRule> rules = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonFields rule = JsonFields.element(list, i, "recycleRules[" + i + "]", RULE_FIELDS);
      String key = ruleKey(rule);
      if (!seen.add(key)) {
        throw new BadField(rule.at(rule.has("result") ? "result" : "disposition"), "has a rule already: '" + key + "'");
      }
      if (!rule.has("retryAfterSeconds")) {
        throw new BadField(rule.at("retryAfterSeconds"), "required: seconds before the lead is due again");
      }
      rules.add(new RecycleRule(key, Duration.ofSeconds(rule.integer("retryAfterSeconds", 0, MAX_RETRY_SECONDS, 0)),
          rule.integer("maxAttempts", 1, MAX_ATTEMPTS, Campaign.DEFAULT_MAX_ATTEMPTS)));
    }
    return rules;
  }

  /** A rule is keyed by a dial result ({@code result}) or by an agent's disposition ({@code disposition}). */
  private static String ruleKey(JsonFields rule) {
    String result = rule.text("result", 32, null);
    String disposition = rule.text("disposition", 32, null);
    if ((result == null) == (disposition == null)) {
      throw new BadField(rule.at("result"), "give exactly one of result (a dial result) or disposition");
    }
    if (result != null) {
      if (!RecycleRules.DIAL_RESULTS.contains(result)) {
        throw new BadField(rule.at("result"), "unknown result '" + result + "'; one of "
            + String.join(", ", RecycleRules.DIAL_RESULTS));
      }
      return result;
    }
    if (!disposition.matches(SLUG) || RecycleRules.DIAL_RESULTS.contains(disposition)
        || disposition.equals("connected")) {
      throw new BadField(rule.at("disposition"), "must be a lower-case slug (letters, digits, '-') that is not a"
          + " dial result");
    }
    return disposition;
  }
}
