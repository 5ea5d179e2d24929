package io.switchboard.server.security;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code admin_audit}: who changed what, when, and how it ended. {@code path} and {@code detail} are
 * already redacted ({@link AuditRedaction}).
 *
 * @param actor the caller's subject: a username, or {@code admin-token}
 * @param role the caller's role, lowercase
 * @param targetId the route's {@code {id}}-like parameter, masked; null when the route has none
 * @param status the HTTP status the request was answered with
 * @param detail the redacted request body, or null
 */
public record AuditEntry(Instant at, String actor, String role, String method, String path, String targetId,
    int status, String detail) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }

  /** The entry as the audit route answers it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("at", at.toString()).put("actor", actor).put("role", role)
        .put("method", method).put("path", path).put("status", status);
    if (targetId != null) {
      json.put("targetId", targetId);
    }
    if (detail != null) {
      json.put("detail", detail);
    }
    return json;
  }
}
