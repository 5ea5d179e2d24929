package io.switchboard.server.pbx;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ami.AmiSettings;
import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.connection.AmiConnection;
import io.switchboard.ami.connection.AmiConnectionStatus;
import io.switchboard.ami.connection.AmiPbxEvents;
import io.switchboard.ami.connection.RegistryResync;
import io.switchboard.ami.control.AmiCallControl;
import io.switchboard.ami.control.CallChannels;
import io.switchboard.ami.translate.AmiEventTranslator;
import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.retry.RetryPolicy;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.asteriskjava.manager.ManagerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one Asterisk, wired: settings, channel registry, translator, AMI connection on its own
 * named single-thread scheduler, call control, and the hand-off of its events to a Vert.x context.
 */
final class AsteriskAttachment implements PbxAttachment {

  private static final Logger LOG = LoggerFactory.getLogger(AsteriskAttachment.class);

  /** Prometheus: {@code switchboard_ami_input_skipped_total{pbx}}. */
  static final String SKIPPED_INPUT_METER = "switchboard.ami.input.skipped";
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
  /** First retry within 0.5 s, doubling to at most 30 s between attempts; never gives up. */
  static final Duration FIRST_RETRY = Duration.ofMillis(500);
  static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

  private final ScheduledThreadPoolExecutor scheduler;
  private final AmiConnection connection;
  private final AttachedPbx attached;
  private final Runnable attaching;

  private AsteriskAttachment(ScheduledThreadPoolExecutor scheduler, AmiConnection connection, AttachedPbx attached,
      Runnable attaching) {
    this.scheduler = scheduler;
    this.connection = connection;
    this.attached = attached;
    this.attaching = attaching;
  }

  /**
   * Builds, does not connect yet.
   *
   * @throws IllegalArgumentException if the entry lacks what AMI needs (username, secret); the message names the field
   */
  static AsteriskAttachment of(PbxConnection pbx, Context context, MeterRegistry meters, Clock clock) {
    AmiSettings settings = new AmiSettings(pbx.name(), pbx.host(), pbx.port(), pbx.username(), pbx.secret().value(),
        CONNECT_TIMEOUT);
    PbxId id = PbxId.of(pbx.name());
    ScheduledThreadPoolExecutor scheduler = scheduler(pbx.name());
    ChannelRegistry registry = new ChannelRegistry(id, clock);
    AmiEventTranslator translator = new AmiEventTranslator(registry, clock, pbx.region());
    AmiPbxEvents amiEvents = new AmiPbxEvents();
    ContextEventStream events = new ContextEventStream(id, context, meters);
    amiEvents.subscribe(events);
    AmiConnection connection = new AmiConnection(settings, withGlueEvents(AmiConnection.factory()),
        RetryPolicy.exponential(FIRST_RETRY, LONGEST_RETRY, Integer.MAX_VALUE, new SplittableRandom()),
        scheduler, clock, translator::translate, new RegistryResync(registry), amiEvents);
    FunctionCounter.builder(SKIPPED_INPUT_METER, connection, c -> c.malformedInput().total())
        .description("AMI input skipped as malformed or of an event Asterisk-Java has no class for;"
            + " the first of each kind is logged with a masked sample (event=ami-input-skipped)")
        .tag("pbx", pbx.name())
        .register(meters);
    Executor onContext = task -> context.runOnContext(v -> task.run());
    AmiCallControl control = new AmiCallControl(id, connection::send, CallChannels.of(registry),
        pbx.outboundChannel(), pbx.transferContext(), scheduler, onContext, COMMAND_TIMEOUT);
    // Ring-all and ring-progressively: the first agent leg of a call to answer is bridged to the caller.
    amiEvents.subscribe(control.ringLegs());
    // logged when it connects: a node that is not the PBX's owner builds attachments it never starts
    Runnable attaching = () -> LOG.info("event=pbx-attaching pbx={} type=asterisk ami={}:{} user={}", pbx.name(),
        pbx.host(), pbx.port(), pbx.username());
    return new AsteriskAttachment(scheduler, connection, new AttachedPbx(id, PbxType.ASTERISK, control, events),
        attaching);
  }

  /** The glue's UserEvent classes must be known to each new connection before it logs in. */
  static Function<AmiSettings, ManagerConnection> withGlueEvents(Function<AmiSettings, ManagerConnection> factory) {
    return settings -> {
      ManagerConnection connection = factory.apply(settings);
      SwitchboardUserEvent.CLASSES.forEach(connection::registerUserEventClass);
      return connection;
    };
  }

  private static ScheduledThreadPoolExecutor scheduler(String pbxName) {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "switchboard-ami-" + pbxName);
      thread.setDaemon(true);
      return thread;
    });
    // A pending reconnect must not hold the shutdown up.
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  @Override
  public AttachedPbx attached() {
    return attached;
  }

  /** The AMI session's state, for {@code /status}. */
  AmiConnectionStatus status() {
    return connection.status();
  }

  @Override
  public void start() {
    attaching.run();
    connection.start();
  }

  /** Blocking: logs off (queued behind whatever the scheduler is doing) and waits up to {@code timeout}. */
  @Override
  public void stop(Duration timeout) {
    connection.stop();
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("event=pbx-stop-timeout pbx={} waited_ms={}", attached.id(), timeout.toMillis());
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scheduler.shutdownNow();
    }
  }
}
