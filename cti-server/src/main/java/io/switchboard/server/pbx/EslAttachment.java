package io.switchboard.server.pbx;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.retry.RetryPolicy;
import io.switchboard.esl.EslSettings;
import io.switchboard.esl.connection.EslConnection;
import io.switchboard.esl.connection.EslConnectionStatus;
import io.switchboard.esl.connection.EslPbxEvents;
import io.switchboard.esl.control.EslCallControl;
import io.switchboard.esl.control.EslSender;
import io.switchboard.esl.control.PublishedLegs;
import io.switchboard.esl.translate.EslChannels;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one FreeSWITCH, wired: settings from the {@code pbx[]} entry, the ESL connection on the
 * node's Vert.x, its own single-thread event executor (decoding and translation never run on an event
 * loop, and stay in FreeSWITCH's order: docs/esl.md, "Back-pressure"), call control ({@link EslCallControl}
 * dialling customers on {@code pbx[].outbound-channel}, recording into {@code pbx[].recording-directory}), and
 * the hand-off of its events to a Vert.x context.
 */
final class EslAttachment implements PbxAttachment {

  private static final Logger LOG = LoggerFactory.getLogger(EslAttachment.class);

  /** Prometheus: {@code switchboard_esl_frames_skipped_total{pbx}}. */
  static final String SKIPPED_FRAMES_METER = "switchboard.esl.frames.skipped";
  static final Duration CONNECT_TIMEOUT = AsteriskAttachment.CONNECT_TIMEOUT;
  /** How long a call-control command may wait for FreeSWITCH's reply before it fails as {@code esl-timeout}. */
  static final Duration COMMAND_TIMEOUT = AsteriskAttachment.COMMAND_TIMEOUT;

  private final ExecutorService events;
  private final ScheduledThreadPoolExecutor timer;
  private final EslConnection connection;
  private final AttachedPbx attached;
  private final Runnable attaching;

  private EslAttachment(ExecutorService events, ScheduledThreadPoolExecutor timer, EslConnection connection,
      AttachedPbx attached, Runnable attaching) {
    this.events = events;
    this.timer = timer;
    this.connection = connection;
    this.attached = attached;
    this.attaching = attaching;
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
    ScheduledThreadPoolExecutor timer = timer(pbx.name());
    EslChannels channels = new EslChannels(id);
    EslPbxEvents eslEvents = new EslPbxEvents();
    // Call control's view of sessions and agent legs is updated before the event reaches the context.
    PublishedLegs legs = new PublishedLegs(id, channels::expectAgentLeg, channels::withdrawAgentLeg, channels::uuidOf);
    eslEvents.subscribe(legs);
    ContextEventStream stream = new ContextEventStream(id, context, meters);
    eslEvents.subscribe(stream);
    EslConnection connection = new EslConnection(id, settings, context.owner(),
        RetryPolicy.exponential(AsteriskAttachment.FIRST_RETRY, AsteriskAttachment.LONGEST_RETRY, Integer.MAX_VALUE,
            new SplittableRandom()),
        clock, events, channels, pbx.region(), eslEvents);
    FunctionCounter.builder(SKIPPED_FRAMES_METER, connection, EslAttachment::skipped)
        .description("ESL input skipped: malformed frames and events Switchboard does not translate; the first"
            + " malformed frame of each kind is logged with a masked sample (event=esl-input-skipped)")
        .tag("pbx", pbx.name())
        .register(meters);
    Executor onContext = task -> context.runOnContext(v -> task.run());
    EslCallControl control = new EslCallControl(id, EslSender.of(connection), legs, pbx.outboundChannel(),
        pbx.transferContext(), pbx.recordingDirectory(), timer, onContext, COMMAND_TIMEOUT);
    // The FreeSWITCH glue waits for Switchboard to bridge a live outbound answer (the Asterisk glue joins itself).
    eslEvents.subscribe(control.liveAnswers());
    // Ring-all and ring-progressively: the first agent leg of a call to answer is bridged to the caller.
    eslEvents.subscribe(control.ringLegs());
    // logged when it connects: a node that is not the PBX's owner builds attachments it never starts
    Runnable attaching = () -> LOG.info("event=pbx-attaching pbx={} type=freeswitch esl={}:{} outbound={}"
        + " recordings={}", pbx.name(), pbx.host(), pbx.port(), pbx.outboundChannel(), pbx.recordingDirectory());
    if (pbx.dialsThroughAssumedGateway()) {
      LOG.warn("event=pbx-outbound-channel-default pbx={} outbound={} hint=\"customers are dialled through a sofia"
          + " gateway named 'default'; name your carrier gateway so, or set pbx[].outbound-channel\"", pbx.name(),
          pbx.outboundChannel());
    }
    return new EslAttachment(events, timer, connection, new AttachedPbx(id, PbxType.FREESWITCH, control, stream),
        attaching);
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

  /** Times out call-control commands; a pending timeout must not hold the shutdown up. */
  private static ScheduledThreadPoolExecutor timer(String pbxName) {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "switchboard-esl-timer-" + pbxName);
      thread.setDaemon(true);
      return thread;
    });
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    timer.setRemoveOnCancelPolicy(true);
    return timer;
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
    attaching.run();
    connection.start();
  }

  /** Blocking: closes the event socket, lets queued events drain, and waits up to {@code timeout} in all. */
  @Override
  public void stop(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    timer.shutdown();
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
