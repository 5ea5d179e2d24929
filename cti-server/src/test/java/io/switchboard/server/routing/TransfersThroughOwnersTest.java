package io.switchboard.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.Destination;
import io.switchboard.server.cluster.OwnerRequests;
import io.switchboard.server.http.UnexpectedCallControl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one event bus: the owner of PBX {@code sim} and another node, each with its own handle on the PBX
 * (the other node's would be fenced). A transfer by call id asked of the other node is sent by the owner.
 */
@ExtendWith(VertxExtension.class)
class TransfersThroughOwnersTest {

  private static final String CALL = "sim/5f1c7a4e-0000-4000-8000-000000000001";
  private static final PhoneNumber TO = new PhoneNumber("+442071234567");

  private final Vertx vertx = Vertx.vertx();
  private final NotingPbx ownersPbx = new NotingPbx();
  private final NotingPbx othersPbx = new NotingPbx();
  private OwnerRequests ownersRequests;
  private CallTransfers other;

  @BeforeEach
  void twoNodes() {
    ownersRequests = new OwnerRequests(vertx, pbx -> pbx.equals("sim"));
    transfers(ownersPbx).throughOwners(ownersRequests, pbx -> pbx.equals("sim"));
    ownersRequests.gained("sim", 1);
    other = transfers(othersPbx);
    other.throughOwners(new OwnerRequests(vertx, pbx -> false), pbx -> false);
  }

  @AfterEach
  void tearDown() {
    vertx.close();
  }

  private CallTransfers transfers(CallControl pbx) {
    return new CallTransfers(vertx.getOrCreateContext(), id -> id.equals(PbxId.of("sim")) ? Optional.of(pbx)
        : Optional.empty(), id -> Future.succeededFuture(Optional.of(new JsonObject().put("id", id)
        .put("legs", new JsonArray()))), agent -> Future.succeededFuture(Optional.empty()));
  }

  @Test
  void a_call_on_a_pbx_owned_elsewhere_is_transferred_by_the_owner_and_answered_as_it_answered(
      VertxTestContext test) {
    other.transfer(CALL, TO, CallTransfers.Mode.BLIND).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(done).isInstanceOf(CommandOutcome.Accepted.class);
      assertThat(((CommandOutcome.Accepted) done).body().getString("callId")).isEqualTo(CALL);
      assertThat(((CommandOutcome.Accepted) done).body().getString("to")).isEqualTo(TO.masked());
      assertThat(ownersPbx.sent).containsExactly("blind " + CALL);
      assertThat(othersPbx.sent).isEmpty();
      test.completeNow();
    })));
  }

  @Test
  void the_owners_refusal_comes_back_with_its_status_and_error_id(VertxTestContext test) {
    ownersPbx.answer = new CommandResult.Failed("esl-unknown-call", "-ERR No such channel!");
    other.transfer(CALL, TO, CallTransfers.Mode.BLIND).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(done).isEqualTo(new CommandOutcome.Refused(409, "call-not-active",
          "the PBX no longer has the call: -ERR No such channel!"));
      test.completeNow();
    })));
  }

  @Test
  void no_owner_answering_is_503_pbx_owner_unreachable_and_nothing_is_sent(VertxTestContext test) {
    ownersRequests.lost("sim", 1, "lease-expired");
    other.transfer(CALL, TO, CallTransfers.Mode.BLIND).onComplete(test.succeeding(done -> test.verify(() -> {
      assertThat(((CommandOutcome.Refused) done).status()).isEqualTo(503);
      assertThat(((CommandOutcome.Refused) done).errorId()).isEqualTo("pbx-owner-unreachable");
      assertThat(ownersPbx.sent).isEmpty();
      assertThat(othersPbx.sent).isEmpty();
      test.completeNow();
    })));
  }

  private static final class NotingPbx extends UnexpectedCallControl {
    final List<String> sent = new ArrayList<>();
    CommandResult answer = CommandResult.ACCEPTED;

    @Override
    public CompletionStage<CommandResult> blindTransfer(CallId call, Destination to) {
      sent.add("blind " + call.value());
      return CompletableFuture.completedFuture(answer);
    }
  }
}
