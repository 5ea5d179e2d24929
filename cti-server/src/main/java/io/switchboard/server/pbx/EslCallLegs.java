package io.switchboard.server.pbx;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.PbxEventListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What FreeSWITCH call control must know beyond a call's own id, learnt from that FreeSWITCH's translated
 * events: the leg each nailed-up agent's open line is on ({@code AgentSessionOpened} until
 * {@code AgentSessionClosed} or the leg's hang-up) and the agent leg talking to each call's customer
 * ({@code CallConnected} until that leg hangs up, the call goes back to hold, or the call ends). Updated on
 * the PBX's context, subscribed before anything else, so a listener that reacts to an event already sees
 * it here; read from any thread.
 */
final class EslCallLegs implements PbxEventListener {

  private final Map<AgentId, LegId> sessions = new ConcurrentHashMap<>();
  private final Map<CallId, LegId> agentLegs = new ConcurrentHashMap<>();

  /** The leg a nailed-up agent's open line is on; empty if none is open. */
  Optional<LegId> sessionLegOf(AgentId agent) {
    return Optional.ofNullable(sessions.get(agent));
  }

  /** The agent leg bridged to the call's customer; empty if none is. */
  Optional<LegId> agentLegOf(CallId call) {
    return Optional.ofNullable(agentLegs.get(call));
  }

  @Override
  public void onEvent(PbxEvent event) {
    if (event instanceof PbxEvent.AgentSessionOpened opened) {
      sessions.put(opened.agent(), opened.leg());
    } else if (event instanceof PbxEvent.AgentSessionClosed closed) {
      sessions.remove(closed.agent(), closed.leg());
    } else if (event instanceof PbxEvent.CallConnected connected) {
      agentLegs.put(connected.call(), connected.agentLeg());
    } else if (event instanceof PbxEvent.CallReturnedToHold held) {
      agentLegs.remove(held.call());
    } else if (event instanceof PbxEvent.LegHungUp hungUp) {
      sessions.values().remove(hungUp.leg());
      agentLegs.values().remove(hungUp.leg());
      if (hungUp.leg().value().equals(hungUp.call().value())) {
        agentLegs.remove(hungUp.call());
      }
    }
  }
}
