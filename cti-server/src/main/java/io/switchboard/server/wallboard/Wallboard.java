package io.switchboard.server.wallboard;

import io.switchboard.queue.dialer.CampaignDirectory;
import io.switchboard.queue.dialer.compliance.AbandonLedger;
import io.switchboard.server.agent.AgentRegistry;
import io.switchboard.server.kpi.StreamClock;
import io.switchboard.server.kpi.Kpis;
import io.switchboard.server.monitor.JooqAgentCalls;
import io.switchboard.server.monitor.MonitorRoutes;
import io.switchboard.server.monitor.Monitors;
import io.switchboard.server.pbx.AttachedPbx;
import io.switchboard.server.pbx.PbxConnections;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.routing.InboundRouting;
import io.switchboard.server.security.Callers;
import io.switchboard.server.security.Security;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The supervisor's side of the API, wired: monitors (listen, whisper, barge) on the routing context, the
 * wallboard stream and the KPI history. See {@code docs/wallboard.md}.
 */
public final class Wallboard {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Wallboard() {}

  /** The routes of the supervisor's side of the API, on a node on its own. */
  public static Consumer<Router> routes(Vertx vertx, InboundRouting routing, PbxConnections pbx,
      AgentRegistry agents, Database database, Kpis kpis, CampaignDirectory campaigns, AbandonLedger ledger,
      double amdFalsePositives, Security security) {
    return routes(vertx, routing, pbx, agents, database, kpis, campaigns, ledger, amdFalsePositives, security,
        monitors -> { });
  }

  /** As above; {@code clustered} makes the monitors work through the PBXs' owners ({@code Monitors.throughOwners}). */
  public static Consumer<Router> routes(Vertx vertx, InboundRouting routing, PbxConnections pbx,
      AgentRegistry agents, Database database, Kpis kpis, CampaignDirectory campaigns, AbandonLedger ledger,
      double amdFalsePositives, Security security, Consumer<Monitors> clustered) {
    JooqAgentCalls calls = new JooqAgentCalls(database);
    Monitors monitors = new Monitors(routing.context(), agents, routing::agentState, calls::liveCall, routing::call,
        id -> pbx.all().stream().filter(a -> a.id().equals(id)).findFirst().map(AttachedPbx::callControl),
        Clock.systemUTC(), Wallboard::monitorId);
    clustered.accept(monitors);
    MonitorRoutes monitorRoutes = new MonitorRoutes(monitors, Callers::of, security.users());
    Clock clock = Clock.systemUTC();
    WallboardStream stream = new WallboardStream(StreamClock.of(vertx), vertx.getOrCreateContext(),
        new LiveWallboardSource(kpis.live(), agents, routing::agentState, campaigns, ledger, amdFalsePositives, clock),
        WallboardStream.GAP);
    kpis.live().onChange(changes -> {
      changes.queues().forEach(stream::queueChanged);
      changes.agents().forEach(stream::agentChanged);
    });
    routing.onCampaignCallEnded((campaign, lead, call, result, agent, at) -> stream.campaignChanged(campaign));
    WallboardRoutes wallboard = new WallboardRoutes(new WallboardSockets(stream, security.sockets(vertx),
        security.users()), new JooqKpiHistory(database), clock);
    return router -> {
      monitorRoutes.mount(router);
      wallboard.mount(router);
    };
  }

  /** {@code sb-<16 hex digits>}: fits an Asterisk ChannelId and a FreeSWITCH origination_uuid. */
  static String monitorId() {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return "sb-" + HexFormat.of().formatHex(random);
  }
}
