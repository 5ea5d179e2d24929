package io.switchboard.esl.control;

import io.switchboard.core.call.AmdResult;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.port.CallControl;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.port.PbxEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Joins a live outbound answer to the agent Switchboard dialled it for. The FreeSWITCH glue's
 * {@code switchboard_outbound} reports AMD and then waits {@code switchboard_connect_wait} for a
 * {@code uuid_bridge} before it plays the safe-harbour message; the Asterisk glue joins the agent's conference
 * by itself. The agent was chosen before the call was placed ({@code SWITCHBOARD_AGENT} of the
 * {@link OriginateRequest}), so this only carries that decision out, at once, on {@code HUMAN} or
 * {@code NOTSURE}: a machine is never joined.
 *
 * <p>Record each placed call with {@link #dialled}, and subscribe this to the PBX's events.
 */
public final class LiveAnswers implements PbxEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveAnswers.class);
    /** The originate variable naming the agent a live answer goes to. */
    public static final String AGENT_VARIABLE = "SWITCHBOARD_AGENT";

    private final CallControl control;
    private final Map<CallId, AgentId> awaiting = new ConcurrentHashMap<>();

    /** Joins through {@code control}'s {@link CallControl#joinToAgent}. */
    public LiveAnswers(CallControl control) {
        this.control = Objects.requireNonNull(control, "control");
    }

    /** The call was placed; if it names an agent, a live answer will be joined to them. */
    public void dialled(OriginateRequest request) {
        String agent = request.variables().get(AGENT_VARIABLE);
        if (agent != null && !agent.isBlank()) {
            awaiting.put(request.call(), AgentId.of(agent));
        }
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (event instanceof PbxEvent.AnsweringMachineDetected amd) {
            AgentId agent = awaiting.remove(amd.call());
            if (agent != null && amd.result() != AmdResult.MACHINE) {
                control.joinToAgent(amd.call(), agent).whenComplete((result, failure) -> {
                    if (failure != null || result instanceof CommandResult.Failed) {
                        LOG.warn("event=live-answer-not-joined callId={} agentId={} reason={}", amd.call(), agent,
                                failure != null ? failure.toString() : result);
                    }
                });
            }
        } else if (event instanceof PbxEvent.OriginateFailed failed) {
            awaiting.remove(failed.call());
        } else if (event instanceof PbxEvent.LegHungUp hungUp && hungUp.leg().value().equals(hungUp.call().value())) {
            awaiting.remove(hungUp.call());
        }
    }
}
