package io.switchboard.server.desk;

import io.switchboard.core.id.PbxId;
import io.switchboard.server.cluster.OwnerRequests;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Desk commands as {@link OwnerRequests} of kind {@value #KIND}: a node that does not own a call's PBX
 * {@linkplain #forward forwards} the command to the owner, which {@linkplain #carryOutWith carries it out}.
 */
final class DeskCommandBus implements DeskCommands.Forwarder {

  static final String KIND = "desk-command";

  private final OwnerRequests requests;

  DeskCommandBus(OwnerRequests requests) {
    this.requests = requests;
  }

  /** What this node does with a command forwarded to it as an owner. */
  void carryOutWith(Function<DeskOrder, Future<DeskCommands.Done>> owner) {
    requests.serve(KIND, json -> owner.apply(DeskOrder.fromJson(json)).map(DeskCommandBus::encode));
  }

  @Override
  public Future<DeskCommands.Done> forward(PbxId pbx, DeskOrder order) {
    return requests.ask(pbx.value(), KIND, order.toJson()).map(DeskCommandBus::decode);
  }

  static DeskCommands.Done.Refused unreachable(PbxId pbx, String why) {
    return (DeskCommands.Done.Refused) decode(OwnerRequests.unreachable(pbx.value(), why));
  }

  /** A {@link DeskCommands.Done} as an owner's answer carries it. */
  static JsonObject encode(DeskCommands.Done done) {
    if (done instanceof DeskCommands.Done.Accepted accepted) {
      return new JsonObject().put("status", 202).put("body", accepted.body());
    }
    DeskCommands.Done.Refused refused = (DeskCommands.Done.Refused) done;
    return new JsonObject().put("status", refused.status()).put("errorId", refused.errorId())
        .put("message", refused.message()).put("details", refused.details());
  }

  static DeskCommands.Done decode(JsonObject answer) {
    int status = answer.getInteger("status", 502);
    if (status == 202 && answer.getJsonObject("body") != null) {
      return new DeskCommands.Done.Accepted(answer.getJsonObject("body"));
    }
    return new DeskCommands.Done.Refused(status, answer.getString("errorId", "pbx-refused"),
        answer.getString("message", ""), answer.getJsonObject("details", new JsonObject()));
  }
}
