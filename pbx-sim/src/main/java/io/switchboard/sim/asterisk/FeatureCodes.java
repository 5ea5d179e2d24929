package io.switchboard.sim.asterisk;

import static io.switchboard.sim.asterisk.AgentContexts.var;

import io.switchboard.sim.ami.AmiHeader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The glue's {@code switchboard-features}, which the agents' phones include: {@code *70} sends
 * UserEvent AgentLogin (Mode nailed) and stays on the line as the agent's session
 * ({@code switchboard-agent-session,s,1}); {@code *71} answers, sends AgentLogin (Mode ondemand),
 * plays agent-loginok and hangs up; {@code *72} does the same with AgentLogout and agent-loggedoff.
 * The agent id is the endpoint's {@code SWITCHBOARD_AGENT}, else the caller number. A number of digits dials
 * the phone of that name with the caller's technology, as a site's phones context does.
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
            default -> isPhoneNumber(exten) ? Optional.of(Extension.of(
                    new Step.Dial(c -> technology(c) + "/" + c.exten, c -> Duration.ofSeconds(30), null),
                    new Step.Hangup())) : Optional.empty();
        };
    }

    /**
     * Not the glue: the site's own {@code exten => _X.,1,Dial(${CUT(CHANNEL,/,1)}/${EXTEN},30)} next to the
     * {@code include}, so a phone can call another phone (a private call Switchboard did not place).
     */
    private static boolean isPhoneNumber(String exten) {
        return !exten.isEmpty() && exten.chars().allMatch(Character::isDigit);
    }

    /** {@code ${CUT(CHANNEL,/,1)}}: the calling phone's technology. */
    private static String technology(SimChannel c) {
        int slash = c.name.indexOf('/');
        return slash < 0 ? "SIP" : c.name.substring(0, slash);
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
