package io.switchboard.server.campaign;

import java.util.Locale;

/** A lead's place in its lifecycle ({@code leads.state}); docs/dialer.md, "Lead states", is the table. */
public enum LeadState {

  /** Imported or added, never dialled. */
  NEW,
  /** Due again at {@code next_attempt_at}: a recycle rule retries it, or the gate deferred it. */
  SCHEDULED,
  /** An agent scheduled a callback at {@code next_attempt_at}, for {@code callback_agent_id} when set. */
  CALLBACK,
  /** Claimed by a dialer ({@code take}) until it is released, its call ends or, after a connect, disposed. */
  DIALING,
  /** An agent's disposition closed it. */
  COMPLETED,
  /** No attempts left for its last result. */
  EXHAUSTED,
  /** The number cannot be dialled (the network rejected it, or the gate skipped it for good). */
  FAILED,
  /** On a do-not-call list, or the callee opted out. */
  DNC;

  /** The value stored in {@code leads.state} and shown by the API, e.g. {@code new}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state stored as {@code slug}. */
  public static LeadState ofSlug(String slug) {
    return valueOf(slug.toUpperCase(Locale.ROOT));
  }
}
