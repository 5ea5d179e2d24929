package io.switchboard.ami.translate;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.translate.userevent.AgentLoginEvent;
import io.switchboard.ami.translate.userevent.AgentLogoutEvent;
import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The glue's agent UserEvents: logins by feature code and the nailed-up agent's session leg. */
final class AgentEvents {

    private final ChannelRegistry registry;
    private final Counters counters;
    private final Conferences conferences;

    AgentEvents(ChannelRegistry registry, Counters counters, Conferences conferences) {
        this.registry = registry;
        this.counters = counters;
        this.conferences = conferences;
    }

    /** *70 / *71: Mode {@code nailed} means the agent stays on the line. */
    List<PbxEvent> login(AgentLoginEvent e, Instant at) {
        String agent = Headers.value(e.getAgent());
        String device = Headers.value(e.getDevice());
        if (agent == null || device == null) {
            counters.skipped("UserEvent:AgentLogin(no Agent or Device)");
            return List.of();
        }
        return List.of(new PbxEvent.AgentLoggedIn(registry.pbx(), at, AgentId.of(agent), device,
                "nailed".equals(Headers.value(e.getMode()))));
    }

    /** *72. */
    List<PbxEvent> logout(AgentLogoutEvent e, Instant at) {
        String agent = Headers.value(e.getAgent());
        String device = Headers.value(e.getDevice());
        if (agent == null || device == null) {
            counters.skipped("UserEvent:AgentLogout(no Agent or Device)");
            return List.of();
        }
        return List.of(new PbxEvent.AgentLoggedOut(registry.pbx(), at, AgentId.of(agent), device));
    }

    /** The session leg is answered and about to enter the agent's conference, where it counts as the agent. */
    List<PbxEvent> sessionStarted(SwitchboardUserEvent e, Instant at) {
        String uniqueid = Headers.value(e.getUniqueId());
        String agent = Headers.value(e.getAgent());
        if (uniqueid != null && agent != null) {
            conferences.sessionStarted(uniqueid, agent);
        }
        return session(agent, uniqueid, "AgentSessionStarted")
                .map(leg -> List.<PbxEvent>of(new PbxEvent.AgentSessionOpened(registry.pbx(), at, AgentId.of(agent), leg)))
                .orElse(List.of());
    }

    /** Sent from the session's {@code h} extension, before its Hangup, so the leg is still known. */
    List<PbxEvent> sessionEnded(SwitchboardUserEvent e, Instant at) {
        String uniqueid = Headers.value(e.getUniqueId());
        String agent = Headers.value(e.getAgent());
        return session(agent, uniqueid, "AgentSessionEnded")
                .map(leg -> List.<PbxEvent>of(new PbxEvent.AgentSessionClosed(registry.pbx(), at, AgentId.of(agent), leg)))
                .orElse(List.of());
    }

    private Optional<LegId> session(String agent, String uniqueid, String name) {
        Optional<LegId> leg = agent == null ? Optional.empty() : registry.legOf(uniqueid);
        if (leg.isEmpty()) {
            counters.skipped("UserEvent:" + name + (agent == null ? "(no Agent)" : "(unknown channel)"));
        }
        return leg;
    }
}
