package io.switchboard.esl.control;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.PbxEventListener;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * {@link CallLegs} learnt from the events one FreeSWITCH's connection publishes: an agent's open line from
 * {@code AgentSessionOpened} until {@code AgentSessionClosed} or its leg's hang-up; a call's agent leg from
 * its latest {@code CallConnected} until either leg hangs up. Subscribe it to the connection's
 * {@code EslPbxEvents}; agent-leg announcements go to the registry, e.g.
 * {@code new PublishedLegs(pbx, channels::expectAgentLeg, channels::withdrawAgentLeg)}.
 *
 * <p>A session opened while no Switchboard was listening is known once its {@code AgentSessionOpened} is
 * published (the translator's resync); until then {@code joinToAgent} answers {@code unknown-agent-session}.
 */
public final class PublishedLegs implements CallLegs, PbxEventListener {

    private final PbxId pbx;
    private final BiConsumer<CallId, LegId> expect;
    private final BiConsumer<CallId, LegId> withdraw;
    private final Map<AgentId, LegId> sessions = new ConcurrentHashMap<>();
    private final Map<CallId, LegId> agentLegs = new ConcurrentHashMap<>();
    private final Function<LegId, Optional<String>> uuids;

    /**
     * @param expect   {@code EslChannels::expectAgentLeg}
     * @param withdraw {@code EslChannels::withdrawAgentLeg}
     */
    public PublishedLegs(PbxId pbx, BiConsumer<CallId, LegId> expect, BiConsumer<CallId, LegId> withdraw) {
        this(pbx, expect, withdraw, leg -> Optional.empty());
    }

    /** As above, with {@code uuids} ({@code EslChannels::uuidOf}) naming the channel of a leg Switchboard named. */
    public PublishedLegs(PbxId pbx, BiConsumer<CallId, LegId> expect, BiConsumer<CallId, LegId> withdraw,
                         Function<LegId, Optional<String>> uuids) {
        this.pbx = Objects.requireNonNull(pbx, "pbx");
        this.expect = Objects.requireNonNull(expect, "expect");
        this.withdraw = Objects.requireNonNull(withdraw, "withdraw");
        this.uuids = Objects.requireNonNull(uuids, "uuids");
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (!pbx.equals(event.pbx())) {
            return;
        }
        if (event instanceof PbxEvent.AgentSessionOpened opened) {
            sessions.put(opened.agent(), opened.leg());
        } else if (event instanceof PbxEvent.AgentSessionClosed closed) {
            sessions.remove(closed.agent(), closed.leg());
        } else if (event instanceof PbxEvent.CallConnected connected) {
            agentLegs.put(connected.call(), connected.agentLeg());
        } else if (event instanceof PbxEvent.LegHungUp hungUp) {
            sessions.values().removeIf(hungUp.leg()::equals);
            agentLegs.values().removeIf(hungUp.leg()::equals);
            if (hungUp.leg().value().equals(hungUp.call().value())) {
                agentLegs.remove(hungUp.call());
            }
        }
    }

    @Override
    public Optional<LegId> sessionLegOf(AgentId agent) {
        return Optional.ofNullable(sessions.get(agent));
    }

    @Override
    public Optional<LegId> agentLegOf(CallId call) {
        return Optional.ofNullable(agentLegs.get(call));
    }

    @Override
    public Optional<String> uuidOf(LegId leg) {
        return uuids.apply(leg);
    }

    @Override
    public void expectAgentLeg(CallId call, LegId agentLeg) {
        expect.accept(call, agentLeg);
    }

    @Override
    public void withdrawAgentLeg(CallId call, LegId agentLeg) {
        withdraw.accept(call, agentLeg);
    }
}
