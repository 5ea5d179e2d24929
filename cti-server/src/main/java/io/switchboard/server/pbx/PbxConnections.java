package io.switchboard.server.pbx;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PBXs this node is attached to, by {@code pbx[].name}: their connection, call control and event
 * stream. Asterisk entries are attached over AMI; FreeSWITCH entries are not attached yet (ESL comes
 * later) and are absent here. An Asterisk entry that cannot be attached (no username or secret) is
 * listed in {@link #notAttached()} with the reason.
 */
public final class PbxConnections {

  private static final Logger LOG = LoggerFactory.getLogger(PbxConnections.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Map<String, AsteriskAttachment> attachments;
  private final Map<String, String> notAttached;

  private PbxConnections(Map<String, AsteriskAttachment> attachments, Map<String, String> notAttached) {
    this.attachments = Collections.unmodifiableMap(attachments);
    this.notAttached = Collections.unmodifiableMap(notAttached);
  }

  /**
   * Builds one attachment per Asterisk entry; nothing connects until {@link #start()}.
   *
   * @param context where events and command results are delivered; an event loop, so consumers must not block
   */
  public static PbxConnections of(List<PbxConnection> config, Context context, MeterRegistry meters, Clock clock) {
    Map<String, AsteriskAttachment> attachments = new LinkedHashMap<>();
    Map<String, String> notAttached = new LinkedHashMap<>();
    for (PbxConnection pbx : config) {
      if (pbx.type() != PbxType.ASTERISK) {
        continue;
      }
      try {
        attachments.put(pbx.name(), AsteriskAttachment.of(pbx, context, meters, clock));
      } catch (IllegalArgumentException missing) {
        String reason = "not attached: " + missing.getMessage() + " (pbx[].username and pbx[].secret are required)";
        LOG.warn("event=pbx-not-attached pbx={} reason=\"{}\"", pbx.name(), reason);
        notAttached.put(pbx.name(), reason);
      }
    }
    return new PbxConnections(attachments, notAttached);
  }

  /** Starts every connection's first login attempt; returns at once. */
  public void start() {
    attachments.values().forEach(AsteriskAttachment::start);
  }

  /** Blocking: logs every connection off and stops its scheduler. Call from a plain thread. */
  public void stop() {
    attachments.values().forEach(a -> a.stop(STOP_TIMEOUT));
  }

  /** The attached PBX called {@code name}, if it is an attached Asterisk. */
  public Optional<AttachedPbx> get(String name) {
    return Optional.ofNullable(attachments.get(name)).map(AsteriskAttachment::attached);
  }

  /** Every attached PBX, in configuration order. */
  public List<AttachedPbx> all() {
    List<AttachedPbx> all = new ArrayList<>();
    attachments.values().forEach(a -> all.add(a.attached()));
    return List.copyOf(all);
  }

  /** Asterisk entries that could not be attached, by name, with the reason (never a secret). */
  public Map<String, String> notAttached() {
    return notAttached;
  }
}
