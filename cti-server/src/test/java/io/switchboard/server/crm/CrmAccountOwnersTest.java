package io.switchboard.server.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.crm.CrmLookup;
import io.switchboard.core.id.AgentId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CrmAccountOwnersTest {

  private final MutableClock clock = new MutableClock(Logs.STARTED);
  /** Salesforce user 005X is agent carla; HubSpot user 77 is agent dan. */
  private final CrmAccountOwners.UserAgents agents = (crm, user) -> CompletableFuture.completedFuture(
      Optional.ofNullable(Map.of("salesforce 005X", "carla", "hubspot 77", "dan").get(crm + " " + user))
          .map(AgentId::of));

  private FakeCrm finding(String crm, CrmLookup answer) {
    return new FakeCrm(crm, clock).finding(number -> answer);
  }

  private Optional<AgentId> owner(FakeCrm... crms) throws Exception {
    return new CrmAccountOwners(List.of(crms), agents).ownerOf(Logs.CALLER).toCompletableFuture().get();
  }

  private static CrmLookup one(String crm, Optional<String> owner) {
    return new CrmLookup.Matched(List.of(Logs.match(crm, "r1", owner)));
  }

  @Test
  void the_owner_of_the_unique_record_is_mapped_back_to_its_agent() throws Exception {
    assertThat(owner(finding("salesforce", one("salesforce", Optional.of("005X"))))).contains(AgentId.of("carla"));
  }

  @Test
  void several_records_no_owner_or_an_owner_who_is_no_agent_give_no_owner() throws Exception {
    CrmLookup several = new CrmLookup.Matched(List.of(Logs.match("salesforce", "r1", Optional.of("005X")),
        Logs.match("salesforce", "r2", Optional.of("005X"))));

    assertThat(owner(finding("salesforce", several))).isEmpty();
    assertThat(owner(finding("salesforce", one("salesforce", Optional.empty())))).isEmpty();
    assertThat(owner(finding("salesforce", one("salesforce", Optional.of("005Z"))))).isEmpty();
  }

  @Test
  void a_crm_that_is_unavailable_or_ownerless_passes_the_question_to_the_next() throws Exception {
    assertThat(owner(finding("salesforce", new CrmLookup.Unavailable("crm-timeout", "timeout")),
        finding("hubspot", one("hubspot", Optional.of("77"))))).contains(AgentId.of("dan"));
    assertThat(owner(finding("salesforce", new CrmLookup.NoMatch()),
        finding("hubspot", new CrmLookup.NoMatch()))).isEmpty();
  }
}
