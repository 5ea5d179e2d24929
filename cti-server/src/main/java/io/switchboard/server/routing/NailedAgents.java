package io.switchboard.server.routing;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.AgentDirectory;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.queue.routing.AgentLines;
import io.switchboard.queue.routing.OutboundCalls;
import io.switchboard.queue.routing.RoutingEngine;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.pbx.AttachedPbx;
import io.switchboard.server.pbx.LinePbx;
import io.switchboard.server.pbx.PbxConnections;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API side of nailed-up agents: opening and closing an agent's line on the PBX, and outbound calls
 * placed for an agent on an open line. Every step that reads routing state runs on the routing context.
 *
 * <p>Ids Switchboard chooses for the PBX (session legs, outbound calls) are {@code <pbx>/sb-<random hex>}:
 * for Asterisk the part after the slash becomes the channel's Uniqueid ({@code ChannelId}), so the events
 * of the new channel carry exactly these ids.
 */
public final class NailedAgents implements AgentLineCommands {

  private static final Logger LOG = LoggerFactory.getLogger(NailedAgents.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Context context;
  private final RoutingEngine engine;
  private final PbxConnections pbx;
  private final AgentDirectory agents;

  NailedAgents(Context context, RoutingEngine engine, PbxConnections pbx, AgentDirectory agents) {
    this.context = context;
    this.engine = engine;
    this.pbx = pbx;
    this.agents = agents;
  }

  /** A fresh id on {@code pbx} for a call or leg Switchboard creates. */
  static CallId newCallId(PbxId pbx) {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return CallId.of(pbx.value() + "/sb-" + HexFormat.of().formatHex(random));
  }

  /** The agent's open line: {@code {agentId, open, pbx?, legId?}}; 404 for an unknown agent. */
  @Override
  public Future<CommandOutcome> line(AgentId agent) {
    return withAgent(agent, found -> onContext(() -> {
      Optional<AgentLines.Line> line = engine.lines().lineOf(agent);
      JsonObject body = new JsonObject().put("agentId", agent.value()).put("open", line.isPresent());
      line.ifPresent(l -> body.put("pbx", l.pbx().value()).put("legId", l.leg().value()));
      return Future.succeededFuture(new CommandOutcome.Accepted(body));
    }));
  }

  /**
   * Rings the agent's device into the agent's session on the PBX {@link LinePbx} chooses: {@code requestedPbx}
   * if given, else the only attached PBX, else the only one speaking the device's technology. The line counts
   * as open once the agent answers ({@code AgentSessionOpened}), which also logs the agent in.
   */
  @Override
  public Future<CommandOutcome> openLine(AgentId agent, Optional<String> requestedPbx) {
    return withAgent(agent, found -> onContext(() -> {
      if (found.device().isEmpty()) {
        return refused(409, "agent-has-no-device", "agent '" + agent.value() + "' has no device to ring");
      }
      Optional<AgentLines.Line> open = engine.lines().lineOf(agent);
      if (open.isPresent()) {
        return refused(409, "agent-line-open", "agent '" + agent.value() + "' already has an open line");
      }
      Map<PbxId, PbxType> attached = new LinkedHashMap<>();
      pbx.all().forEach(a -> attached.put(a.id(), a.type()));
      LinePbx.Choice choice = LinePbx.choose(requestedPbx, found.device().get(), attached);
      if (choice instanceof LinePbx.Refused no) {
        return refused(no.status(), no.errorId(), no.message());
      }
      AttachedPbx chosen = pbx.get(((LinePbx.Chosen) choice).pbx().value()).orElseThrow();
      LegId leg = LegId.of(newCallId(chosen.id()).value());
      LOG.info("event=agent-line-opening agentId={} pbx={} legId={}", agent, chosen.id(), leg);
      return command(chosen.callControl().openAgentSession(agent, leg, found.device().get()),
          () -> new JsonObject().put("agentId", agent.value()).put("pbx", chosen.id().value())
              .put("legId", leg.value()).put("state", "ringing"));
    }));
  }

  /** Hangs the agent's open line up; the agent is then logged out after any call in progress. */
  @Override
  public Future<CommandOutcome> closeLine(AgentId agent) {
    return withAgent(agent, found -> onContext(() -> {
      Optional<AgentLines.Line> line = engine.lines().lineOf(agent);
      Optional<CallControl> control = line.flatMap(l -> pbx.all().stream().filter(a -> a.id().equals(l.pbx()))
          .findFirst().map(AttachedPbx::callControl));
      if (line.isEmpty() || control.isEmpty()) {
        return refused(409, "agent-line-not-open", "agent '" + agent.value() + "' has no open line");
      }
      LOG.info("event=agent-line-closing agentId={} legId={}", agent, line.get().leg());
      return command(control.get().closeAgentSession(agent, line.get().leg()),
          () -> new JsonObject().put("agentId", agent.value()).put("legId", line.get().leg().value())
              .put("state", "closing"));
    }));
  }

  /** Calls {@code to} for the agent, who must be available on an open line. */
  @Override
  public Future<CommandOutcome> dial(AgentId agent, PhoneNumber to, Optional<PhoneNumber> callerId) {
    return Future.fromCompletionStage(agents.find(agent), context).compose(found -> onContext(() ->
        Future.fromCompletionStage(engine.outbound().dial(agent, found.isPresent(), to, callerId), context)
            .map(dial -> {
              if (dial instanceof OutboundCalls.Dial.Placed placed) {
                return new CommandOutcome.Accepted(new JsonObject().put("callId", placed.call().value())
                    .put("taskId", placed.task().value()).put("agentId", agent.value()).put("to", to.masked()));
              }
              OutboundCalls.Dial.Refused refused = (OutboundCalls.Dial.Refused) dial;
              int status = switch (refused.errorId()) {
                case "agent-not-found" -> 404;
                case "pbx-refused" -> 502;
                default -> 409;
              };
              return new CommandOutcome.Refused(status, refused.errorId(), refused.message());
            })));
  }

  private Future<CommandOutcome> withAgent(AgentId agent,
      java.util.function.Function<Agent, Future<CommandOutcome>> then) {
    return Future.fromCompletionStage(agents.find(agent), context).compose(found -> found.isEmpty()
        ? refused(404, "agent-not-found", "no agent with id '" + agent.value() + "'")
        : then.apply(found.get()));
  }

  private Future<CommandOutcome> onContext(Supplier<Future<CommandOutcome>> step) {
    Promise<CommandOutcome> done = Promise.promise();
    context.runOnContext(v -> step.get().onComplete(done));
    return done.future();
  }

  private Future<CommandOutcome> command(CompletionStage<CommandResult> sent, Supplier<JsonObject> accepted) {
    return Future.fromCompletionStage(sent, context).map(result -> result instanceof CommandResult.Failed failed
        ? new CommandOutcome.Refused(502, "pbx-refused", "the PBX refused: " + failed.message())
        : new CommandOutcome.Accepted(accepted.get()));
  }

  private static Future<CommandOutcome> refused(int status, String errorId, String message) {
    return Future.succeededFuture(new CommandOutcome.Refused(status, errorId, message));
  }
}
