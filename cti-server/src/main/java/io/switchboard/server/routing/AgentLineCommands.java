package io.switchboard.server.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.vertx.core.Future;
import java.util.Optional;

/** What the API asks of nailed-up agents' lines: see {@link NailedAgents}, whose methods these are. */
public interface AgentLineCommands {

  /** The agent's open line: {@code {agentId, open, pbx?, legId?}}. */
  Future<CommandOutcome> line(AgentId agent);

  /** Rings the agent's device into a session on a PBX ({@code requestedPbx}, else the one that fits). */
  Future<CommandOutcome> openLine(AgentId agent, Optional<String> requestedPbx);

  /** Hangs the agent's open line up. */
  Future<CommandOutcome> closeLine(AgentId agent);

  /** Calls {@code to} for the agent, who must be available on an open line. */
  Future<CommandOutcome> dial(AgentId agent, PhoneNumber to, Optional<PhoneNumber> callerId);
}
