package io.switchboard.server.desk;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.AgentStateStore;
import io.switchboard.queue.dialer.PreviewDesk;
import io.switchboard.queue.routing.OutboundJournal;
import io.switchboard.queue.routing.RoutingJournal;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.cluster.OwnerRequests;
import io.switchboard.server.pbx.AttachedPbx;
import io.switchboard.server.routing.CallTransfers;
import io.switchboard.server.security.AgentEventsSocket;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The agent desk's server side, wired once: {@link AgentDesks} fed by taps on the router's journals and the agent
 * state store, publishing each message on the event bus at {@link #address} (the agent's event socket relays
 * them), and the desk's routes ({@link DeskRoutes}). Build it before the router ({@link #start}), give it what the
 * routes need once the router and the dialer are up ({@link #serve}).
 */
public final class Desk {

  /** The event-bus address of an agent's desk messages, which the agent's event socket relays. */
  public static String address(AgentId agent) {
    return AgentEventsSocket.events(agent.value());
  }

  private final Vertx vertx;
  private final AgentDesks desks;
  private final Clock clock;
  private final DeskBoard board;
  private DeskRoutes routes;
  private Predicate<String> acting = pbx -> true;
  private DeskCommandBus bus;

  private Desk(Vertx vertx, AgentDesks desks, Clock clock, DeskBoard board) {
    this.vertx = vertx;
    this.desks = desks;
    this.clock = clock;
    this.board = board;
  }

  /** A desk publishing on {@code vertx}'s event bus. */
  public static Desk start(Vertx vertx, Clock clock) {
    return start(vertx, clock, DeskBoard.NONE);
  }

  /** As above, keeping each agent's call on {@code board} so that every node's snapshot shows it. */
  public static Desk start(Vertx vertx, Clock clock, DeskBoard board) {
    return new Desk(vertx, new AgentDesks((agent, message) -> vertx.eventBus().publish(address(agent), message),
        clock, board), clock, board);
  }

  /** The router's journal with the desks watching it. */
  public RoutingJournal tap(RoutingJournal journal) {
    return DeskTaps.journal(journal, desks);
  }

  /** The outbound journal with the desks watching it. */
  public OutboundJournal tapOutbound(OutboundJournal journal) {
    return DeskTaps.outbound(journal, desks);
  }

  /** The agent state store with the desks watching what this node stores. */
  public AgentStateStore tap(AgentStateStore states) {
    return DeskTaps.states(states, desks, (agent, status) -> { });
  }

  /**
   * Desk commands on calls of PBXs this node does not act on ({@code acting} says which it does) go to their owner
   * through {@code requests}, and this node carries out those sent to it as an owner (docs/cluster.md). Call before
   * {@link #serve}.
   */
  public void forwarding(OwnerRequests requests, Predicate<String> acting) {
    this.acting = acting;
    this.bus = new DeskCommandBus(requests);
  }

  /**
   * Makes the routes: {@code states} reads an agent's stored status, {@code pbxs} finds an attached PBX,
   * {@code transfers} and {@code context} are the router's, {@code leads} disposes a campaign lead, and
   * {@code previews} (on the routing context) tells the desks of each preview offer.
   */
  public void serve(Function<AgentId, Future<Optional<AgentStatus>>> states,
      Function<PbxId, Optional<AttachedPbx>> pbxs, CallTransfers transfers, Context context,
      LeadDispositions leads, Optional<PreviewDesk> previews) {
    previews.ifPresent(desk -> desk.onOffer(offer -> desks.previewOffered(offer.agent(), offer.offeredAt(),
        new JsonObject().put("campaignId", offer.lead().campaign().value()).put("leadId", offer.lead().id().value())
            .put("number", offer.lead().number().e164()).put("attempts", offer.lead().attempts())
            .put("expiresAt", offer.expiresAt().toString()))));
    Predicate<String> local = acting;
    DeskCommands commands = new DeskCommands(desks, pbxs, transfers, context, clock, pbx -> local.test(pbx.value()),
        board, bus == null ? DeskCommands.Forwarder.NONE : bus);
    if (bus != null) {
      bus.carryOutWith(commands::carryOut);
    }
    routes = new DeskRoutes(desks, states, commands, leads, clock, board);
    vertx.eventBus().<String>localConsumer(AgentEventsSocket.SNAPSHOTS, request -> {
      if (AgentRequest.IDENTIFIER.matcher(String.valueOf(request.body())).matches()) {
        routes.snapshot(AgentId.of(request.body())).onSuccess(request::reply)
            .onFailure(failure -> request.fail(500, failure.getMessage()));
      } else {
        request.fail(400, "not an agent id");
      }
    });
  }

  public void mount(Router router) {
    routes.mount(router);
  }
}
