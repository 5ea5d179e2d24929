package io.switchboard.server.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.AgentId;
import io.switchboard.server.cluster.OwnerRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes on one event bus: the owner of PBX {@code sim}, which holds Ana's call log, and another node. */
class WrapUpsElsewhereTest {

  private static final AgentId ANA = AgentId.of("ana");

  private final Vertx vertx = Vertx.vertx();
  private final List<String> ownersWrapUps = new ArrayList<>();
  private OwnerRequests ownersRequests;
  private WrapUpsElsewhere other;

  @BeforeEach
  void twoNodes() {
    ownersRequests = new OwnerRequests(vertx, pbx -> pbx.equals("sim"));
    WrapUpsElsewhere.through(ownersRequests, pbx -> pbx.equals("sim"), List.of("sim"), (agent, disposition, notes) -> {
      ownersWrapUps.add(agent.value() + " " + disposition.orElse("-") + " " + notes.orElse("-"));
      return agent.equals(ANA);
    });
    ownersRequests.gained("sim", 1);
    other = WrapUpsElsewhere.through(new OwnerRequests(vertx, pbx -> false), pbx -> false, List.of("sim"),
        (agent, disposition, notes) -> false);
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void a_wrap_up_for_a_call_the_owner_logged_is_taken_by_the_owner_with_its_disposition_and_notes() throws Exception {
    assertThat(await(other.wrapUp(ANA, Optional.of("resolved"), Optional.of("sent the form")))).isTrue();
    assertThat(ownersWrapUps).containsExactly("ana resolved sent the form");
  }

  @Test
  void no_owner_holding_a_log_or_none_answering_is_no_call_to_wrap_up() throws Exception {
    assertThat(await(other.wrapUp(AgentId.of("ben"), Optional.empty(), Optional.of("hi")))).isFalse();
    ownersRequests.lost("sim", 1, "lease-expired");
    assertThat(await(other.wrapUp(ANA, Optional.of("resolved"), Optional.empty()))).isFalse();
    assertThat(ownersWrapUps).containsExactly("ben - hi");
  }

  @Test
  void a_node_on_its_own_asks_nobody() throws Exception {
    assertThat(await(WrapUpsElsewhere.NONE.wrapUp(ANA, Optional.of("resolved"), Optional.empty()))).isFalse();
    assertThat(ownersWrapUps).isEmpty();
  }
}
