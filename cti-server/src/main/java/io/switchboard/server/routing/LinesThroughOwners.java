package io.switchboard.server.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.server.cluster.OwnerRequests;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nailed-up lines and click-to-dial on any node of a cluster (docs/cluster.md, "Commands through any node"). An
 * agent's open line is known only to the router of the node that owns its PBX, so:
 *
 * <ul>
 *   <li>opening a line on a PBX this node does not act on (the one the request names, or the only one configured)
 *       is asked of that PBX's owner;</li>
 *   <li>reading or closing the line and dialling on it are tried here first; when this node knows no open line
 *       of the agent ({@code open: false}, 409 {@code agent-line-not-open}), the owners of the PBXs this node does
 *       not act on are asked in configuration order, and the first that knows the line answers.</li>
 * </ul>
 *
 * The owner carries the request out through its own {@link NailedAgents}, which checks the line and the agent's
 * state again; the API answers with the owner's answer.
 */
public final class LinesThroughOwners implements AgentLineCommands {

  static final String KIND = "agent-line";
  private static final String NOT_OPEN = "agent-line-not-open";
  private static final Logger LOG = LoggerFactory.getLogger(LinesThroughOwners.class);

  private final AgentLineCommands local;
  private final OwnerRequests owners;
  private final Predicate<String> acting;
  private final List<String> pbxs;

  /**
   * @param local  this node's lines
   * @param acting whether this node acts on a PBX now
   * @param pbxs   every configured PBX's name, in configuration order
   */
  public LinesThroughOwners(AgentLineCommands local, OwnerRequests owners, Predicate<String> acting,
      List<String> pbxs) {
    this.local = local;
    this.owners = owners;
    this.acting = acting;
    this.pbxs = List.copyOf(pbxs);
    owners.serve(KIND, this::carryOut);
  }

  @Override
  public Future<CommandOutcome> line(AgentId agent) {
    return local.line(agent).compose(here -> knowsLine(here) ? Future.succeededFuture(here)
        : askInTurn(elsewhere(), 0, request("line", agent), here));
  }

  @Override
  public Future<CommandOutcome> openLine(AgentId agent, Optional<String> requestedPbx) {
    Optional<String> target = requestedPbx.or(() -> pbxs.size() == 1 ? Optional.of(pbxs.get(0)) : Optional.empty());
    if (target.isEmpty() || !pbxs.contains(target.get()) || acting.test(target.get())) {
      return local.openLine(agent, requestedPbx);
    }
    return ask(target.get(), request("open", agent).put("pbx", target.get()));
  }

  @Override
  public Future<CommandOutcome> closeLine(AgentId agent) {
    return local.closeLine(agent).compose(here -> knowsLine(here) ? Future.succeededFuture(here)
        : askInTurn(elsewhere(), 0, request("close", agent), here));
  }

  @Override
  public Future<CommandOutcome> dial(AgentId agent, PhoneNumber to, Optional<PhoneNumber> callerId) {
    JsonObject request = request("dial", agent).put("to", to.e164());
    callerId.ifPresent(number -> request.put("callerId", number.e164()));
    return local.dial(agent, to, callerId).compose(here -> knowsLine(here) ? Future.succeededFuture(here)
        : askInTurn(elsewhere(), 0, request, here));
  }

  /** Whether an answer came from a node that knows the agent's line (an open line, or any answer but "not open"). */
  static boolean knowsLine(CommandOutcome answer) {
    if (answer instanceof CommandOutcome.Accepted accepted) {
      return accepted.body().getBoolean("open", true);
    }
    return !NOT_OPEN.equals(((CommandOutcome.Refused) answer).errorId());
  }

  private List<String> elsewhere() {
    return pbxs.stream().filter(pbx -> !acting.test(pbx)).toList();
  }

  private Future<CommandOutcome> askInTurn(List<String> targets, int next, JsonObject request,
      CommandOutcome fallback) {
    if (next >= targets.size()) {
      return Future.succeededFuture(fallback);
    }
    return ask(targets.get(next), request).compose(answer -> knowsLine(answer) ? Future.succeededFuture(answer)
        : askInTurn(targets, next + 1, request, fallback));
  }

  private Future<CommandOutcome> ask(String pbx, JsonObject request) {
    LOG.info("event=agent-line-forwarded agentId={} op={} pbx={}{}", request.getString("agentId"),
        request.getString("op"), pbx, request.containsKey("to")
            ? " to=" + new PhoneNumber(request.getString("to")).masked() : "");
    return owners.ask(pbx, KIND, request).map(LinesThroughOwners::decode);
  }

  /** The owner's side: the request carried out by this node's own lines, never asked further. */
  private Future<JsonObject> carryOut(JsonObject request) {
    AgentId agent = AgentId.of(request.getString("agentId"));
    String op = String.valueOf(request.getValue("op"));
    Future<CommandOutcome> done = switch (op) {
      case "line" -> local.line(agent);
      case "open" -> local.openLine(agent, Optional.ofNullable(request.getString("pbx")));
      case "close" -> local.closeLine(agent);
      case "dial" -> local.dial(agent, PhoneNumber.parse(request.getString("to"), "to"),
          Optional.ofNullable(request.getString("callerId")).map(n -> PhoneNumber.parse(n, "callerId")));
      default -> throw new IllegalArgumentException("op must be line, open, close or dial, not '" + op + "'");
    };
    int status = "line".equals(op) ? 200 : 202;
    return done.map(outcome -> encode(outcome, status));
  }

  private static JsonObject request(String op, AgentId agent) {
    return new JsonObject().put("op", op).put("agentId", agent.value());
  }

  static JsonObject encode(CommandOutcome outcome, int status) {
    if (outcome instanceof CommandOutcome.Accepted accepted) {
      return new JsonObject().put("status", status).put("body", accepted.body());
    }
    CommandOutcome.Refused refused = (CommandOutcome.Refused) outcome;
    return new JsonObject().put("status", refused.status()).put("errorId", refused.errorId())
        .put("message", refused.message()).put("details", new JsonObject());
  }

  static CommandOutcome decode(JsonObject answer) {
    int status = answer.getInteger("status", 502);
    if (status < 300 && answer.getJsonObject("body") != null) {
      return new CommandOutcome.Accepted(answer.getJsonObject("body"));
    }
    return new CommandOutcome.Refused(status, answer.getString("errorId", "pbx-refused"),
        answer.getString("message", ""));
  }
}
