package io.switchboard.server.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.security.AccessPolicy;
import io.switchboard.server.security.Caller;
import io.switchboard.server.security.Role;
import io.switchboard.server.security.Rule;
import io.switchboard.server.security.TeamDirectory;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The desk's routes in the access policy: the agent, their team's supervisor and admins; nobody else. */
class DeskAccessTest {

  private final AccessPolicy policy = AccessPolicy.standard();
  private final TeamDirectory teams = agent -> agent.equals("ana") ? Set.of("north") : Set.of("south");
  private final Caller ana = new Caller("ana", Role.AGENT, Optional.of("ana"), Set.of("north"));
  private final Caller bob = new Caller("bob", Role.AGENT, Optional.of("bob"), Set.of("south"));
  private final Caller north = new Caller("sue", Role.SUPERVISOR, Optional.empty(), Set.of("north"));
  private final Caller south = new Caller("sam", Role.SUPERVISOR, Optional.empty(), Set.of("south"));

  private static final List<String> POSTS = List.of("/api/v1/agents/ana/call/hold", "/api/v1/agents/ana/call/unhold",
      "/api/v1/agents/ana/call/recording/pause", "/api/v1/agents/ana/call/recording/resume",
      "/api/v1/agents/ana/call/transfer", "/api/v1/agents/ana/callback");

  private boolean allows(Caller caller, HttpMethod method, String path) {
    Optional<AccessPolicy.Match> match = policy.match(method, path);
    Rule rule = match.map(AccessPolicy.Match::rule).orElse(Rule.ADMIN);
    return rule.allows(caller, match.map(AccessPolicy.Match::params).orElse(Map.of()), teams);
  }

  @Test
  void every_desk_route_is_the_agents_own_their_supervisors_and_admins() {
    for (String path : POSTS) {
      assertThat(policy.match(HttpMethod.POST, path)).as(path).hasValueSatisfying(m -> {
        assertThat(m.rule()).isEqualTo(Rule.AGENT_SELF);
        assertThat(m.params()).containsEntry("id", "ana");
      });
      assertThat(allows(ana, HttpMethod.POST, path)).as("ana on " + path).isTrue();
      assertThat(allows(north, HttpMethod.POST, path)).as("ana's supervisor on " + path).isTrue();
      assertThat(allows(Caller.adminToken(), HttpMethod.POST, path)).as("admin on " + path).isTrue();
      assertThat(allows(bob, HttpMethod.POST, path)).as("another agent on " + path).isFalse();
      assertThat(allows(south, HttpMethod.POST, path)).as("another team's supervisor on " + path).isFalse();
    }
    assertThat(allows(ana, HttpMethod.GET, "/api/v1/agents/ana/desk")).isTrue();
    assertThat(allows(bob, HttpMethod.GET, "/api/v1/agents/ana/desk")).isFalse();
    assertThat(allows(ana, HttpMethod.GET, "/api/v1/agents/ana/call/hold")).as("only POST is opened").isFalse();
  }
}
