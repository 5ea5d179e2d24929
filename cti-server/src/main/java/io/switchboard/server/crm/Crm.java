package io.switchboard.server.crm;

import io.switchboard.core.port.CrmConnector;
import io.switchboard.queue.routing.OutboundJournal;
import io.switchboard.queue.routing.RoutingJournal;
import io.switchboard.server.cluster.OwnerRequests;
import io.switchboard.server.config.CrmOutboxConfig;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.status.StatusRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The CRM side of a node, wired once: the outbox (writer and dispatcher), the screen pops, the inbound call
 * logs fed by the router's journal, the account owners for routing, their API and their {@code /status} line.
 * With no connector enabled nothing is sent and nothing is looked up; the outbox API still answers.
 */
public final class Crm {

  private final CrmCalls calls;
  private final CrmRoutes routes;
  private final CrmAccountOwners owners;
  private final CrmUserRoutes userRoutes;
  private final OutboxCheck check;

  private Crm(CrmCalls calls, CrmRoutes routes, CrmUserRoutes userRoutes, CrmAccountOwners owners,
      OutboxCheck check) {
    this.calls = calls;
    this.routes = routes;
    this.userRoutes = userRoutes;
    this.owners = owners;
    this.check = check;
  }

  /** Builds the parts and starts the dispatcher's and the wrap-up sweep's timers. */
  public static Crm start(Vertx vertx, Database database, List<CrmConnector> connectors, CrmOutboxConfig config,
      Clock clock) {
    OutboxSettings defaults = OutboxSettings.defaults();
    OutboxSettings settings = new OutboxSettings(Duration.ofSeconds(config.pollIntervalSeconds()),
        defaults.baseDelay(), Duration.ofSeconds(config.maxDelaySeconds()), config.maxAttempts(), defaults.batch(),
        defaults.callTimeout(), defaults.lease());
    OutboxWriter writer = new OutboxWriter(database, vertx, clock, Duration.ofSeconds(5), OutboxWriter.DEFAULT_BOUND);
    JooqCrmOutbox outbox = new JooqCrmOutbox(database);
    JooqAgentCrmUsers users = new JooqAgentCrmUsers(database);
    CrmPops pops = new CrmPops(vertx, connectors, users, Duration.ofMillis(config.lookupTimeoutMillis()), clock);
    CrmCalls calls = new CrmCalls(connectors, writer, pops, Duration.ofSeconds(config.dispositionWaitSeconds()),
        clock);
    if (!connectors.isEmpty()) {
      new OutboxDispatcher(outbox, connectors, settings, clock, new SplittableRandom()).start(vertx);
      calls.start(vertx);
    }
    return new Crm(calls, new CrmRoutes(outbox, pops, calls), new CrmUserRoutes(users), new CrmAccountOwners(connectors, users::agentFor),
        new OutboxCheck(outbox, writer, clock));
  }

  /** The router's journal with the CRM watching it. */
  public RoutingJournal tap(RoutingJournal journal) {
    return calls.tap(journal);
  }

  /** The outbound journal with the CRM watching it. */
  public OutboundJournal tapOutbound(OutboundJournal journal) {
    return calls.tapOutbound(journal);
  }

  /** The caller's account owner as an agent, for routing's preferred agents. */
  public CrmAccountOwners accountOwners() {
    return owners;
  }

  /**
   * In a cluster: a wrap-up sent to this node for a call whose log the owner of another PBX holds is asked of that
   * owner, and this node answers the same asks for the calls it routes (docs/cluster.md).
   */
  public void throughOwners(OwnerRequests owners, Predicate<String> acting, List<String> pbxs) {
    routes.wrapUpsElsewhere(WrapUpsElsewhere.through(owners, acting, pbxs, calls::wrapUp));
  }

  public void mount(Router router) {
    routes.mount(router);
    userRoutes.mount(router);
  }

  public void register(StatusRegistry status) {
    status.register(check);
  }
}
