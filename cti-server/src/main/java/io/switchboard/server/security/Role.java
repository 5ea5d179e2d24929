package io.switchboard.server.security;

import java.util.Locale;
import java.util.Optional;

/** What a signed-in caller may do, from least to most. In JSON and the database: lowercase. */
public enum Role {
  /** Acts on their own agent only: state, session, pops, wrap-ups, preview leads, their calls. */
  AGENT,
  /** Reads everything operational and acts on the agents of the teams they supervise. */
  SUPERVISOR,
  /** Changes configuration: queues, agents, campaigns, imports, users, tokens; acts on everyone. */
  ADMIN;

  /** The JSON and database spelling. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role spelt {@code text}, if it is one. */
  public static Optional<Role> parse(String text) {
    for (Role role : values()) {
      if (role.wire().equals(text)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
