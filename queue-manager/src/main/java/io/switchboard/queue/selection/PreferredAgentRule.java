package io.switchboard.queue.selection;

import io.switchboard.core.Require;

import java.time.Duration;

/**
 * Whom a queue's callers are first offered to, and for how long, before the queue's strategy applies.
 *
 * @param lastAgent    whether a caller goes first to the agent who last spoke to them (within the server's
 *                     retention), if that agent is offerable; otherwise the caller waits for them
 * @param timeout      how long after the caller entered the queue the preference holds; positive
 * @param accountOwner whether a caller goes first to the owner of their CRM record (the CRMs' lookup, mapped to an
 *                     agent through the agents' CRM user ids); it comes before the last agent when both are on
 * @param ownerWait    how long a call's first decision waits for the CRMs' answer; a later answer is dropped
 */
public record PreferredAgentRule(boolean lastAgent, Duration timeout, boolean accountOwner, Duration ownerWait) {

    /** How long a preference holds when the queue's configuration names none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** How long the first decision waits for the CRMs when the queue's configuration names no wait. */
    public static final Duration DEFAULT_OWNER_WAIT = Duration.ofMillis(1000);

    /** No preference: the queue's strategy applies from the start. */
    public static final PreferredAgentRule OFF = new PreferredAgentRule(false, DEFAULT_TIMEOUT);

    public PreferredAgentRule {
        Require.positive(timeout, "timeout");
        Require.positive(ownerWait, "ownerWait");
    }

    /** The caller's last agent only (or nobody), without asking the CRMs. */
    public PreferredAgentRule(boolean lastAgent, Duration timeout) {
        this(lastAgent, timeout, false, DEFAULT_OWNER_WAIT);
    }

    /** The owner of the caller's CRM record, waited for at most {@code ownerWait}, preferred for {@code timeout}. */
    public static PreferredAgentRule accountOwner(Duration timeout, Duration ownerWait) {
        return new PreferredAgentRule(false, timeout, true, ownerWait);
    }

    /** Whether a new call asks anyone for a preference. */
    public boolean asksAnyone() {
        return lastAgent || accountOwner;
    }
}
