package io.switchboard.server.routing;

import io.vertx.core.json.JsonObject;

/** What an agent-line or outbound-call request did, for the API to answer. */
public sealed interface CommandOutcome permits CommandOutcome.Accepted, CommandOutcome.Refused {

  /** The PBX took the command; {@code body} describes what was started. */
  record Accepted(JsonObject body) implements CommandOutcome {
  }

  /**
   * Nothing was done.
   *
   * @param status  the HTTP status that fits: 404 unknown agent, 409 the agent's state forbids it, 502 the PBX
   *                refused
   * @param errorId a stable slug
   */
  record Refused(int status, String errorId, String message) implements CommandOutcome {
  }
}
