package io.switchboard.server.cluster;

import io.switchboard.core.id.PbxId;
import io.switchboard.server.pbx.PbxConnections;
import io.switchboard.server.routing.InboundRouting;
import io.vertx.core.Vertx;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
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
  private final List<Function<String, Future<?>>> beforeConnecting = new CopyOnWriteArrayList<>();
  private final List<PbxOwnership.Listener> alsoTold = new CopyOnWriteArrayList<>();
  private final Set<String> connected = ConcurrentHashMap.newKeySet();
  /** The disconnection under way for each PBX lost, which a new gain of it waits for before connecting. */
  private final Map<String, Future<Void>> stopping = new ConcurrentHashMap<>();

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

  /** Also done, beside the router's takeover, before this node connects to a PBX it has just gained. */
  public OwnedPbxs beforeConnecting(Function<String, Future<?>> step) {
    beforeConnecting.add(step);
    return this;
  }

  /**
   * Also tells {@code listener} of every gain (first, before the handover starts) and every loss (first, before the
   * connection stops), e.g. so that the desk commands for a PBX are taken where it is owned.
   */
  public OwnedPbxs alsoTell(PbxOwnership.Listener listener) {
    alsoTold.add(listener);
    return this;
  }

  /** True once this node, owning {@code pbx}, has taken its calls over and started its connection. */
  public boolean connected(String pbx) {
    return connected.contains(pbx) && acting.test(pbx);
  }

  @Override
  public void gained(String pbx, long epoch) {
    alsoTold.forEach(listener -> listener.gained(pbx, epoch));
    // The router's takeover first: the other steps (the callbacks read back, the ledger) see the calls it holds.
    routing.get().takeOver(PbxId.of(pbx)).transform(taken -> {
      List<Future<?>> steps = new ArrayList<>();
      beforeConnecting.forEach(step -> steps.add(step.apply(pbx)));
      return Future.join(steps).transform(done -> taken.failed() ? Future.failedFuture(taken.cause())
          : done.failed() ? Future.failedFuture(done.cause()) : Future.succeededFuture());
    }).onComplete(ready -> {
      if (ready.failed()) {
        LOG.warn("event=pbx-takeover-failed pbx={} epoch={} reason={}", pbx, epoch, ready.cause().toString());
      }
      if (!acting.test(pbx)) {
        return; // lost before the handover completed: lost() has let it go
      }
      // Connect even if the handover failed: callers on the PBX need routing more than a perfect history.
      stopping.getOrDefault(pbx, Future.succeededFuture()).onComplete(stopped -> {
        if (!acting.test(pbx)) {
          return;
        }
        LOG.info("event=pbx-connecting pbx={} epoch={}", pbx, epoch);
        connections.start(pbx);
        connected.add(pbx);
      });
    });
  }

  @Override
  public void lost(String pbx, long epoch, String reason) {
    alsoTold.forEach(listener -> listener.lost(pbx, epoch, reason));
    connected.remove(pbx);
    routing.get().letGo(PbxId.of(pbx));
    Future<Void> stopped = vertx.<Void>executeBlocking(() -> {
      connections.stop(pbx);
      return null;
    }, false).onComplete(done -> LOG.info("event=pbx-disconnected pbx={} epoch={}", pbx, epoch));
    stopping.put(pbx, stopped);
  }
}
