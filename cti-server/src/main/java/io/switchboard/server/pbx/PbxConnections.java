package io.switchboard.server.pbx;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.ami.connection.AmiConnectionStatus;
import io.switchboard.esl.connection.EslConnectionStatus;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import io.switchboard.core.id.PbxId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PBXs this node is attached to, by {@code pbx[].name}: their connection, call control and event
 * stream. Asterisk entries are attached over AMI, FreeSWITCH entries over ESL. An entry that cannot be
 * attached (Asterisk without username or secret, FreeSWITCH without secret) is listed in
 * {@link #notAttached()} with the reason.
 */
public final class PbxConnections {

  private static final Logger LOG = LoggerFactory.getLogger(PbxConnections.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Map<String, PbxSlot> attachments;
  private final Map<String, String> notAttached;

  private PbxConnections(Map<String, PbxSlot> attachments, Map<String, String> notAttached) {
    this.attachments = Collections.unmodifiableMap(attachments);
    this.notAttached = Collections.unmodifiableMap(notAttached);
  }

  /**
   * Builds one attachment per entry; nothing connects until {@link #start()}.
   *
   * @param context where events and command results are delivered; an event loop, so consumers must not block.
   *        ESL connections run on its Vert.x ({@link Context#owner()}).
   */
  public static PbxConnections of(List<PbxConnection> config, Context context, MeterRegistry meters, Clock clock) {
    Map<String, PbxSlot> attachments = new LinkedHashMap<>();
    Map<String, String> notAttached = new LinkedHashMap<>();
    for (PbxConnection pbx : config) {
      try {
        Supplier<PbxAttachment> factory = () -> pbx.type() == PbxType.FREESWITCH
            ? EslAttachment.of(pbx, context, meters, clock)
            : AsteriskAttachment.of(pbx, context, meters, clock);
        attachments.put(pbx.name(), new PbxSlot(PbxId.of(pbx.name()), pbx.type(), factory));
      } catch (IllegalArgumentException missing) {
        String reason = "not attached: " + missing.getMessage() + (pbx.type() == PbxType.FREESWITCH
            ? " (pbx[].secret is required: the password of FreeSWITCH's event_socket.conf.xml)"
            : " (pbx[].username and pbx[].secret are required)");
        LOG.warn("event=pbx-not-attached pbx={} reason=\"{}\"", pbx.name(), reason);
        notAttached.put(pbx.name(), reason);
      }
    }
    return new PbxConnections(attachments, notAttached);
  }

  /** Starts every connection's first attempt; returns at once. Without ownership (tests, tools): the node acts alone. */
  public void start() {
    attachments.values().forEach(PbxSlot::start);
  }

  /**
   * Connects to the PBX called {@code name} (this node has just become its owner); returns at once. A connection that
   * was stopped before is replaced by a fresh one.
   */
  public void start(String name) {
    Optional.ofNullable(attachments.get(name)).ifPresent(PbxSlot::start);
  }

  /** Blocking: disconnects from the PBX called {@code name} (this node lost it). Never on an event loop. */
  public void stop(String name) {
    Optional.ofNullable(attachments.get(name)).ifPresent(slot -> slot.stop(STOP_TIMEOUT));
  }

  /**
   * From now on, commands reach a PBX only while {@code acting} is true for its name (this node owns it and its lease
   * runs); otherwise they fail at once with {@code pbx-not-owned}.
   */
  public void fencedBy(Predicate<String> acting) {
    attachments.values().forEach(slot -> slot.fencedBy(acting));
  }

  /** Blocking: ends every session and stops its threads, at most a few seconds each. Call from a plain thread. */
  public void stop() {
    attachments.values().forEach(slot -> slot.close(STOP_TIMEOUT));
  }

  /** The attached PBX called {@code name}, if it is attached. */
  public Optional<AttachedPbx> get(String name) {
    return Optional.ofNullable(attachments.get(name)).map(PbxSlot::attached);
  }

  /** Every attached PBX, in configuration order. */
  public List<AttachedPbx> all() {
    return attachments.values().stream().map(PbxSlot::attached).toList();
  }

  /** The names of the PBXs that can be attached, in configuration order. */
  public List<String> names() {
    return List.copyOf(attachments.keySet());
  }

  /** The AMI session state of the attached Asterisk called {@code name}, for {@code /status}. */
  public Optional<Supplier<AmiConnectionStatus>> amiStatus(String name) {
    PbxSlot slot = attachments.get(name);
    return slot != null && slot.current() instanceof AsteriskAttachment
        ? Optional.of(() -> ((AsteriskAttachment) slot.current()).status()) : Optional.empty();
  }

  /** The ESL connection state of the attached FreeSWITCH called {@code name}, for {@code /status}. */
  public Optional<Supplier<EslConnectionStatus>> eslStatus(String name) {
    PbxSlot slot = attachments.get(name);
    return slot != null && slot.current() instanceof EslAttachment
        ? Optional.of(() -> ((EslAttachment) slot.current()).status()) : Optional.empty();
  }

  /** Entries that could not be attached, by name, with the reason (never a secret). */
  public Map<String, String> notAttached() {
    return notAttached;
  }
}
