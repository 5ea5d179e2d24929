package io.switchboard.server.campaign;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A lead {@code POST /api/v1/campaigns/{id}/leads} adds, checked; {@code path} is its JSON path ({@code [2]}),
 * named in a refusal the store finds (an unknown list, a number already in the campaign).
 */
record NewLead(String path, PhoneNumber phone, Optional<String> list, int priority, Optional<ZoneId> timeZone,
    Optional<String> region, Optional<String> postcode, Optional<String> externalRef, Map<String, String> attributes) {

  NewLead {
    Require.nonNull(path, "path");
    Require.nonNull(phone, "phone");
    attributes = Map.copyOf(attributes);
  }
}
