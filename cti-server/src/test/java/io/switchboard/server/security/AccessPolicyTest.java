package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private final AccessPolicy policy = AccessPolicy.standard();
  private final TeamDirectory teams = agent -> agent.equals("ana") ? Set.of("north") : Set.of("south");
  private final Caller ana = new Caller("ana", Role.AGENT, Optional.of("ana"), Set.of("north"));
  private final Caller northSupervisor = new Caller("sue", Role.SUPERVISOR, Optional.empty(), Set.of("north"));

  private boolean allows(Caller caller, HttpMethod method, String path) {
    Optional<AccessPolicy.Match> match = policy.match(method, path);
    Rule rule = match.map(AccessPolicy.Match::rule).orElse(Rule.ADMIN);
    return rule.allows(caller, match.map(AccessPolicy.Match::params).orElse(Map.of()), teams);
  }

  @Test
  void an_agent_acts_on_their_own_state_but_not_on_another_agents() {
    assertThat(allows(ana, HttpMethod.POST, "/api/v1/agents/ana/state")).isTrue();
    assertThat(allows(ana, HttpMethod.POST, "/api/v1/agents/bob/state")).isFalse();
  }

  @Test
  void a_supervisor_acts_on_the_agents_of_their_teams_only() {
    assertThat(allows(northSupervisor, HttpMethod.POST, "/api/v1/agents/ana/state")).isTrue();
    assertThat(allows(northSupervisor, HttpMethod.POST, "/api/v1/agents/bob/state")).isFalse();
  }

  @Test
  void a_route_the_table_does_not_list_is_for_admins() {
    assertThat(policy.match(HttpMethod.POST, "/api/v1/not-yet-listed")).isEmpty();
    assertThat(allows(northSupervisor, HttpMethod.POST, "/api/v1/not-yet-listed")).isFalse();
    assertThat(allows(Caller.adminToken(), HttpMethod.POST, "/api/v1/not-yet-listed")).isTrue();
    assertThat(allows(northSupervisor, HttpMethod.POST, "/api/v1/queues")).isFalse();
  }

  @Test
  void path_parameters_match_one_segment_and_stars_the_rest() {
    assertThat(policy.match(HttpMethod.GET, "/api/v1/agents/ana/state").orElseThrow().params())
        .containsEntry("id", "ana");
    assertThat(policy.match(HttpMethod.GET, "/api/v1/agents/ana/x/state")).isEmpty();
    assertThat(policy.match(HttpMethod.GET, "/app/desktop/index.html").orElseThrow().rule()).isEqualTo(Rule.PUBLIC);
    assertThat(policy.match(HttpMethod.GET, "/").orElseThrow().rule()).isEqualTo(Rule.PUBLIC);
    assertThat(policy.match(HttpMethod.GET, "/health/live").orElseThrow().rule()).isEqualTo(Rule.PUBLIC);
  }

  @Test
  void an_agent_sets_their_own_crm_user_ids_but_a_supervisor_of_their_team_does_not() {
    assertThat(allows(ana, HttpMethod.PUT, "/api/v1/agents/ana/crm-users")).isTrue();
    assertThat(allows(northSupervisor, HttpMethod.PUT, "/api/v1/agents/ana/crm-users")).isFalse();
    assertThat(allows(Caller.adminToken(), HttpMethod.PUT, "/api/v1/agents/ana/crm-users")).isTrue();
  }

  @Test
  void configuration_is_for_admins_and_operations_reads_for_supervisors() {
    for (String path : new String[] {"/api/v1/users", "/api/v1/tokens", "/api/v1/audit", "/api/v1/imports/j1"}) {
      assertThat(allows(northSupervisor, HttpMethod.GET, path)).as(path).isFalse();
    }
    assertThat(allows(northSupervisor, HttpMethod.GET, "/metrics")).isTrue();
    assertThat(allows(ana, HttpMethod.GET, "/metrics")).isFalse();
    assertThat(allows(northSupervisor, HttpMethod.POST, "/api/v1/campaigns/c1/pause")).isTrue();
    assertThat(allows(northSupervisor, HttpMethod.PUT, "/api/v1/campaigns/c1")).isFalse();
    assertThat(allows(ana, HttpMethod.POST, "/api/v1/campaigns/c1/pause")).isFalse();
  }

  @Test
  void call_actions_and_dialling_are_decided_with_the_call_or_the_body_only_admins_pass_at_once() {
    assertThat(policy.match(HttpMethod.POST, "/api/v1/calls/pbx1%2F17.3/transfer").orElseThrow().rule())
        .isEqualTo(Rule.OWN_CALL);
    assertThat(policy.match(HttpMethod.POST, "/api/v1/calls").orElseThrow().rule()).isEqualTo(Rule.BODY_AGENT);
    assertThat(allows(ana, HttpMethod.POST, "/api/v1/calls/pbx1%2F17.3/transfer")).isFalse();
    assertThat(allows(Caller.adminToken(), HttpMethod.POST, "/api/v1/calls/pbx1%2F17.3/transfer")).isTrue();
  }
}
