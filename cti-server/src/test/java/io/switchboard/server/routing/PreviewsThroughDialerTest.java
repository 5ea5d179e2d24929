package io.switchboard.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.id.AgentId;
import io.switchboard.server.cluster.OwnerRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one event bus: the dialing node (the owner of PBX {@code sim}), which holds Ana's preview offer, and
 * another node, where the desk's request lands. Each node's own preview desk is a fake noting what it was asked.
 */
@ExtendWith(VertxExtension.class)
class PreviewsThroughDialerTest {

  private static final AgentId ANA = AgentId.of("ana");
  private static final JsonObject NO_PREVIEW = new JsonObject().put("status", 404).put("errorId", "no-preview")
      .put("message", "agent 'ana' has no lead offered").put("details", new JsonObject().put("agentId", "ana"));

  private final Vertx vertx = Vertx.vertx();
  private final FakePreviews dialers = new FakePreviews();
  private final FakePreviews others = new FakePreviews();
  private OwnerRequests dialerRequests;
  private boolean dialsHere;
  private PreviewRoutes.Previews other;

  @BeforeEach
  void twoNodes() {
    dialerRequests = new OwnerRequests(vertx, pbx -> pbx.equals("sim"));
    PreviewRoutes.throughDialer(dialers, dialerRequests, Optional.of("sim"), () -> true);
    dialerRequests.gained("sim", 1);
    other = PreviewRoutes.throughDialer(others, new OwnerRequests(vertx, pbx -> false), Optional.of("sim"),
        () -> dialsHere);
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  @Test
  void dialling_the_offered_lead_on_another_node_is_done_by_the_dialing_node_and_answered_as_it_answered(
      VertxTestContext test) {
    dialers.answer = new JsonObject().put("status", 200).put("body", new JsonObject().put("agentId", "ana")
        .put("result", "dialled"));
    other.choose(ANA, true).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(done).isEqualTo(dialers.answer);
      assertThat(dialers.asked).containsExactly("dial ana");
      assertThat(others.asked).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  void showing_and_skipping_go_to_the_dialing_node_too_and_its_404_comes_back(VertxTestContext test) {
    dialers.answer = NO_PREVIEW;
    other.show(ANA).compose(shown -> other.choose(ANA, false).map(skipped -> List.of(shown, skipped)))
        .onComplete(test.succeeding(both -> test.verify(() -> {
          assertThat(both).containsExactly(NO_PREVIEW, NO_PREVIEW);
          assertThat(dialers.asked).containsExactly("show ana", "skip ana");
          test.completeNow();
        })));
  }

  @Test
  void the_dialing_node_answers_from_its_own_offers(VertxTestContext test) {
    dialsHere = true;
    other.choose(ANA, true).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(others.asked).containsExactly("dial ana");
      assertThat(dialers.asked).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  void no_dialing_node_answering_is_503_pbx_owner_unreachable(VertxTestContext test) {
    dialerRequests.lost("sim", 1, "lease-expired");
    other.choose(ANA, true).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(done.getInteger("status")).isEqualTo(503);
      assertThat(done.getString("errorId")).isEqualTo("pbx-owner-unreachable");
      assertThat(dialers.asked).isEmpty();
      test.completeNow();
    })));
  }

  private static final class FakePreviews implements PreviewRoutes.Previews {
    final List<String> asked = new ArrayList<>();
    JsonObject answer = NO_PREVIEW;

    @Override
    public Future<JsonObject> show(AgentId agent) {
      asked.add("show " + agent.value());
      return Future.succeededFuture(answer);
    }

    @Override
    public Future<JsonObject> choose(AgentId agent, boolean dial) {
      asked.add((dial ? "dial " : "skip ") + agent.value());
      return Future.succeededFuture(answer);
    }
  }
}
