package io.switchboard.server.runtime;

import com.hazelcast.core.HazelcastInstance;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CrmConnector;
import io.switchboard.server.agent.JooqAgentDirectory;
import io.switchboard.server.campaign.CampaignCompletion;
import io.switchboard.server.campaign.CampaignRoutes;
import io.switchboard.server.campaign.JooqCampaignLeads;
import io.switchboard.server.campaign.JooqCampaigns;
import io.switchboard.server.campaign.JooqLeadQueue;
import io.switchboard.server.cluster.HazelcastSetup;
import io.switchboard.server.cluster.OwnedPbxs;
import io.switchboard.server.cluster.OwnerRequests;
import io.switchboard.server.cluster.PbxOwner;
import io.switchboard.server.cluster.PbxOwnership;
import io.switchboard.server.cluster.SharedDeviceStates;
import io.switchboard.server.compliance.Compliance;
import io.switchboard.server.kpi.KpiInboundLoads;
import io.switchboard.server.routing.CampaignDialing;
import io.switchboard.server.routing.PreviewRoutes;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.server.http.HttpApi;
import io.switchboard.server.security.NodeSecurity;
import io.switchboard.server.security.Security;
import io.switchboard.server.http.HttpBindException;
import io.switchboard.server.http.HttpVerticle;
import io.switchboard.server.kpi.HistoryWriter;
import io.switchboard.server.kpi.Kpis;
import io.switchboard.server.leadimport.ImportRoutes;
import io.switchboard.queue.kpi.KpiSettings;
import io.switchboard.server.metrics.KpiMeters;
import io.switchboard.server.metrics.PbxMeters;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseUnavailableException;
import io.switchboard.server.pbx.PbxConnections;
import io.switchboard.server.pbx.PbxReaches;
import io.switchboard.server.queuelog.QueueLogFile;
import io.switchboard.server.routing.InboundRouting;
import io.switchboard.server.wallboard.Wallboard;
import io.switchboard.server.routing.JooqPendingCallbacks;
import io.switchboard.server.routing.JooqCallHistory;
import io.switchboard.queue.routing.HeldCall;
import io.switchboard.queue.routing.InboundRules;
import io.switchboard.queue.routing.OutboundPolicy;
import io.switchboard.server.config.AnsweringMachineAction;
import io.switchboard.server.config.OutboundSettings;
import io.switchboard.server.config.KpiConfig;
import io.switchboard.server.config.QueueLogSettings;
import io.switchboard.server.config.RoutingSettings;
import io.switchboard.server.crm.Crm;
import io.switchboard.server.crm.CrmConnectors;
import io.switchboard.server.desk.Desk;
import io.switchboard.server.desk.HazelcastDeskBoard;
import io.switchboard.server.routing.JooqOutboundJournal;
import io.switchboard.server.routing.JooqRoutingJournal;
import io.switchboard.server.routing.JooqTaskQueues;
import io.switchboard.queue.state.AgentChangesElsewhere;
import io.switchboard.queue.state.HazelcastAgentStateStore;
import io.switchboard.queue.state.HazelcastCallsInFlight;
import io.switchboard.queue.state.HazelcastLastAgents;
import io.switchboard.server.runtime.StartupException.Stage;
import io.switchboard.server.status.AmiConnectionCheck;
import io.switchboard.server.status.CrmCheck;
import io.switchboard.server.status.DatabaseCheck;
import io.switchboard.server.status.EslConnectionCheck;
import io.switchboard.server.status.HazelcastCheck;
import io.switchboard.server.status.PbxOwners;
import io.switchboard.server.status.StatusRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: clustered Vert.x on an embedded Hazelcast member, the database, the PBX
 * connections, the HTTP API. {@link #start} is one compose chain; a failure at any step closes what was started and fails with a
 * {@link StartupException} that says what to fix.
 *
 * <p>Closing happens on a plain thread, never inside the chain: a continuation scheduled on an event
 * loop that {@code vertx.close()} is shutting down would never run, and the caller would wait forever.
 */
public final class Server implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  /** What the HTTP step needs from the routing step. */
  private record ServedParts(StatusRegistry status, JooqAgentDirectory directory, Kpis kpis, Database database,
      Crm crm, Security security, Desk desk) {

    ServedParts withSecurity(Security newSecurity) {
      return new ServedParts(status, directory, kpis, database, crm, newSecurity, desk);
    }
  }

  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
  /** Rows kept while the queue_log file cannot be written: hours of a busy center's events. */
  private static final int QUEUE_LOG_BUFFER = 100_000;
  private static final Duration QUEUE_LOG_RETRY = Duration.ofSeconds(1);

  private final Parts parts;

  private Server(Parts parts) {
    this.parts = parts;
  }

  /** Starts a node. The returned future completes on a non-event-loop thread when the chain ends. */
  public static Future<Server> start(SwitchboardConfig config, VertxOptions options) {
    HazelcastSetup.prepareProcess();
    Parts parts = new Parts(new ServerMetrics());
    HazelcastClusterManager cluster = new HazelcastClusterManager(HazelcastSetup.config(config.hazelcast()));
    Promise<Server> outcome = Promise.promise();
    Vertx.builder().with(options).withClusterManager(cluster).buildClustered()
        .recover(failure -> failed(Stage.CLUSTER, "the Hazelcast member for cluster '"
            + config.hazelcast().clusterName() + "' did not start (hazelcast.*): " + failure.getMessage(), failure))
        .compose(vertx -> {
          parts.vertx = vertx;
          parts.hazelcast = cluster.getHazelcastInstance();
          return Database.start(vertx, DatabaseSettingsMapper.toSettings(config.database()))
              .recover(failure -> failed(Stage.DATABASE, failure instanceof DatabaseUnavailableException
                  ? failure.getMessage() : "the database did not start: " + failure.getMessage(), failure));
        })
        .compose(database -> {
          parts.database = database;
          return Compliance.start(database, ZoneId.of(config.routing().statisticsZone()),
              config.outbound().amdFalsePositivePercent() / 100.0, Clock.systemUTC())
              .recover(failure -> failed(Stage.DATABASE, "the abandon ledger could not be read from "
                  + "campaign_call_results: " + failure.getMessage(), failure))
              .map(compliance -> {
                parts.compliance = compliance;
                return database;
              });
        })
        .compose(database -> {
          parts.database = database;
          // After the database and Hazelcast: what the PBX tells us is only useful once state can be stored.
          parts.pbx = PbxConnections.of(config.pbx(), parts.vertx.getOrCreateContext(), parts.metrics.registry(),
              Clock.systemUTC());
          // Connections start only once this node owns their PBX (docs/cluster.md); commands need the lease.
          OwnedPbxs owned = new OwnedPbxs(parts.vertx, parts.pbx, () -> parts.routing);
          parts.ownership = new PbxOwnership(parts.vertx, parts.hazelcast, config.hazelcast(), parts.pbx.names(),
              owned, Clock.systemUTC(), System::nanoTime);
          owned.actingBy(parts.ownership::acting);
          List<String> names = parts.pbx.names();
          // The dialler follows the first PBX: its new owner counts what the previous one dialled before pacing.
          owned.beforeConnecting(pbx -> names.indexOf(pbx) == 0 ? parts.compliance.reload() : Future.succeededFuture());
          parts.pbx.fencedBy(parts.ownership::acting);
          List<CrmConnector> crms = CrmConnectors.from(config.crm(), Clock.systemUTC());
          StatusRegistry status = statusChecks(parts.vertx, parts.hazelcast, database, parts.pbx, config, crms,
              owners(parts.ownership));
          JooqAgentDirectory directory = new JooqAgentDirectory(database, Clock.systemUTC());
          Kpis kpis = Kpis.start(parts.vertx, database, kpiSettings(config.kpi()), Clock.systemUTC(),
              start -> HistoryWriter.oldestMemberOf(parts.hazelcast, start),
              () -> callsInFlight(parts, parts.pbx.names())).fencedBy(pbx -> parts.ownership.fenced(pbx));
          KpiMeters.start(parts.vertx, parts.metrics.registry(), kpis.live());
          PbxMeters.register(parts.metrics.registry(), parts.pbx, parts.ownership::acting);
          Crm crm = Crm.start(parts.vertx, database, crms, config.crm().outbox(), Clock.systemUTC());
          crm.register(status);
          Desk desk = Desk.start(parts.vertx, Clock.systemUTC(), new HazelcastDeskBoard(parts.hazelcast));
          // A command for a PBX another node owns goes to that node over the event bus (docs/cluster.md).
          OwnerRequests ownerRequests = new OwnerRequests(parts.vertx, parts.ownership::acting);
          parts.ownerRequests = ownerRequests;
          owned.alsoTell(ownerRequests);
          desk.forwarding(ownerRequests, parts.ownership::acting);
          parts.routing = InboundRouting.start(parts.vertx, parts.vertx.getOrCreateContext(), parts.pbx, directory,
              desk.tap(kpis.tap(new HazelcastAgentStateStore(parts.hazelcast))),
              new JooqTaskQueues(database, Clock.systemUTC()),
              desk.tap(crm.tap(kpis.tap(routingJournal(database, config.queueLog(), parts)))),
              desk.tapOutbound(crm.tapOutbound(new JooqOutboundJournal(database))),
              outboundPolicy(config.outbound()), inboundRules(config.routing()),
              new HazelcastLastAgents(parts.hazelcast, Duration.ofHours(config.routing().lastAgentRetentionHours())),
              new JooqCallHistory(database), Clock.systemUTC());
          JooqPendingCallbacks callbacks = new JooqPendingCallbacks(database, parts.vertx, Clock.systemUTC());
          parts.routing.keepCallbacks(callbacks);
          // A PBX taken over: the queued callbacks its previous owner stored since this node started are read back.
          owned.beforeConnecting(pbx -> {
            parts.routing.keepCallbacks(callbacks);
            return Future.succeededFuture();
          });
          // Each inbound call in flight is kept in the cluster for whoever owns its PBX next (docs/routing.md).
          parts.routing.keepCallsIn(new HazelcastCallsInFlight(parts.hazelcast,
              task -> parts.vertx.executeBlocking(() -> {
                task.run();
                return null;
              }, false)));
          parts.routing.useAccountOwners(crm.accountOwners());
          parts.routing.usePbxReach(PbxReaches.of(config.pbx()));
          parts.routing.linesThroughOwners(ownerRequests, parts.ownership::acting, parts.pbx.names());
          parts.routing.transfers().throughOwners(ownerRequests, parts.ownership::acting);
          crm.throughOwners(ownerRequests, parts.ownership::acting, parts.pbx.names());
          AgentChangesElsewhere.listen(parts.hazelcast, Runnable::run, parts.routing::agentChangedElsewhere);
          // Phones' states heard by each PBX's owner reach every node's router (agentScope any, takeovers).
          SharedDeviceStates.start(parts.vertx, parts.pbx.all(), parts.ownership::acting,
              parts.routing::heardElsewhere);
          parts.campaigns = new JooqCampaigns(database, Clock.systemUTC());
          parts.leadQueue = new JooqLeadQueue(database);
          new CampaignCompletion(database, Clock.systemUTC()).every(parts.vertx, CampaignCompletion.EVERY);
          return CampaignDialing.start(parts.vertx, parts.routing, parts.campaigns, parts.leadQueue,
              parts.compliance.gate(), parts.compliance.ledger(), config.outbound().amdFalsePositivePercent() / 100.0,
              new KpiInboundLoads(kpis.live(), directory),
              Duration.ofSeconds(config.outbound().blendCalmSeconds()), ZoneId.of(config.routing().statisticsZone()),
              Clock.systemUTC())
              .map(dialing -> {
                parts.dialing = dialing;
                dialing.dialOnlyWhile(() -> !names.isEmpty() && owned.connected(names.get(0)));
                parts.ownership.start();
                desk.serve(parts.routing::agentState, id -> parts.pbx.get(id.value()), parts.routing.transfers(),
                    parts.routing.context(), parts.leadQueue::disposeConnected, Optional.of(dialing.preview()));
                return new ServedParts(status, directory, kpis, database, crm, null, desk);
              });
        })
        .compose(served -> NodeSecurity.start(parts.vertx, served.database(), config.http(), parts.routing::call)
            .map(served::withSecurity))
        .compose(served -> {
          Database database = served.database();
          Kpis kpis = served.kpis();
          parts.http = new HttpVerticle(config.http(),
              new HttpApi(served.status(), parts.metrics, served.directory(), Optional.of(parts.routing),
                  served.security()).withKpis(kpis)
                  .withDialAudit(parts.compliance.history())
                  .withCampaigns(new CampaignRoutes(parts.campaigns, new JooqCampaignLeads(database, Clock.systemUTC()),
                      parts.leadQueue, Clock.systemUTC()))
                  .mounting(new ImportRoutes(parts.vertx, database, Clock.systemUTC())::mount)
                  .mounting(new PreviewRoutes(parts.dialing, parts.ownerRequests,
                      parts.pbx.names().stream().findFirst(),
                      () -> !parts.pbx.names().isEmpty() && parts.ownership.acting(parts.pbx.names().get(0)))::mount)
                  .mounting(served.crm()::mount)
                  .mounting(Wallboard.routes(parts.vertx, parts.routing, parts.pbx, served.directory(), database, kpis,
                      parts.campaigns, parts.compliance.ledger(), config.outbound().amdFalsePositivePercent() / 100.0,
                      served.security(), monitors -> monitors.throughOwners(parts.ownerRequests,
                      parts.ownership::acting, parts.pbx.names())))
                  .mounting(served.desk()::mount));
          return parts.vertx.deployVerticle(parts.http)
              .recover(failure -> failed(Stage.HTTP, failure instanceof HttpBindException ? failure.getMessage()
                  : "the HTTP server did not start: " + failure.getMessage(), failure));
        })
        .onComplete(done -> {
          if (done.succeeded()) {
            parts.httpDeployment = done.result();
            outcome.complete(new Server(parts));
          } else {
            LOG.debug("event=startup-failed", done.cause());
            Thread cleanup = new Thread(() -> {
              parts.close();
              outcome.fail(done.cause());
            }, "switchboard-startup-cleanup");
            cleanup.start();
          }
        });
    return outcome.future();
  }

  /** The routing journal, also writing the queue_log file when {@code queue-log.file} is set. */
  private static JooqRoutingJournal routingJournal(Database database, QueueLogSettings queueLog, Parts parts) {
    if (!queueLog.writesFile()) {
      return new JooqRoutingJournal(database).fencedBy(pbx -> parts.ownership.fenced(pbx));
    }
    parts.queueLog = QueueLogFile.start(Path.of(queueLog.file()), QUEUE_LOG_BUFFER, QUEUE_LOG_RETRY);
    LOG.info("event=queue-log-file-opened path={}", queueLog.file());
    return new JooqRoutingJournal(database, parts.queueLog).fencedBy(pbx -> parts.ownership.fenced(pbx));
  }

  /** Every PBX's calls in flight, read off the event loop: the callers a node joining late sees waiting. */
  private static CompletionStage<List<HeldCall>> callsInFlight(Parts parts, List<String> pbxs) {
    HazelcastCallsInFlight calls = new HazelcastCallsInFlight(parts.hazelcast, task -> parts.vertx.executeBlocking(() -> {
      task.run();
      return null;
    }, false));
    List<CompletableFuture<List<HeldCall>>> each = pbxs.stream()
        .map(pbx -> calls.of(PbxId.of(pbx)).toCompletableFuture()).toList();
    return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
        .thenApply(done -> each.stream().flatMap(read -> read.join().stream()).toList());
  }

  private static <T> Future<T> failed(Stage stage, String message, Throwable cause) {
    return Future.failedFuture(cause instanceof StartupException ? cause : new StartupException(stage, message, cause));
  }

  private static Optional<CrmConnector> connector(List<CrmConnector> crms, String name) {
    return crms.stream().filter(crm -> crm.name().equals(name)).findFirst();
  }

  static StatusRegistry statusChecks(Vertx vertx, HazelcastInstance hazelcast, Database database,
      PbxConnections attached, SwitchboardConfig config, List<CrmConnector> crms, PbxOwners owners) {
    StatusRegistry status = new StatusRegistry(CHECK_TIMEOUT);
    status.register(new DatabaseCheck(database));
    status.register(new HazelcastCheck(vertx, hazelcast));
    config.pbx().forEach(pbx -> {
      String reason = attached.notAttached().getOrDefault(pbx.name(), "not attached");
      if (pbx.type() == PbxType.FREESWITCH) {
        status.register(attached.eslStatus(pbx.name()).map(s -> new EslConnectionCheck(pbx, s).ownedBy(owners))
            .orElseGet(() -> EslConnectionCheck.notAttached(pbx, reason)));
      } else {
        status.register(attached.amiStatus(pbx.name()).map(s -> new AmiConnectionCheck(pbx, s).ownedBy(owners))
            .orElseGet(() -> AmiConnectionCheck.notAttached(pbx, reason)));
      }
    });
    status.register(new CrmCheck("salesforce", config.crm().salesforce().enabled(), connector(crms, "salesforce")));
    status.register(new CrmCheck("hubspot", config.crm().hubspot().enabled(), connector(crms, "hubspot")));
    status.register(new CrmCheck("zendesk", config.crm().zendesk().enabled(), connector(crms, "zendesk")));
    return status;
  }

  /** The ownership as {@code /status} shows it beside each PBX. */
  private static PbxOwners owners(PbxOwnership ownership) {
    return new PbxOwners() {
      @Override
      public String member() {
        return ownership.member();
      }

      @Override
      public boolean actingHere(String pbx) {
        return ownership.acting(pbx);
      }

      @Override
      public CompletionStage<Optional<String>> owner(String pbx) {
        return ownership.owner(pbx).thenApply(owner -> Optional.ofNullable(owner)
            .filter(o -> !o.released()).map(PbxOwner::member));
      }
    };
  }

  /** The PBX ownership of this node (docs/cluster.md). */
  public PbxOwnership ownership() {
    return parts.ownership;
  }

  /** Routes this node serves that no row of the access policy names (a test keeps this empty). */
  public java.util.List<String> routesNotInAccessPolicy() {
    return parts.http.routesNotInAccessPolicy();
  }

  /** The port HTTP is bound to (useful when {@code http.port} is 0). */
  public int httpPort() {
    return parts.http.actualPort();
  }

  public Vertx vertx() {
    return parts.vertx;
  }

  /** The stored campaigns, for the dialer loop ({@code CampaignDirectory}). */
  public JooqCampaigns campaigns() {
    return parts.campaigns;
  }

  /** The campaigns' leads, for the dialer loop ({@code LeadQueue}). */
  public JooqLeadQueue leadQueue() {
    return parts.leadQueue;
  }

  public HazelcastInstance hazelcast() {
    return parts.hazelcast;
  }

  /** The compliance gate and its abandon ledger, for the dialer loop (issue 6). */
  public Compliance compliance() {
    return parts.compliance;
  }

  /** The attached PBXs: connection, call control and event stream per {@code pbx[].name}. */
  public PbxConnections pbx() {
    return parts.pbx;
  }

  /**
   * Blocking: logs off every PBX first (no new events or commands), then stops HTTP, then the database, then Vert.x, which makes the
   * Hazelcast member leave the cluster. Idempotent; call from a plain thread (shutdown hook, test).
   */
  @Override
  public void close() {
    parts.close();
  }

  /** {@code outbound.*} as the routing decisions read it; the values were checked when the config was loaded. */
  static InboundRules inboundRules(RoutingSettings settings) {
    return new InboundRules(settings.autoPauseAfterMisses(), ZoneId.of(settings.statisticsZone()));
  }

  /** {@code kpi.*} as the KPI engine reads it; the values were checked when the config was loaded. */
  static KpiSettings kpiSettings(KpiConfig kpi) {
    return new KpiSettings(Duration.ofSeconds(kpi.serviceLevelSeconds()), Map.of(),
        Duration.ofSeconds(kpi.shortAbandonSeconds()), Duration.ofHours(kpi.repeatCallerHours()), ZoneId.of(kpi.zone()));
  }

  static OutboundPolicy outboundPolicy(OutboundSettings settings) {
    return new OutboundPolicy(Duration.ofSeconds(settings.ringTimeoutSeconds()),
        settings.answeringMachine() == AnsweringMachineAction.MESSAGE ? OutboundPolicy.MachineAction.MESSAGE
            : OutboundPolicy.MachineAction.HANGUP,
        Optional.of(settings.machineMessage()).filter(m -> !m.isBlank()),
        Optional.of(settings.safeHarbourMessage()).filter(m -> !m.isBlank()),
        Duration.ofSeconds(settings.wrapUpSeconds()));
  }
}
