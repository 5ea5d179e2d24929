package io.switchboard.server.crm;

import java.time.Duration;
import java.util.Optional;

/**
 * The outbox at a glance, for {@code /status}.
 *
 * @param pending          rows waiting to be sent, plus logs not yet written to the database
 * @param oldestPendingAge how long the oldest pending row has waited, if any
 * @param failed           rows the CRM refused for good
 */
public record OutboxCounts(long pending, Optional<Duration> oldestPendingAge, long failed) {
}
