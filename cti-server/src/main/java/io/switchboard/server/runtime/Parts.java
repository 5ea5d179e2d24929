package io.switchboard.server.runtime;

import com.hazelcast.core.HazelcastInstance;
import io.switchboard.server.cluster.OwnerRequests;
import io.switchboard.server.cluster.PbxOwnership;
import io.switchboard.server.compliance.Compliance;
import io.switchboard.server.campaign.JooqCampaigns;
import io.switchboard.server.campaign.JooqLeadQueue;
import io.switchboard.server.routing.CampaignDialing;
import io.switchboard.server.http.HttpVerticle;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.pbx.PbxConnections;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.queuelog.QueueLogFile;
import io.switchboard.server.routing.InboundRouting;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a node has started so far, closed in reverse order from a plain thread. */
final class Parts {

  private static final Logger LOG = LoggerFactory.getLogger(Parts.class);
  private static final long STEP_TIMEOUT_SECONDS = 20;

  final ServerMetrics metrics;
  volatile Vertx vertx;
  volatile HazelcastInstance hazelcast;
  volatile Database database;
  volatile Compliance compliance;
  volatile PbxConnections pbx;
  /** Which PBXs this node drives (docs/cluster.md). */
  volatile PbxOwnership ownership;
  /** Requests to the owner of a PBX this node does not own (docs/cluster.md, "Commands through any node"). */
  volatile OwnerRequests ownerRequests;
  volatile InboundRouting routing;
  volatile QueueLogFile queueLog;
  /** The campaigns and their leads as stored, for the dialer loop. */
  volatile JooqCampaigns campaigns;
  volatile JooqLeadQueue leadQueue;
  /** The dialer loop (issue 6). */
  volatile CampaignDialing dialing;
  volatile HttpVerticle http;
  volatile String httpDeployment;
  private final AtomicBoolean closed = new AtomicBoolean();

  Parts(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("event=stopping");
    if (routing != null) {
      routing.close();
    }
    if (queueLog != null) {
      queueLog.close();
    }
    if (ownership != null) {
      // Commands and events stop here; released at once, so the next owner takes the PBXs without waiting.
      ownership.close();
    }
    if (pbx != null) {
      try {
        pbx.stop();
      } catch (RuntimeException e) {
        LOG.warn("event=stop-step-failed step=pbx reason={}", e.toString());
      }
    }

    if (vertx != null && httpDeployment != null) {
      step("http", vertx.undeploy(httpDeployment));
    }
    if (database != null) {
      try {
        database.close();
      } catch (RuntimeException e) {
        LOG.warn("event=stop-step-failed step=database reason={}", e.toString());
      }
    }
    if (vertx != null) {
      step("vertx-and-hazelcast", vertx.close());
    }
    metrics.close();
    LOG.info("event=stopped");
  }

  private static void step(String name, Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("event=stop-step-failed step={} reason={}", name, e.toString());
    }
  }
}
