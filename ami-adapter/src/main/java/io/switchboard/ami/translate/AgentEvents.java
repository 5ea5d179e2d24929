package io.switchboard.ami.translate;

import io.switchboard.ami.channel.AgentSessions;
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

    /**
     * The session leg is answered and about to enter the agent's conference, where it counts as the agent.
     * Reported once per leg: a resync that rebuilt the session from the channel's variables already did.
     */
    List<PbxEvent> sessionStarted(SwitchboardUserEvent e, Instant at) {
        String uniqueid = Headers.value(e.getUniqueId());
        String agent = Headers.value(e.getAgent());
        if (agent == null || registry.legOf(uniqueid).isEmpty()) {
            counters.skipped("UserEvent:AgentSessionStarted" + (agent == null ? "(no Agent)" : "(unknown channel)"));
            return List.of();
        }
        Optional<LegId> opened = registry.legOf(uniqueid)
                .filter(leg -> registry.sessions().open(uniqueid, AgentId.of(agent), leg));
        conferences.sessionStarted(uniqueid, agent);
        return opened.map(leg -> List.<PbxEvent>of(new PbxEvent.AgentSessionOpened(registry.pbx(), at,
                AgentId.of(agent), leg))).orElse(List.of());
    }

    /**
     * Sent from the session's {@code h} extension, before its Hangup, so the leg is still known. Only a session
     * reported open is closed, once.
     */
    List<PbxEvent> sessionEnded(SwitchboardUserEvent e, Instant at) {
        String uniqueid = Headers.value(e.getUniqueId());
        String agent = Headers.value(e.getAgent());
        if (agent == null || !registry.sessions().isOpen(uniqueid)) {
            counters.skipped("UserEvent:AgentSessionEnded" + (agent == null ? "(no Agent)" : "(no open session)"));
            return List.of();
        }
        return registry.sessions().close(uniqueid).map(AgentSessions.Session::leg)
                .map(leg -> List.<PbxEvent>of(new PbxEvent.AgentSessionClosed(registry.pbx(), at, AgentId.of(agent), leg)))
                .orElse(List.of());
    }
}
