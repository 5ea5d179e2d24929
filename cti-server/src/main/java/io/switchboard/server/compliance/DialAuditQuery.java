package io.switchboard.server.compliance;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CampaignId;
import java.time.Instant;
import java.util.Optional;

/**
 * Which {@code dial_audit} rows an operator asks for: of one number, one campaign, or both, between two instants.
 *
 * @param from  the earliest decision, inclusive
 * @param to    the latest decision, exclusive
 * @param limit the most rows returned, newest first
 */
public record DialAuditQuery(Optional<PhoneNumber> phone, Optional<CampaignId> campaign, Optional<Instant> from,
    Optional<Instant> to, int limit) {

  /** Rows one request returns unless it asks for fewer. */
  public static final int DEFAULT_LIMIT = 100;
  /** The most rows one request may ask for. */
  public static final int MAX_LIMIT = 500;
}
