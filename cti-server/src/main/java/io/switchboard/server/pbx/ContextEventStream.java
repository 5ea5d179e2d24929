package io.switchboard.server.pbx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.PbxEventListener;
import io.switchboard.core.port.PbxEventStream;
import io.switchboard.core.port.Subscription;
import io.vertx.core.Context;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one PBX, moved off the adapter's thread: {@link #onEvent} (called on Asterisk-Java's
 * reader thread, or on a FreeSWITCH's ESL event executor) only schedules the event on a Vert.x context; there it is counted
 * ({@code switchboard_pbx_events_total{pbx, type}}), logged at debug with ids only, and delivered to
 * subscribers in arrival order.
 */
final class ContextEventStream implements PbxEventStream, PbxEventListener {

  static final String METER = "switchboard.pbx.events";
  private static final Logger LOG = LoggerFactory.getLogger(ContextEventStream.class);

  private final PbxId pbx;
  private final Context context;
  private final MeterRegistry meters;
  private final Map<Class<?>, Counter> counters = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<PbxEventListener> listeners = new CopyOnWriteArrayList<>();

  ContextEventStream(PbxId pbx, Context context, MeterRegistry meters) {
    this.pbx = Objects.requireNonNull(pbx, "pbx");
    this.context = Objects.requireNonNull(context, "context");
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /** Subscribers run on this PBX's Vert.x context; like any handler there they must not block. */
  @Override
  public Subscription subscribe(PbxEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** The hand-off: the only thing done on the caller's (reader or event executor) thread. */
  @Override
  public void onEvent(PbxEvent event) {
    context.runOnContext(v -> deliver(event));
  }

  private void deliver(PbxEvent event) {
    counters.computeIfAbsent(event.getClass(), type -> Counter.builder(METER)
        .description("PBX events received, after translation to core events")
        .tag("pbx", pbx.value())
        .tag("type", type.getSimpleName())
        .register(meters)).increment();
    if (LOG.isDebugEnabled()) {
      LOG.debug("event=pbx-event pbx={} {}", pbx, EventIds.describe(event));
    }
    for (PbxEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("event=pbx-listener-failed pbx={} type={}", pbx, event.getClass().getSimpleName(), e);
      }
    }
  }
}
