package io.switchboard.server.crm;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the outbox as the API lists it: no call log body (it holds the customer's number in full).
 *
 * @param lastError what the CRM last answered, if it refused; never a phone number in full or a secret
 * @param recordId  the CRM's record once logged
 */
public record OutboxRow(long id, String connector, String idempotencyKey, String call, OutboxState state,
    int attempts, Instant nextAttemptAt, Optional<String> lastError, Optional<String> recordId, Instant createdAt,
    Optional<Instant> loggedAt) {
}
