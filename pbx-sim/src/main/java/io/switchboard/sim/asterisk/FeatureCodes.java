package io.switchboard.sim.asterisk;

import static io.switchboard.sim.asterisk.AgentContexts.var;

import io.switchboard.sim.ami.AmiHeader;
import java.util.List;
import java.util.Optional;

/**
 * The glue's {@code switchboard-features}, which the agents' phones include: {@code *70} sends
 * UserEvent AgentLogin (Mode nailed) and stays on the line as the agent's session
 * ({@code switchboard-agent-session,s,1}); {@code *71} answers, sends AgentLogin (Mode ondemand),
 * plays agent-loginok and hangs up; {@code *72} does the same with AgentLogout and agent-loggedoff.
 * The agent id is the endpoint's {@code SWITCHBOARD_AGENT}, else the caller number.
 */
final class FeatureCodes {

    private FeatureCodes() {
    }

    static Optional<Extension> find(String exten, GlueContexts contexts) {
        return switch (exten) {
            case "*70" -> Optional.of(Extension.of(agent(),
                    login("nailed"),
                    new Step.Goto(contexts.agentSession(), "s", "1")));
            case "*71" -> Optional.of(Extension.of(agent(),
                    new Step.Answer(),
                    login("ondemand"),
                    new Step.Instant("Playback", c -> "agent-loginok"),
                    new Step.Hangup()));
            case "*72" -> Optional.of(Extension.of(agent(),
                    new Step.Answer(),
                    new Step.UserEvent("AgentLogout", c -> List.of(new AmiHeader("Agent", var(c, "SWITCHBOARD_AGENT")),
                            new AmiHeader("Device", device(c)))),
                    new Step.Instant("Playback", c -> "agent-loggedoff"),
                    new Step.Hangup()));
            default -> Optional.empty();
        };
    }

    /** {@code Set(SWITCHBOARD_AGENT=${IF($["${SWITCHBOARD_AGENT}" = ""]?${CALLERID(num)}:${SWITCHBOARD_AGENT})})}. */
    private static Step agent() {
        return new Step.Set("SWITCHBOARD_AGENT", c -> var(c, "SWITCHBOARD_AGENT").isEmpty()
                ? c.callerNum : var(c, "SWITCHBOARD_AGENT"));
    }

    private static Step login(String mode) {
        return new Step.UserEvent("AgentLogin", c -> List.of(new AmiHeader("Agent", var(c, "SWITCHBOARD_AGENT")),
                new AmiHeader("Device", device(c)), new AmiHeader("Mode", mode)));
    }

    /** {@code ${CUT(CHANNEL,-,1)}}: the channel name up to its first '-'. */
    static String device(SimChannel c) {
        int dash = c.name.indexOf('-');
        return dash < 0 ? c.name : c.name.substring(0, dash);
    }
}
