package io.switchboard.server.runtime;

import com.hazelcast.core.HazelcastInstance;
import io.switchboard.server.agent.JooqAgentDirectory;
import io.switchboard.server.cluster.HazelcastSetup;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.server.http.HttpApi;
import io.switchboard.server.http.HttpBindException;
import io.switchboard.server.http.HttpVerticle;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseUnavailableException;
import io.switchboard.server.status.CrmCheck;
import io.switchboard.server.status.DatabaseCheck;
import io.switchboard.server.status.HazelcastCheck;
import io.switchboard.server.status.PbxReachabilityCheck;
import io.switchboard.server.status.StatusRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: clustered Vert.x on an embedded Hazelcast member, the database, the HTTP API.
 * {@link #start} is one compose chain; a failure at any step closes what was started and fails with a
 * {@link StartupException} that says what to fix.
 */
public final class Server {

  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final Database database;
  private final ServerMetrics metrics;
  private final HttpVerticle http;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private Server(Vertx vertx, HazelcastInstance hazelcast, Database database, ServerMetrics metrics, HttpVerticle http) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.database = database;
    this.metrics = metrics;
    this.http = http;
  }

  /** Starts a node; call from a plain thread (the CLI's main thread or a test), never an event loop. */
  public static Future<Server> start(SwitchboardConfig config, VertxOptions options) {
    HazelcastSetup.prepareProcess();
    HazelcastClusterManager cluster = new HazelcastClusterManager(HazelcastSetup.config(config.hazelcast()));
    ServerMetrics metrics = new ServerMetrics();
    return Vertx.builder().with(options).withClusterManager(cluster).buildClustered()
        .recover(failure -> {
          metrics.close();
          return Future.failedFuture(new StartupException(StartupException.Stage.CLUSTER,
              "the Hazelcast member for cluster '" + config.hazelcast().clusterName() + "' did not start"
                  + " (hazelcast.*): " + failure.getMessage(), failure));
        })
        .compose(vertx -> withDatabase(vertx, cluster, config, metrics));
  }

  private static Future<Server> withDatabase(
      Vertx vertx, HazelcastClusterManager cluster, SwitchboardConfig config, ServerMetrics metrics) {
    return Database.start(vertx, DatabaseSettingsMapper.toSettings(config.database()))
        .recover(failure -> closeVertx(vertx, metrics).transform(ignored -> Future.failedFuture(
            new StartupException(StartupException.Stage.DATABASE, databaseMessage(failure), failure))))
        .compose(database -> withHttp(vertx, cluster.getHazelcastInstance(), database, config, metrics));
  }

  private static Future<Server> withHttp(Vertx vertx, HazelcastInstance hazelcast, Database database,
      SwitchboardConfig config, ServerMetrics metrics) {
    StatusRegistry status = statusChecks(vertx, hazelcast, database, config);
    HttpVerticle http = new HttpVerticle(config.http(),
        new HttpApi(status, metrics, new JooqAgentDirectory(database, Clock.systemUTC())));
    Server server = new Server(vertx, hazelcast, database, metrics, http);
    return vertx.deployVerticle(http)
        .map(id -> server)
        .recover(failure -> server.stop().transform(ignored -> Future.failedFuture(new StartupException(
            StartupException.Stage.HTTP, failure instanceof HttpBindException ? failure.getMessage()
                : "the HTTP server did not start: " + failure.getMessage(), failure))));
  }

  static StatusRegistry statusChecks(Vertx vertx, HazelcastInstance hazelcast, Database database,
      SwitchboardConfig config) {
    StatusRegistry status = new StatusRegistry(CHECK_TIMEOUT);
    status.register(new DatabaseCheck(database));
    status.register(new HazelcastCheck(vertx, hazelcast));
    config.pbx().forEach(pbx -> status.register(new PbxReachabilityCheck(vertx, pbx, CHECK_TIMEOUT)));
    status.register(new CrmCheck("salesforce", config.crm().salesforce().enabled()));
    status.register(new CrmCheck("hubspot", config.crm().hubspot().enabled()));
    status.register(new CrmCheck("zendesk", config.crm().zendesk().enabled()));
    return status;
  }

  private static String databaseMessage(Throwable failure) {
    return failure instanceof DatabaseUnavailableException ? failure.getMessage()
        : "the database did not start: " + failure.getMessage();
  }

  private static Future<Void> closeVertx(Vertx vertx, ServerMetrics metrics) {
    return vertx.close().eventually(() -> {
      metrics.close();
      return Future.succeededFuture();
    });
  }

  /** The port HTTP is bound to (useful when {@code http.port} is 0). */
  public int httpPort() {
    return http.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  /**
   * Stops HTTP first (no new requests), then the database, then Vert.x, which makes the Hazelcast
   * member leave the cluster. Idempotent; never fails.
   */
  public Future<Void> stop() {
    if (!stopped.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    LOG.info("event=stopping");
    return vertx.undeploy(vertx.deploymentIDs().isEmpty() ? "" : vertx.deploymentIDs().iterator().next())
        .otherwiseEmpty()
        .compose(v -> vertx.executeBlocking(() -> {
          database.close();
          return null;
        }, false))
        .otherwiseEmpty()
        .compose(v -> closeVertx(vertx, metrics))
        .otherwiseEmpty()
        .onComplete(v -> LOG.info("event=stopped"))
        .mapEmpty();
  }
}
