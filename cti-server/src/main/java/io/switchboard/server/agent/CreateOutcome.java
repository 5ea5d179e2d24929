package io.switchboard.server.agent;

/** What creating an agent came to. Business outcomes are values; only broken infrastructure fails the future. */
public sealed interface CreateOutcome {

  /** The agent was stored. */
  record Created(Agent agent) implements CreateOutcome {}

  /** An agent with this id already exists; nothing was changed. */
  record AlreadyExists(String id) implements CreateOutcome {}
}
