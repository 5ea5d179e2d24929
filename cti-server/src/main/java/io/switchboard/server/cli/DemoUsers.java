package io.switchboard.server.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may sign in to the demo's pages: a user per demo agent (username = agent id) and one supervisor of the demo
 * team, each with a fresh random password per start, created through the API ({@code PUT /api/v1/users/...}; a
 * second start on the same data directory replaces the passwords). Printed once, in the banner; never logged.
 */
final class DemoUsers {

  /** The demo supervisor's username. */
  static final String SUPERVISOR = "supervisor";
  /** The team every demo agent is in and the supervisor supervises. */
  static final String TEAM = "demo";

  private DemoUsers() {
  }

  /** Creates the users; answers username to password, agents first in floor order, the supervisor last. */
  static Map<String, String> create(DemoApi api) throws IOException, InterruptedException {
    SecureRandom random = new SecureRandom();
    Map<String, String> logins = new LinkedHashMap<>();
    JsonArray teams = new JsonArray().add(TEAM);
    for (DemoFloor.DemoAgent agent : DemoFloor.AGENTS) {
      String password = password(random);
      api.send("PUT", "/api/v1/users/" + agent.id(), new JsonObject().put("role", "agent").put("agentId", agent.id())
          .put("teams", teams).put("password", password).encode(), 200, 201);
      logins.put(agent.id(), password);
    }
    String password = password(random);
    api.send("PUT", "/api/v1/users/" + SUPERVISOR, new JsonObject().put("role", "supervisor").put("teams", teams)
        .put("password", password).encode(), 200, 201);
    logins.put(SUPERVISOR, password);
    return logins;
  }

  /** 12 random bytes as 16 base64url characters. */
  static String password(SecureRandom random) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
