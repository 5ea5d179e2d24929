package io.switchboard.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
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
 * Two nodes on one event bus: the owner of PBX {@code sim}, whose router knows Ana's open line, and another node
 * that acts on no PBX, where the request lands. Each node's own lines are a fake that notes what it was asked.
 */
@ExtendWith(VertxExtension.class)
class LinesThroughOwnersTest {

  private static final AgentId ANA = AgentId.of("ana");
  private static final PhoneNumber CUSTOMER = new PhoneNumber("+442079460018");
  private static final CommandOutcome NOT_OPEN = new CommandOutcome.Refused(409, "agent-line-not-open",
      "agent 'ana' has no open line");

  private final Vertx vertx = Vertx.vertx();
  private final FakeLines ownersLines = new FakeLines();
  private final FakeLines othersLines = new FakeLines();
  private OwnerRequests ownersRequests;
  private LinesThroughOwners other;

  @BeforeEach
  void twoNodes() {
    ownersRequests = new OwnerRequests(vertx, pbx -> pbx.equals("sim"));
    new LinesThroughOwners(ownersLines, ownersRequests, pbx -> pbx.equals("sim"), List.of("sim"));
    ownersRequests.gained("sim", 1);
    other = new LinesThroughOwners(othersLines, new OwnerRequests(vertx, pbx -> false), pbx -> false,
        List.of("sim"));
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  @Test
  void click_to_dial_where_the_line_is_unknown_is_placed_by_the_owner_and_answered_as_it_answered(
      VertxTestContext test) {
    othersLines.answer = NOT_OPEN;
    ownersLines.answer = new CommandOutcome.Accepted(new JsonObject().put("callId", "sim/sb-1").put("to",
        CUSTOMER.masked()));
    other.dial(ANA, CUSTOMER, Optional.empty()).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(done).isEqualTo(ownersLines.answer);
      assertThat(othersLines.asked).containsExactly("dial ana " + CUSTOMER.e164());
      assertThat(ownersLines.asked).containsExactly("dial ana " + CUSTOMER.e164());
      test.completeNow();
    })));
  }

  @Test
  void a_node_that_knows_the_agents_line_answers_itself_even_with_a_refusal(VertxTestContext test) {
    othersLines.answer = new CommandOutcome.Refused(409, "agent-not-available", "agent 'ana' is on-call");
    other.dial(ANA, CUSTOMER, Optional.empty()).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(((CommandOutcome.Refused) done).errorId()).isEqualTo("agent-not-available");
      assertThat(ownersLines.asked).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  void opening_a_line_on_the_only_pbx_owned_elsewhere_is_done_by_its_owner_on_that_pbx(VertxTestContext test) {
    ownersLines.answer = new CommandOutcome.Accepted(new JsonObject().put("state", "ringing").put("pbx", "sim"));
    other.openLine(ANA, Optional.empty()).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(done).isEqualTo(ownersLines.answer);
      assertThat(othersLines.asked).isEmpty();
      assertThat(ownersLines.asked).containsExactly("open ana sim");
      test.completeNow();
    })));
  }

  @Test
  void closing_a_line_no_node_knows_is_this_nodes_409_agent_line_not_open(VertxTestContext test) {
    othersLines.answer = NOT_OPEN;
    ownersLines.answer = NOT_OPEN;
    other.closeLine(ANA).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(done).isEqualTo(NOT_OPEN);
      assertThat(ownersLines.asked).containsExactly("close ana");
      test.completeNow();
    })));
  }

  @Test
  void the_line_read_on_any_node_is_the_owners_open_line(VertxTestContext test) {
    othersLines.answer = new CommandOutcome.Accepted(new JsonObject().put("agentId", "ana").put("open", false));
    ownersLines.answer = new CommandOutcome.Accepted(new JsonObject().put("agentId", "ana").put("open", true)
        .put("pbx", "sim").put("legId", "sim/sb-2"));
    other.line(ANA).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(done).isEqualTo(ownersLines.answer);
      test.completeNow();
    })));
  }

  @Test
  void no_owner_consuming_is_503_pbx_owner_unreachable(VertxTestContext test) {
    ownersRequests.lost("sim", 1, "lease-expired");
    other.openLine(ANA, Optional.of("sim")).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(done).isInstanceOf(CommandOutcome.Refused.class);
      assertThat(((CommandOutcome.Refused) done).status()).isEqualTo(503);
      assertThat(((CommandOutcome.Refused) done).errorId()).isEqualTo("pbx-owner-unreachable");
      assertThat(ownersLines.asked).isEmpty();
      test.completeNow();
    })));
  }

  /** A node's own lines: answers every request with {@link #answer} and notes it. */
  private static final class FakeLines implements AgentLineCommands {
    final List<String> asked = new ArrayList<>();
    CommandOutcome answer = NOT_OPEN;

    private Future<CommandOutcome> noted(String request) {
      asked.add(request);
      return Future.succeededFuture(answer);
    }

    @Override
    public Future<CommandOutcome> line(AgentId agent) {
      return noted("line " + agent.value());
    }

    @Override
    public Future<CommandOutcome> openLine(AgentId agent, Optional<String> requestedPbx) {
      return noted("open " + agent.value() + " " + requestedPbx.orElse("-"));
    }

    @Override
    public Future<CommandOutcome> closeLine(AgentId agent) {
      return noted("close " + agent.value());
    }

    @Override
    public Future<CommandOutcome> dial(AgentId agent, PhoneNumber to, Optional<PhoneNumber> callerId) {
      return noted("dial " + agent.value() + " " + to.e164());
    }
  }
}
