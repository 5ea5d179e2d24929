package io.switchboard.esl.translate;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.esl.EslEventHeaders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The glue's agent events: logins by feature code and the nailed-up agent's session leg. */
final class AgentGlue {

    private final Consumer<String> skipped;

    AgentGlue(Consumer<String> skipped) {
        this.skipped = skipped;
    }

    /** {@code agent_login}: Mode {@code nailed} ({@code *70}) means the agent stays on the line. */
    List<PbxEvent> login(EslEventHeaders event, Instant at, EslChannels channels) {
        Optional<String> agent = GlueEvents.field(event, "Switchboard-Agent");
        Optional<String> device = GlueEvents.field(event, "Switchboard-Device");
        if (agent.isEmpty() || device.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::agent_login(no Agent or Device)");
            return List.of();
        }
        boolean nailed = GlueEvents.field(event, "Switchboard-Mode").filter("nailed"::equals).isPresent();
        return List.of(new PbxEvent.AgentLoggedIn(channels.pbx(), at, AgentId.of(agent.get()), device.get(), nailed));
    }

    /** {@code agent_logout} ({@code *72}). */
    List<PbxEvent> logout(EslEventHeaders event, Instant at, EslChannels channels) {
        Optional<String> agent = GlueEvents.field(event, "Switchboard-Agent");
        Optional<String> device = GlueEvents.field(event, "Switchboard-Device");
        if (agent.isEmpty() || device.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::agent_logout(no Agent or Device)");
            return List.of();
        }
        return List.of(new PbxEvent.AgentLoggedOut(channels.pbx(), at, AgentId.of(agent.get()), device.get()));
    }

    /**
     * {@code agent_session_started}: the leg is answered and about to park. Reported once per leg: a resync
     * that read the session back from {@code switchboard_session} already did.
     */
    List<PbxEvent> sessionStarted(EslEventHeaders event, Instant at, EslChannels channels) {
        Optional<String> agent = GlueEvents.field(event, "Switchboard-Agent");
        Optional<TrackedLeg> leg = GlueEvents.channel(event, channels);
        if (agent.isEmpty() || leg.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::agent_session_started(" + (agent.isEmpty() ? "no Agent" : "no live channel") + ")");
            return List.of();
        }
        Optional<AgentId> parsed = agentId(agent.get());
        if (parsed.isEmpty()) {
            skipped.accept("CUSTOM/switchboard::agent_session_started(bad Agent)");
            return List.of();
        }
        AgentId id = parsed.get();
        if (!channels.glue().openSession(leg.get().uuid(), id)) {
            return List.of();
        }
        return List.of(new PbxEvent.AgentSessionOpened(channels.pbx(), at, id, leg.get().leg()));
    }

    /**
     * CHANNEL_HANGUP_COMPLETE of a session leg: {@code AgentSessionClosed} for the session reported open, or,
     * when Switchboard never saw it open, for the agent in {@code variable_switchboard_session}; once, since
     * the leg's end is reported once ({@code firstEnd}).
     */
    static List<PbxEvent> sessionEnded(EslEventHeaders event, Instant at, EslChannels channels, TrackedLeg ended) {
        Optional<AgentId> agent = channels.glue().closeSession(ended.uuid())
                .or(() -> event.variable("switchboard_session").flatMap(AgentGlue::agentId));
        return agent.<List<PbxEvent>>map(a -> List.of(new PbxEvent.AgentSessionClosed(channels.pbx(), at, a, ended.leg())))
                .orElse(List.of());
    }

    /** An agent id as the glue sent it; empty if blank or not a valid id. */
    static Optional<AgentId> agentId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AgentId.of(value.trim()));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}
