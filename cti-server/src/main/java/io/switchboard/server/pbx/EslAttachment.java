package io.switchboard.server.pbx;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.retry.RetryPolicy;
import io.switchboard.esl.EslSettings;
import io.switchboard.esl.connection.EslConnection;
import io.switchboard.esl.connection.EslConnectionStatus;
import io.switchboard.esl.connection.EslPbxEvents;
import io.switchboard.esl.translate.CustomEventTranslator;
import io.switchboard.esl.translate.EslChannels;
import io.switchboard.server.config.PbxConnection;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one FreeSWITCH, wired: settings from the {@code pbx[]} entry, the ESL connection on the
 * node's Vert.x, its own single-thread event executor (decoding and translation never run on an event
 * loop, and stay in FreeSWITCH's order: docs/esl.md, "Back-pressure"), call control, and the hand-off of
 * its events to a Vert.x context.
 */
final class EslAttachment implements PbxAttachment {

  private static final Logger LOG = LoggerFactory.getLogger(EslAttachment.class);

  /** Prometheus: {@code switchboard_esl_frames_skipped_total{pbx}}. */
  static final String SKIPPED_FRAMES_METER = "switchboard.esl.frames.skipped";
  static final Duration CONNECT_TIMEOUT = AsteriskAttachment.CONNECT_TIMEOUT;

  private final ExecutorService events;
  private final EslConnection connection;
  private final AttachedPbx attached;

  private EslAttachment(ExecutorService events, EslConnection connection, AttachedPbx attached) {
    this.events = events;
    this.connection = connection;
    this.attached = attached;
  }

  /**
   * Builds, does not connect yet.
   *
   * @throws IllegalArgumentException if the entry lacks what ESL needs (the password in {@code secret}); the
   *         message names the field and never holds the secret
   */
  static EslAttachment of(PbxConnection pbx, Context context, MeterRegistry meters, Clock clock) {
    EslSettings settings = new EslSettings(pbx.host(), pbx.port(), pbx.secret().value(), CONNECT_TIMEOUT);
    PbxId id = PbxId.of(pbx.name());
    ExecutorService events = eventExecutor(pbx.name());
    EslChannels channels = new EslChannels(id);
    EslPbxEvents eslEvents = new EslPbxEvents();
    ContextEventStream stream = new ContextEventStream(id, context, meters);
    eslEvents.subscribe(stream);
    EslCallLegs legs = new EslCallLegs();
    stream.subscribe(legs);
    EslConnection connection = new EslConnection(id, settings, context.owner(),
        RetryPolicy.exponential(AsteriskAttachment.FIRST_RETRY, AsteriskAttachment.LONGEST_RETRY, Integer.MAX_VALUE,
            new SplittableRandom()),
        clock, events, channels, glueTranslators(), eslEvents);
    FunctionCounter.builder(SKIPPED_FRAMES_METER, connection, EslAttachment::skipped)
        .description("ESL input skipped: malformed frames and events Switchboard does not translate; the first"
            + " malformed frame of each kind is logged with a masked sample (event=esl-input-skipped)")
        .tag("pbx", pbx.name())
        .register(meters);
    CallControl control = callControl(pbx, id, connection, legs, context);
    LOG.info("event=pbx-attaching pbx={} type=freeswitch esl={}:{}", pbx.name(), pbx.host(), pbx.port());
    return new EslAttachment(events, connection, new AttachedPbx(id, control, stream));
  }

  /** The dialplan glue's CUSTOM events by {@code Event-Subclass}; none are translated by esl-adapter yet. */
  static Map<String, CustomEventTranslator> glueTranslators() {
    return Map.of();
  }

  /**
   * Commands to this FreeSWITCH. Until esl-adapter ships {@code EslCallControl}, a stand-in that refuses
   * every command, so the entry is attached for events and {@code /status} only.
   */
  static CallControl callControl(PbxConnection pbx, PbxId id, EslConnection connection, EslCallLegs legs,
      Context context) {
    return new UnavailableCallControl(id);
  }

  private static double skipped(EslConnection connection) {
    long unknownEvents = connection.skippedEvents().values().stream().mapToLong(Long::longValue).sum();
    return connection.malformedFrames().total() + unknownEvents;
  }

  /**
   * One thread, so events are decoded and translated one at a time in the order FreeSWITCH sent them. The
   * queue is unbounded because the socket is never paused (docs/esl.md); once stopped, what still arrives
   * (a reply racing the stop) is dropped instead of throwing on the event loop.
   */
  private static ExecutorService eventExecutor(String pbxName) {
    return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "switchboard-esl-" + pbxName);
      thread.setDaemon(true);
      return thread;
    }, new ThreadPoolExecutor.DiscardPolicy());
  }

  @Override
  public AttachedPbx attached() {
    return attached;
  }

  /** The ESL connection's state, for {@code /status}; its detail never holds the password. */
  EslConnectionStatus status() {
    return connection.status();
  }

  @Override
  public void start() {
    connection.start();
  }

  /** Blocking: closes the event socket, lets queued events drain, and waits up to {@code timeout} in all. */
  @Override
  public void stop(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      connection.stop().toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      events.shutdown();
      long left = Math.max(0, deadline - System.nanoTime());
      if (!events.awaitTermination(left, TimeUnit.NANOSECONDS)) {
        LOG.warn("event=pbx-stop-timeout pbx={} waited_ms={}", attached.id(), timeout.toMillis());
        events.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      events.shutdownNow();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("event=pbx-stop-failed pbx={} reason=\"{}\"", attached.id(), e.toString());
      events.shutdownNow();
    }
  }
}
