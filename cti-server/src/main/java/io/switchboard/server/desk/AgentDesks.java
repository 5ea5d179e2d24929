package io.switchboard.server.desk;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.routing.OutboundEntry;
import io.switchboard.server.desk.DeskCall.Direction;
import io.switchboard.server.desk.DeskCall.Phase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What each agent's desk shows, kept from the router's journals and the agent state store, and every change of it
 * told to the agent as one typed JSON message, stamped {@code publishedAt} by this node's clock ({@link Publisher};
 * on a node, the event bus at {@code switchboard.agent.<id>.events}, which the agent's event socket relays). The
 * messages are those of {@code docs/desktop.md}: {@code state}, {@code ringing}, {@code dialling}, {@code missed}, {@code ring-canceled},
 * {@code connected}, {@code held}, {@code unheld}, {@code recording-paused}, {@code recording-resumed},
 * {@code ended}, {@code wrap-up-started}, {@code wrap-up-ended} and {@code preview-offered}; {@link #snapshot} is
 * what a page that just connected is sent first.
 *
 * <p>Fed from the router's context (journals) and from the state store's completions (any thread): every method
 * is synchronized, and each only updates two small maps and publishes. It never fails a caller: the taps
 * ({@link DeskTaps}) catch what it throws. Per node: a node sees the calls its router routes and the statuses it
 * stores.
 */
public final class AgentDesks {

  /** Where a desk message goes. */
  @FunctionalInterface
  public interface Publisher {
    /** Tells {@code agent}'s desk {@code message}, which has a {@code type}. */
    void publish(AgentId agent, JsonObject message);
  }

  /** Calls waiting for an agent whose caller or lead is kept; the oldest are forgotten past this many. */
  static final int WAITING_BOUND = 20_000;

  /** A call's facts known before an agent is given it. */
  private record Waiting(Optional<PhoneNumber> number, Optional<CampaignId> campaign, Optional<LeadId> lead) {
  }

  private final Publisher out;
  private final Clock clock;
  private final Map<CallId, Waiting> waiting = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<CallId, Waiting> eldest) {
      return size() > WAITING_BOUND;
    }
  };
  private final Map<AgentId, DeskCall> calls = new HashMap<>();
  private final Map<AgentId, AgentStatus> states = new HashMap<>();

  private final DeskBoard board;

  /** {@code clock} stamps each message's {@code publishedAt}. */
  public AgentDesks(Publisher out, Clock clock) {
    this(out, clock, DeskBoard.NONE);
  }

  /** As above, keeping each agent's call on {@code board} too, for the other nodes' snapshots. */
  public AgentDesks(Publisher out, Clock clock, DeskBoard board) {
    this.out = out;
    this.clock = clock;
    this.board = board;
  }

  /** One step of an inbound call, as the router journals it. */
  public synchronized void seen(JournalEntry entry) {
    if (entry instanceof JournalEntry.Entered e) {
      waiting.put(e.call(), new Waiting(e.caller(), Optional.empty(), Optional.empty()));
    } else if (entry instanceof JournalEntry.Requeued r) {
      waiting.put(r.call(), new Waiting(r.caller(), Optional.empty(), Optional.empty()));
    } else if (entry instanceof JournalEntry.Overflowed o) {
      waiting.put(o.call(), new Waiting(o.caller(), Optional.empty(), Optional.empty()));
    } else if (entry instanceof JournalEntry.AgentRung rung) {
      Optional<PhoneNumber> caller = Optional.ofNullable(waiting.get(rung.call())).flatMap(Waiting::number);
      DeskCall call = new DeskCall(rung.call(), Direction.INBOUND, caller, Optional.of(rung.queue().value()),
          Optional.empty(), Optional.empty(), Phase.RINGING, false, false, rung.at());
      keep(rung.agent(), call);
      send(rung.agent(), "ringing", rung.at(), call.toJson());
    } else if (entry instanceof JournalEntry.AgentMissed missed) {
      notRinging(missed.agent(), missed.call(), "missed", missed.at());
    } else if (entry instanceof JournalEntry.RingCanceled canceled) {
      notRinging(canceled.agent(), canceled.call(), "ring-canceled", canceled.at());
    } else if (entry instanceof JournalEntry.Connected c) {
      connected(c.agent(), c.call(), c.at());
    } else if (entry instanceof JournalEntry.Completed c) {
      waiting.remove(c.call());
      ended(c.agent(), c.call(), c.at(), new JsonObject().put("talkedSeconds", c.talked().toSeconds())
          .put("hungUpBy", c.callerHungUp() ? "caller" : "agent"));
    } else if (entry instanceof JournalEntry.Transferred t) {
      waiting.remove(t.call());
      t.agent().ifPresent(agent -> ended(agent, t.call(), t.at(), new JsonObject()
          .put("talkedSeconds", t.talked().toSeconds()).put("hungUpBy", "transfer")));
    } else if (entry instanceof JournalEntry.Abandoned || entry instanceof JournalEntry.Exited
        || entry instanceof JournalEntry.Refused) {
      waiting.remove(((JournalEntry.CallStep) entry).call());
    }
  }

  /** One step of an outbound call, as the router journals it. */
  public synchronized void seen(OutboundEntry entry) {
    if (entry instanceof OutboundEntry.Dialled d) {
      dialling(d.agent(), new DeskCall(d.call(), Direction.OUTBOUND, Optional.of(d.to()), Optional.empty(),
          Optional.empty(), Optional.empty(), Phase.RINGING, false, false, d.at()));
    } else if (entry instanceof OutboundEntry.CampaignDialled d) {
      waiting.put(d.call(), new Waiting(Optional.of(d.to()), Optional.of(d.campaign()), Optional.of(d.lead())));
    } else if (entry instanceof OutboundEntry.AgentAssigned a) {
      Waiting lead = waiting.getOrDefault(a.call(), new Waiting(Optional.empty(), Optional.empty(),
          Optional.empty()));
      dialling(a.agent(), new DeskCall(a.call(), Direction.OUTBOUND, lead.number(), Optional.empty(),
          lead.campaign(), lead.lead(), Phase.RINGING, false, false, a.at()));
    } else if (entry instanceof OutboundEntry.Connected c) {
      connected(c.agent(), c.call(), c.at());
    } else if (entry instanceof OutboundEntry.Ended e) {
      waiting.remove(e.call());
      agentOf(e.call()).ifPresent(agent -> ended(agent, e.call(), e.at(), new JsonObject()
          .put("outcome", e.outcome().slug())));
    }
  }

  /** A status this node stored for {@code agent}: the state store's compare-and-set succeeded. */
  public synchronized void stored(AgentId agent, AgentStatus status) {
    AgentStatus before = states.put(agent, status);
    send(agent, "state", status.since(), stateJson(status));
    boolean wrapping = status.state() == AgentState.WRAP_UP;
    boolean wasWrapping = before != null && before.state() == AgentState.WRAP_UP;
    if (wrapping && !wasWrapping) {
      send(agent, "wrap-up-started", status.since(), new JsonObject().put("callId",
          Optional.ofNullable(calls.get(agent)).map(c -> c.call().value()).orElse(null)));
    } else if (wasWrapping && !wrapping) {
      send(agent, "wrap-up-ended", status.since(), new JsonObject());
    }
  }

  /**
   * The agent's call was put on hold ({@code on}) or taken off it through Switchboard. False, and nothing told,
   * when {@code call} is not the agent's connected call.
   */
  public synchronized boolean held(AgentId agent, CallId call, boolean on, Instant at) {
    DeskCall current = calls.get(agent);
    if (current == null || !current.call().equals(call) || current.phase() != Phase.CONNECTED) {
      return false;
    }
    keep(agent, current.holding(on));
    send(agent, on ? "held" : "unheld", at, new JsonObject().put("callId", call.value()));
    return true;
  }

  /** The recording of the agent's call was paused ({@code on}) or resumed; false as for {@link #held}. */
  public synchronized boolean recordingPaused(AgentId agent, CallId call, boolean on, Instant at) {
    DeskCall current = calls.get(agent);
    if (current == null || !current.call().equals(call) || current.phase() != Phase.CONNECTED) {
      return false;
    }
    keep(agent, current.recordingPaused(on));
    send(agent, on ? "recording-paused" : "recording-resumed", at, new JsonObject().put("callId", call.value()));
    return true;
  }

  /** A preview campaign offered {@code agent} a lead ({@code offer}: campaign, lead, number, expiry). */
  public void previewOffered(AgentId agent, Instant at, JsonObject offer) {
    send(agent, "preview-offered", at, offer.copy());
  }

  /** The agent's call on this node, if any: ringing, connected, or the last one ended. */
  public synchronized Optional<DeskCall> call(AgentId agent) {
    return Optional.ofNullable(calls.get(agent));
  }

  /**
   * What a page that just connected is sent: {@code {type: "snapshot", agentId, state, call}} with the status
   * {@code stored} (read from the state store: it may have been stored by another node) and this node's call.
   */
  public synchronized JsonObject snapshot(AgentId agent, Optional<AgentStatus> stored, Instant at) {
    return snapshot(agent, stored, at, Optional.ofNullable(calls.get(agent)).map(DeskCall::toJson));
  }

  /** As above with {@code call}, e.g. read from the {@link DeskBoard} when another node routes the agent's call. */
  public JsonObject snapshot(AgentId agent, Optional<AgentStatus> stored, Instant at, Optional<JsonObject> call) {
    AgentStatus status = stored.orElseGet(() -> AgentStatus.initial(at));
    return new JsonObject().put("type", "snapshot").put("agentId", agent.value()).put("at", at.toString())
        .put("state", stateJson(status)).put("call", call.orElse(null));
  }

  /** A status as the desk shows it: {@code {state, reason, since}}, the state as the API spells it. */
  static JsonObject stateJson(AgentStatus status) {
    return new JsonObject().put("state", status.state().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .put("reason", status.reason().map(ReasonCode::value).orElse(null)).put("since", status.since().toString());
  }

  private void dialling(AgentId agent, DeskCall call) {
    keep(agent, call);
    send(agent, "dialling", call.since(), call.toJson());
  }

  private void notRinging(AgentId agent, CallId call, String type, Instant at) {
    DeskCall current = calls.get(agent);
    if (current != null && current.call().equals(call) && current.phase() == Phase.RINGING) {
      drop(agent);
      send(agent, type, at, new JsonObject().put("callId", call.value()));
    }
  }

  private void connected(AgentId agent, CallId call, Instant at) {
    DeskCall current = calls.get(agent);
    if (current != null && current.call().equals(call)) {
      DeskCall now = current.in(Phase.CONNECTED, at);
      keep(agent, now);
      send(agent, "connected", at, now.toJson());
    }
  }

  private void ended(AgentId agent, CallId call, Instant at, JsonObject how) {
    DeskCall current = calls.get(agent);
    if (current != null && current.call().equals(call) && current.phase() != Phase.ENDED) {
      keep(agent, current.in(Phase.ENDED, at));
      send(agent, "ended", at, how.put("callId", call.value()));
    }
  }

  private void keep(AgentId agent, DeskCall call) {
    calls.put(agent, call);
    board.put(agent, call.toJson());
  }

  private void drop(AgentId agent) {
    calls.remove(agent);
    board.remove(agent);
  }

  private Optional<AgentId> agentOf(CallId call) {
    return calls.entrySet().stream().filter(e -> e.getValue().call().equals(call)).map(Map.Entry::getKey)
        .findFirst();
  }

  private void send(AgentId agent, String type, Instant at, JsonObject body) {
    out.publish(agent, body.put("type", type).put("agentId", agent.value()).put("at", at.toString())
        .put("publishedAt", clock.instant().toString()));
  }
}
