package io.switchboard.server.crm;

import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.retry.RetryPolicy;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What becomes of a claimed outbox row after the CRM answered: a pure function of the answer, the attempts made
 * (this one included) and the retry policy, so the schedule is tested without a database.
 */
sealed interface OutboxStep permits OutboxStep.Logged, OutboxStep.Retry, OutboxStep.Failed {

  /** Longest error text kept in {@code crm_outbox.last_error}. */
  int MAX_ERROR = 500;

  /** A run of digits long enough to be a phone number, with an optional leading {@code +}. */
  Pattern DIGITS = Pattern.compile("\\+?\\d{7,}");

  /** The CRM stored the log as {@code recordId}. */
  record Logged(String recordId) implements OutboxStep {
  }

  /** The CRM refused or did not answer; try again at {@code at}. */
  record Retry(Instant at, String error) implements OutboxStep {
  }

  /** The CRM refused for good, or the attempts ran out. */
  record Failed(String error) implements OutboxStep {
  }

  /**
   * The step after {@code answer}: {@code Logged} is final; a retryable refusal is tried again after the policy's
   * delay until its attempts run out; a non-retryable one fails at once.
   *
   * @param attempts attempts made so far, this one included; at least 1
   */
  static OutboxStep after(CrmLogResult answer, int attempts, RetryPolicy policy, Instant now) {
    if (answer instanceof CrmLogResult.Logged logged) {
      return new Logged(logged.recordId());
    }
    CrmLogResult.NotLogged refused = (CrmLogResult.NotLogged) answer;
    String error = error(refused.errorId(), refused.message());
    if (!refused.retryable()) {
      return new Failed(error);
    }
    Optional<Instant> next = policy.nextDelay(attempts).map(now::plus);
    return next.<OutboxStep>map(at -> new Retry(at, error))
        .orElseGet(() -> new Failed(error + " (gave up after " + attempts + " attempts)"));
  }

  /**
   * {@code errorId: message}, cut to {@link #MAX_ERROR} characters, with every run of seven or more digits (a
   * phone number a CRM quoted back) starred but its last two digits.
   */
  static String error(String errorId, String message) {
    String text = DIGITS.matcher(errorId + ": " + message)
        .replaceAll(run -> "*".repeat(run.group().length() - 2) + run.group().substring(run.group().length() - 2));
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
  }
}
