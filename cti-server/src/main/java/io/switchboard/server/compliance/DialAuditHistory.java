package io.switchboard.server.compliance;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

/** The recorded dial decisions, for {@code GET /api/v1/dial-audit}. */
public interface DialAuditHistory {

  /** The rows that match, newest first, as the API shows them (the number in full: the operator asked for it). */
  Future<JsonArray> find(DialAuditQuery query);
}
