package io.switchboard.server.campaign;

import io.switchboard.queue.dialer.DialResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What becomes of a lead after a dial or a disposition: retried later, exhausted, failed or completed, from the
 * campaign's recycle rules, or from {@link #defaults} when the campaign has none. Pure: the caller passes the
 * time.
 *
 * <p>app_queue has no lists to recycle; mod_callcenter neither. The defaults follow what VICIdial's and
 * Genesys' list recycling ship with: a busy line is tried again soon, an unanswered one later, a machine after
 * some hours; an abandoned call is not redialled for 72 hours (the FTC and Ofcom rule); a failed number is
 * not retried.
 */
public final class RecycleRules {

  /**
   * The results a rule may be keyed by besides an agent's disposition: every {@link DialResult} but a connect and
   * an opt-out (whose lead is on the DNC list for good).
   */
  public static final List<String> DIAL_RESULTS = java.util.Arrays.stream(DialResult.values())
      .filter(result -> result != DialResult.CONNECTED && result != DialResult.OPTED_OUT).map(DialResult::slug)
      .toList();

  /** No redial within 72 hours of an abandoned call (FTC TSR, Ofcom). */
  public static final Duration ABANDON_REST = Duration.ofHours(72);

  /** What happens to the lead next. */
  public sealed interface Next {}

  /** Due again at {@code at}, in state {@code scheduled}. */
  public record Retry(Instant at) implements Next {}

  /** Ends in {@code state}: exhausted, failed or completed. */
  public record Done(LeadState state) implements Next {}

  private final Map<String, RecycleRule> rules;

  private RecycleRules(List<RecycleRule> rules) {
    this.rules = rules.stream().collect(Collectors.toUnmodifiableMap(RecycleRule::result, Function.identity()));
  }

  /** The campaign's own rules, or {@link #defaults} when it has none. */
  public static RecycleRules of(List<RecycleRule> campaignRules, int campaignMaxAttempts) {
    return new RecycleRules(campaignRules.isEmpty() ? defaults(campaignMaxAttempts) : campaignRules);
  }

  /**
   * The rules of a campaign that set none: busy after 10 minutes, no-answer after an hour, machine (either way)
   * after 4 hours, abandoned after 72 hours, each up to the campaign's max attempts; failed: never again.
   */
  public static List<RecycleRule> defaults(int maxAttempts) {
    return List.of(new RecycleRule("busy", Duration.ofMinutes(10), maxAttempts),
        new RecycleRule("no-answer", Duration.ofHours(1), maxAttempts),
        new RecycleRule("machine", Duration.ofHours(4), maxAttempts),
        new RecycleRule("machine-message", Duration.ofHours(4), maxAttempts),
        new RecycleRule("abandoned", ABANDON_REST, maxAttempts));
  }

  /** The rule for {@code result}, if any. */
  public Optional<RecycleRule> rule(String result) {
    return Optional.ofNullable(rules.get(result));
  }

  /**
   * After a dial that ended with {@code result} ({@code CONNECTED} is the disposition's business, see
   * {@link #afterDisposition}), the lead having now been dialled {@code attempts} times. An abandoned lead is
   * never due again within {@link #ABANDON_REST}, whatever its rule says. A result without a rule ends the
   * lead: failed for {@code FAILED}, completed for {@code BROADCAST} (the message was heard), exhausted otherwise.
   * {@code OPTED_OUT} always ends it as {@code dnc}.
   */
  public Next afterDial(DialResult result, int attempts, Instant at) {
    if (result == DialResult.OPTED_OUT) {
      return new Done(LeadState.DNC);
    }
    Optional<RecycleRule> rule = rule(result.slug());
    if (rule.isEmpty()) {
      return new Done(result == DialResult.FAILED ? LeadState.FAILED
          : result == DialResult.BROADCAST ? LeadState.COMPLETED : LeadState.EXHAUSTED);
    }
    Duration rest = result == DialResult.ABANDONED && rule.get().retryAfter().compareTo(ABANDON_REST) < 0
        ? ABANDON_REST : rule.get().retryAfter();
    return attempts < rule.get().maxAttempts() ? new Retry(at.plus(rest)) : new Done(LeadState.EXHAUSTED);
  }

  /**
   * After an agent's {@code disposition} of a connected lead dialled {@code attempts} times: retried by the rule
   * keyed by the disposition while attempts remain, else completed (exhausted once its rule's attempts are used).
   */
  public Next afterDisposition(String disposition, int attempts, Instant at) {
    Optional<RecycleRule> rule = rule(disposition);
    if (rule.isEmpty()) {
      return new Done(LeadState.COMPLETED);
    }
    return attempts < rule.get().maxAttempts() ? new Retry(at.plus(rule.get().retryAfter()))
        : new Done(LeadState.EXHAUSTED);
  }
}
