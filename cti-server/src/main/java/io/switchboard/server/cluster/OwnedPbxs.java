package io.switchboard.server.cluster;

import io.switchboard.core.id.PbxId;
import io.switchboard.server.pbx.PbxConnections;
import io.switchboard.server.routing.InboundRouting;
import io.vertx.core.Vertx;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node does when it gains or loses a PBX: on a gain the router first takes over the calls the previous
 * owner left, then the connection starts (and resyncs); on a loss the connection stops on a worker thread (commands
 * and events were already cut off by the fence) and the router lets the PBX's calls go.
 */
public final class OwnedPbxs implements PbxOwnership.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(OwnedPbxs.class);

  private final Vertx vertx;
  private final PbxConnections connections;
  private final Supplier<InboundRouting> routing;
  private volatile Predicate<String> acting = pbx -> true;

  /** @param routing read when a PBX is gained or lost, after the node has built its router */
  public OwnedPbxs(Vertx vertx, PbxConnections connections, Supplier<InboundRouting> routing) {
    this.vertx = vertx;
    this.connections = connections;
    this.routing = routing;
  }

  /** Whether this node still acts on a PBX when its handover completes (it may have lost it meanwhile). */
  public OwnedPbxs actingBy(Predicate<String> acting) {
    this.acting = acting;
    return this;
  }

  @Override
  public void gained(String pbx, long epoch) {
    routing.get().takeOver(PbxId.of(pbx)).onComplete(ready -> {
      if (ready.failed()) {
        LOG.warn("event=pbx-takeover-failed pbx={} epoch={} reason={}", pbx, epoch, ready.cause().toString());
      }
      if (!acting.test(pbx)) {
        return; // lost before the handover completed: lost() has let it go
      }
      // Connect even if the handover failed: callers on the PBX need routing more than a perfect history.
      LOG.info("event=pbx-connecting pbx={} epoch={}", pbx, epoch);
      connections.start(pbx);
    });
  }

  @Override
  public void lost(String pbx, long epoch, String reason) {
    routing.get().letGo(PbxId.of(pbx));
    vertx.executeBlocking(() -> {
      connections.stop(pbx);
      return null;
    }, false).onComplete(stopped -> LOG.info("event=pbx-disconnected pbx={} epoch={}", pbx, epoch));
  }
}
