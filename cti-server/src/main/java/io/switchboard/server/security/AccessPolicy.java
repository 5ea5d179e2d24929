package io.switchboard.server.security;

import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call which route: one table, read top to bottom, the first row whose method and path match wins. A route
 * no row matches is {@link Rule#ADMIN}. Paths are written like the router's ({@code /api/v1/agents/:id/state}); a
 * trailing {@code *} matches the rest. A {@code socket} row is a WebSocket: the upgrade passes without a header and
 * the socket checks its first frame against the row's rule ({@link SocketAuth}).
 */
public final class AccessPolicy {

  /** One row of the table. */
  public record Row(HttpMethod method, String path, Rule rule, boolean socket, Pattern pattern, List<String> names) {}

  /** The row a request matched and its path parameters. */
  public record Match(Row row, Map<String, String> params) {

    public Rule rule() {
      return row.rule();
    }
  }

  private final List<Row> rows = new ArrayList<>();

  /** The table of every route a node serves. */
  public static AccessPolicy standard() {
    AccessPolicy p = new AccessPolicy();
    p.allow(HttpMethod.GET, "/health/live", Rule.PUBLIC);
    p.allow(HttpMethod.GET, "/health/ready", Rule.PUBLIC);
    p.allow(HttpMethod.GET, "/", Rule.PUBLIC);
    p.allow(HttpMethod.GET, "/app/*", Rule.PUBLIC);
    p.allow(HttpMethod.GET, "/api/openapi.yaml", Rule.PUBLIC);
    p.allow(HttpMethod.POST, "/api/v1/sessions", Rule.PUBLIC);
    p.allow(HttpMethod.GET, "/api/v1/sessions/current", Rule.SIGNED_IN);
    p.socket("/api/v1/agents/:id/events", Rule.AGENT_SELF);
    p.socket("/api/v1/kpis/stream", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/agents/:id", Rule.AGENT_SELF);
    p.allow(HttpMethod.GET, "/api/v1/agents/:id/state", Rule.AGENT_SELF);
    p.allow(HttpMethod.POST, "/api/v1/agents/:id/state", Rule.AGENT_SELF);
    p.allow(HttpMethod.GET, "/api/v1/agents/:id/session", Rule.AGENT_SELF);
    p.allow(HttpMethod.POST, "/api/v1/agents/:id/session", Rule.AGENT_SELF);
    p.allow(HttpMethod.DELETE, "/api/v1/agents/:id/session", Rule.AGENT_SELF);
    p.allow(HttpMethod.GET, "/api/v1/agents/:id/pop", Rule.AGENT_SELF);
    p.allow(HttpMethod.POST, "/api/v1/agents/:id/wrap-up", Rule.AGENT_SELF);
    p.allow(HttpMethod.GET, "/api/v1/agents/:id/preview", Rule.AGENT_SELF);
    p.allow(HttpMethod.POST, "/api/v1/agents/:id/preview/dial", Rule.AGENT_SELF);
    p.allow(HttpMethod.POST, "/api/v1/agents/:id/preview/skip", Rule.AGENT_SELF);
    p.allow(HttpMethod.GET, "/api/v1/agents/:id/crm-users", Rule.AGENT_SELF);
    p.allow(HttpMethod.GET, "/api/v1/agents/:id/kpis", Rule.AGENT_SELF);
    p.allow(HttpMethod.GET, "/api/v1/queues", Rule.SIGNED_IN);
    p.allow(HttpMethod.GET, "/api/v1/queues/:id", Rule.SIGNED_IN);
    p.allow(HttpMethod.GET, "/status", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/agents", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/kpis", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/queues/:id/kpis", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/tasks", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/calls/:id", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/queue-log", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/campaigns", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/campaigns/*", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/dial-audit", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/crm/outbox", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/staffing/*", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/metrics", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/dnc/:phone", Rule.SUPERVISOR);
    p.allow(HttpMethod.POST, "/api/v1/campaigns/:id/start", Rule.SUPERVISOR);
    p.allow(HttpMethod.POST, "/api/v1/campaigns/:id/pause", Rule.SUPERVISOR);
    p.allow(HttpMethod.POST, "/api/v1/campaigns/:id/complete", Rule.SUPERVISOR);
    p.allow(HttpMethod.POST, "/api/v1/campaigns/:id/leads/:leadId/disposition", Rule.SUPERVISOR);
    p.allow(HttpMethod.PUT, "/api/v1/agents/:id/crm-users", Rule.AGENT_ITSELF);
    p.allow(HttpMethod.POST, "/api/v1/calls", Rule.BODY_AGENT);
    p.allow(HttpMethod.POST, "/api/v1/calls/:id/*", Rule.OWN_CALL);
    admin(p, HttpMethod.POST, "/api/v1/agents", "/api/v1/queues", "/api/v1/campaigns", "/api/v1/campaigns/:id/lists",
        "/api/v1/campaigns/:id/leads", "/api/v1/campaigns/:id/leads/import", "/api/v1/dnc", "/api/v1/dnc/import",
        "/api/v1/tokens");
    admin(p, HttpMethod.PUT, "/api/v1/queues/:id", "/api/v1/campaigns/:id", "/api/v1/campaigns/:id/lists/:listId",
        "/api/v1/users/:username");
    admin(p, HttpMethod.DELETE, "/api/v1/queues/:id", "/api/v1/campaigns/:id", "/api/v1/campaigns/:id/lists/:listId",
        "/api/v1/dnc/:phone", "/api/v1/users/:username", "/api/v1/tokens/:id");
    admin(p, HttpMethod.GET, "/api/v1/imports/:jobId", "/api/v1/users", "/api/v1/users/:username", "/api/v1/tokens",
        "/api/v1/audit");
    p.allow(HttpMethod.POST, "/api/v1/agents/:id/monitor", Rule.AGENT_SELF);
    p.allow(HttpMethod.GET, "/api/v1/monitors", Rule.SUPERVISOR);
    p.allow(HttpMethod.DELETE, "/api/v1/monitors/:id", Rule.SUPERVISOR);
    p.socket("/api/v1/wallboard/stream", Rule.SUPERVISOR);
    p.allow(HttpMethod.GET, "/api/v1/kpis/history", Rule.SUPERVISOR);
    p.allow(HttpMethod.POST, "/api/v1/agents/:id/calls", Rule.AGENT_SELF);
    p.allow(HttpMethod.GET, "/api/v1/agents/:id/desk", Rule.AGENT_SELF);
    p.allow(HttpMethod.POST, "/api/v1/agents/:id/call/*", Rule.AGENT_SELF);
    p.allow(HttpMethod.POST, "/api/v1/agents/:id/callback", Rule.AGENT_SELF);
    return p;
  }

  /** Rows that say out loud what the default would be anyway: these routes are for admins. */
  private static void admin(AccessPolicy p, HttpMethod method, String... paths) {
    for (String path : paths) {
      p.allow(method, path, Rule.ADMIN);
    }
  }

  /** Adds a row for plain HTTP requests. */
  public AccessPolicy allow(HttpMethod method, String path, Rule rule) {
    return add(method, path, rule, false);
  }

  /** Adds a row for a WebSocket at {@code path}. */
  public AccessPolicy socket(String path, Rule rule) {
    return add(HttpMethod.GET, path, rule, true);
  }

  /** The rows, in order. */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The row {@code method} {@code path} matches, if any (none means admin-only). */
  public Optional<Match> match(HttpMethod method, String path) {
    for (Row row : rows) {
      if (!row.method().equals(method)) {
        continue;
      }
      Matcher m = row.pattern().matcher(path);
      if (m.matches()) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < row.names().size(); i++) {
          params.put(row.names().get(i), m.group(i + 1));
        }
        return Optional.of(new Match(row, params));
      }
    }
    return Optional.empty();
  }

  private AccessPolicy add(HttpMethod method, String path, Rule rule, boolean socket) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    String[] parts = path.split("/", -1);
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      regex.append('/');
      if (part.startsWith(":")) {
        names.add(part.substring(1));
        regex.append("([^/]+)");
      } else if (part.equals("*")) {
        regex.append(".*");
      } else {
        regex.append(Pattern.quote(part));
      }
    }
    rows.add(new Row(method, path, rule, socket, Pattern.compile(regex.toString()), List.copyOf(names)));
    return this;
  }
}
