package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiHeader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nailed-up agent contexts of the glue: {@code switchboard-agent-session} (the agent's leg
 * waits in conference {@code switchboard-agent-<agent>} as a marked user; {@code h} sends
 * AgentSessionEnded) and {@code switchboard-join} (a held caller joins that conference, or goes
 * back to hold with reason NOAGENT, or AGENTLEFT once the agent left).
 */
final class AgentContexts {

    private AgentContexts() {
    }

    static String conference(SimChannel c) {
        return "switchboard-agent-" + var(c, "SWITCHBOARD_AGENT");
    }

    static String var(SimChannel c, String name) {
        return c.variables.getOrDefault(name, "");
    }

    /** {@code _[0-9A-Za-z].} / {@code _[0-9A-Za-z]}: the agent id as extension. */
    static boolean isAgentExten(String exten) {
        return exten.matches("[0-9A-Za-z].*");
    }

    static Extension agentExten() {
        return Extension.of(new Step.Set("SWITCHBOARD_AGENT", c -> c.exten), new Step.Goto(null, "s", "1"));
    }

    static Optional<Extension> agentSession(String exten) {
        return switch (exten) {
            case "s" -> Optional.of(new Extension(List.of(
                    new Step.NoOp(c -> "Switchboard session of agent " + var(c, "SWITCHBOARD_AGENT") + " on " + c.name),
                    new Step.GotoIf(c -> var(c, "SWITCHBOARD_AGENT").isEmpty(), "noagent", null),
                    new Step.Answer(),
                    new Step.Set("SWITCHBOARD_SESSION", c -> var(c, "SWITCHBOARD_AGENT")),
                    new Step.UserEvent("AgentSessionStarted", c -> List.of(
                            new AmiHeader("Agent", var(c, "SWITCHBOARD_AGENT")))),
                    new Step.ConfBridge(AgentContexts::conference,
                            "switchboard_bridge,switchboard_agent,switchboard_menu", true, false),
                    new Step.Hangup(),
                    new Step.Hangup()), Map.of("noagent", 8)));
            case "h" -> Optional.of(new Extension(List.of(
                    new Step.GotoIf(c -> var(c, "SWITCHBOARD_SESSION").isEmpty(), "done", null),
                    new Step.UserEvent("AgentSessionEnded", c -> List.of(
                            new AmiHeader("Agent", var(c, "SWITCHBOARD_SESSION")))),
                    new Step.NoOp(c -> "Switchboard session ended")), Map.of("done", 3)));
            default -> isAgentExten(exten) ? Optional.of(agentExten()) : Optional.empty();
        };
    }

    static Optional<Extension> join(String exten, String holdContext) {
        if (!"s".equals(exten)) {
            return isAgentExten(exten) && !"h".equals(exten) ? Optional.of(agentExten()) : Optional.empty();
        }
        return Optional.of(new Extension(List.of(
                new Step.NoOp(c -> "Switchboard joins " + c.name + " to agent " + var(c, "SWITCHBOARD_AGENT")),
                new Step.GotoIfNoMarked(AgentContexts::conference, "noagent"),
                new Step.Instant("ExecIf", c -> (var(c, "SWITCHBOARD_RECORD_FILE").isEmpty() ? "0" : "1")
                        + "?MixMonitor(" + var(c, "SWITCHBOARD_RECORD_FILE") + ",b)"),
                new Step.Set("SWITCHBOARD_RECORD_FILE", c -> ""),
                new Step.ConfBridge(AgentContexts::conference,
                        "switchboard_bridge,switchboard_customer,switchboard_menu", false, true),
                new Step.GotoIfNoMarked(AgentContexts::conference, "agentleft"),
                new Step.Hangup(),
                new Step.Set("SWITCHBOARD_HOLD_REASON", c -> "AGENTLEFT"),
                new Step.Goto(holdContext, "s", "1"),
                new Step.Set("SWITCHBOARD_HOLD_REASON", c -> "NOAGENT"),
                new Step.Goto(holdContext, "s", "1")), Map.of("agentleft", 8, "noagent", 10)));
    }
}
