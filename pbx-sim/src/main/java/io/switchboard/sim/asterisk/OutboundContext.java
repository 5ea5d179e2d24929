package io.switchboard.sim.asterisk;

import static io.switchboard.sim.asterisk.AgentContexts.var;

import io.switchboard.sim.ami.AmiHeader;
import java.util.List;
import java.util.Map;

/**
 * The glue's {@code switchboard-outbound,s}: an answered customer leg runs AMD, reports
 * UserEvent AMD (Status, Cause), then joins the nailed agent's conference via
 * {@code switchboard-join}, or takes the safe-harbour path (UserEvent SafeHarbour with reason
 * NOAGENT or AGENTABSENT, message, hangup); a MACHINE gets the message of
 * {@code SWITCHBOARD_MACHINE_MESSAGE} (UserEvent AMDMessageLeft) if
 * {@code SWITCHBOARD_MACHINE_ACTION} is {@code message}, else it is hung up. A queued callback's customer
 * ({@code SWITCHBOARD_CALLBACK} set) skips AMD and waits in hold with Reason {@code CALLBACK}. A campaign's
 * call ({@code SWITCHBOARD_CAMPAIGN} set, {@code SWITCHBOARD_AGENT} empty) answered live waits
 * {@code SWITCHBOARD_CONNECT_WAIT} seconds (default 2) for Switchboard's Redirect to {@code switchboard-join},
 * else takes the safe-harbour path with reason NOTCONNECTED; {@code SWITCHBOARD_MACHINE_ACTION} {@code agent}
 * treats a MACHINE as a live answer. An agentless campaign's call ({@code SWITCHBOARD_BROADCAST} set) answered
 * live hears the broadcast as the prompt of a one-key {@code Read} and reports UserEvent BroadcastPlayed (Status
 * OPTEDOUT when the key was {@code SWITCHBOARD_OPT_OUT_DIGIT}, else HEARD), then is hung up.
 */
final class OutboundContext {

    private OutboundContext() {
    }

    private static String status(SimChannel c) {
        return var(c, "SWITCHBOARD_AMD_STATUS");
    }

    static Extension s(GlueContexts contexts) {
        return new Extension(List.of(
                new Step.NoOp(c -> "Switchboard outbound " + c.name + " task " + var(c, "SWITCHBOARD_TASK")
                        + " campaign " + var(c, "SWITCHBOARD_CAMPAIGN") + " agent " + var(c, "SWITCHBOARD_AGENT")),
                new Step.GotoIf(c -> !var(c, "SWITCHBOARD_CALLBACK").isEmpty(), "callback", null),
                new Step.Amd(),
                new Step.Set("SWITCHBOARD_AMD_STATUS", c -> var(c, "AMDSTATUS").isEmpty() ? "NOTBUILT" : var(c, "AMDSTATUS")),
                new Step.UserEvent("AMD", c -> List.of(new AmiHeader("Status", status(c)),
                        new AmiHeader("Cause", var(c, "AMDCAUSE")))),
                new Step.GotoIf(c -> "MACHINE".equals(status(c)), "machine", null),
                new Step.GotoIf(c -> "HANGUP".equals(status(c)), "done", null),
                new Step.GotoIf(c -> !var(c, "SWITCHBOARD_BROADCAST").isEmpty(), "broadcast", null),
                new Step.GotoIf(c -> var(c, "SWITCHBOARD_AGENT").isEmpty()
                        && !var(c, "SWITCHBOARD_CAMPAIGN").isEmpty(), "connectwait", null),
                new Step.GotoIf(c -> var(c, "SWITCHBOARD_AGENT").isEmpty(), "noagent", null),
                new Step.GotoIfNoMarked(AgentContexts::conference, "agentabsent"),
                new Step.Goto(contexts.join(), "s", "1"),
                new Step.WaitFor(c -> var(c, "SWITCHBOARD_CONNECT_WAIT").isEmpty()
                        ? "2" : var(c, "SWITCHBOARD_CONNECT_WAIT")),
                new Step.Set("SWITCHBOARD_SAFE_HARBOUR_REASON", c -> "NOTCONNECTED"),
                new Step.Goto(null, "s", "safeharbour"),
                new Step.Set("SWITCHBOARD_SAFE_HARBOUR_REASON", c -> "NOAGENT"),
                new Step.Goto(null, "s", "safeharbour"),
                new Step.Set("SWITCHBOARD_SAFE_HARBOUR_REASON", c -> "AGENTABSENT"),
                new Step.UserEvent("SafeHarbour", c -> List.of(new AmiHeader("Agent", var(c, "SWITCHBOARD_AGENT")),
                        new AmiHeader("Reason", var(c, "SWITCHBOARD_SAFE_HARBOUR_REASON")))),
                new Step.Instant("Playback", c -> var(c, "SWITCHBOARD_SAFE_HARBOUR").isEmpty()
                        ? "all-circuits-busy-now&pls-try-call-later" : var(c, "SWITCHBOARD_SAFE_HARBOUR")),
                new Step.Hangup(),
                new Step.GotoIf(c -> "agent".equals(var(c, "SWITCHBOARD_MACHINE_ACTION")), "live", null),
                new Step.GotoIf(c -> !"message".equals(var(c, "SWITCHBOARD_MACHINE_ACTION"))
                        || var(c, "SWITCHBOARD_MACHINE_MESSAGE").isEmpty(), "done", null),
                new Step.Instant("Playback", c -> var(c, "SWITCHBOARD_MACHINE_MESSAGE")),
                new Step.UserEvent("AMDMessageLeft", c -> List.of()),
                new Step.Hangup(),
                new Step.Read("SWITCHBOARD_OPT_OUT_KEY", c -> var(c, "SWITCHBOARD_BROADCAST"), 5),
                new Step.UserEvent("BroadcastPlayed", c -> List.of(new AmiHeader("Status",
                        !var(c, "SWITCHBOARD_OPT_OUT_KEY").isEmpty()
                                && var(c, "SWITCHBOARD_OPT_OUT_KEY").equals(var(c, "SWITCHBOARD_OPT_OUT_DIGIT"))
                                ? "OPTEDOUT" : "HEARD"))),
                new Step.Hangup(),
                new Step.Set("SWITCHBOARD_HOLD_REASON", c -> "CALLBACK"),
                new Step.Goto(contexts.hold(), "s", "1")),
                Map.of("live", 7, "connectwait", 13, "noagent", 16, "agentabsent", 18, "safeharbour", 19,
                        "machine", 22, "done", 26, "broadcast", 27, "callback", 30));
    }
}
