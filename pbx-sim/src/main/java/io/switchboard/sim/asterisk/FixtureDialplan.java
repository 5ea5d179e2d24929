package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiHeader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contexts of the capture dialplan ({@code fixtures/asterisk-20/config/extensions.conf}) that
 * the hold-and-redirect and ConfBridge fixtures use: {@code caller}, {@code hold}, {@code to-agent},
 * {@code agents}, {@code nailed}, {@code to-conf}, {@code outbound-amd}, {@code from-sip}.
 */
final class FixtureDialplan extends Dialplan {

    private final boolean machineBranch;

    /**
     * @param machineBranch whether {@code [outbound-amd]} has the MACHINE branch (GotoIf, message,
     *     Hangup) it gained for 10b; fixture 10 ran the older NoOp, ExecIf, UserEvent, ConfBridge, Hangup
     */
    FixtureDialplan(boolean machineBranch) {
        this.machineBranch = machineBranch;
    }

    @Override
    Optional<Extension> find(String context, String exten) {
        return switch (context) {
            case "incoming" -> "100".equals(exten) ? Optional.of(Extension.of(
                    new Step.NoOp(c -> "Inbound call for support queue from \"" + c.callerName + "\" <" + c.callerNum
                            + ">"),
                    new Step.Answer(),
                    new Step.Set("CALLERID(name)", c -> "AcceptanceCaller"),
                    new Step.Queue("support", ",t,,,60"),
                    new Step.NoOp(c -> "Queue result: " + c.variables.getOrDefault("QUEUESTATUS", "")),
                    new Step.Hangup()))
                    : Optional.empty();
            case "supervisor" -> "spy".equals(exten) ? Optional.of(Extension.of(
                    new Step.NoOp(c -> "Supervisor whisper on agent1"), new Step.Answer(),
                    new Step.ChanSpy("Local/agent1@agents", "qw"), new Step.Hangup()))
                    : Optional.empty();
            case "caller" -> "s".equals(exten) ? Optional.of(Extension.of(
                    new Step.NoOp(c -> "Customer leg"), new Step.Wait(Duration.ofSeconds(60)), new Step.Hangup()))
                    : Optional.empty();
            case "hold" -> "s".equals(exten) ? Optional.of(hold()) : Optional.empty();
            case "to-agent" -> exten.matches("[a-z].+") ? Optional.of(toAgent()) : Optional.empty();
            case "agents" -> agent(exten);
            case "outbound-amd" -> "s".equals(exten) ? Optional.of(outboundAmd()) : Optional.empty();
            case "nailed" -> exten.matches("[a-z].+") ? Optional.of(Extension.of(
                    new Step.NoOp(c -> "Nailed-up session for " + c.exten), new Step.Answer(),
                    new Step.ConfBridge(c -> c.exten, "cti_bridge,cti_agent", true, false), new Step.Hangup()))
                    : Optional.empty();
            case "to-conf" -> exten.matches("[a-z].+") ? Optional.of(Extension.of(
                    new Step.NoOp(c -> "Customer " + c.name + " joins " + c.exten),
                    new Step.ConfBridge(c -> c.exten, "cti_bridge,cti_customer", false, false),
                    new Step.UserEvent("CustomerLeftConf", c -> List.of(new AmiHeader("Conference", c.exten),
                            new AmiHeader("Uniqueid", c.uniqueid))),
                    new Step.Hangup()))
                    : Optional.empty();
            case "from-sip" -> "100".equals(exten) ? Optional.of(Extension.of(
                    new Step.NoOp(c -> "SIP inbound from \"" + c.callerName + "\" <" + c.callerNum + "> to " + c.dnid),
                    new Step.UserEvent("InboundCall", c -> List.of(new AmiHeader("CallerIDNum", c.callerNum),
                            new AmiHeader("DNID", c.dnid), new AmiHeader("Channel", c.name),
                            new AmiHeader("Uniqueid", c.uniqueid))),
                    new Step.Goto("hold", "s", "1")))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** {@code queues.conf}: queue {@code support} with {@code member => Local/agent1@agents,0,Agent One}. */
    @Override
    List<QueueMember.Config> queueMembers() {
        return List.of(new QueueMember.Config("support", "Local/agent1@agents", "Agent One"));
    }

    private static String amdStatus(SimChannel c) {
        String status = c.variables.getOrDefault("AMDSTATUS", "");
        return status.isEmpty() ? "NOTBUILT" : status;
    }

    private Extension outboundAmd() {
        if (!machineBranch) {
            return Extension.of(
                    new Step.NoOp(c -> "Outbound call answered: " + c.name),
                    new Step.Amd(),
                    amdEvent(),
                    new Step.ConfBridge(c -> "agent-1", "cti_bridge,cti_customer", false, false),
                    new Step.Hangup());
        }
        return new Extension(List.of(
                new Step.NoOp(c -> "Outbound call answered: " + c.name),
                new Step.Amd(),
                amdEvent(),
                new Step.GotoIf(c -> "MACHINE".equals(amdStatus(c)), "machine", null),
                new Step.ConfBridge(c -> "agent-1", "cti_bridge,cti_customer", false, false),
                new Step.Hangup(),
                new Step.NoOp(c -> "Answering machine on " + c.name + ": leave message and hang up"),
                new Step.Instant("Playback", c -> "hello-world"),
                new Step.UserEvent("AMDMessageLeft", c -> List.of(new AmiHeader("Uniqueid", c.uniqueid))),
                new Step.Hangup()), Map.of("machine", 7));
    }

    private static Step amdEvent() {
        return new Step.UserEvent("AMD", c -> List.of(new AmiHeader("Status", amdStatus(c)),
                new AmiHeader("Cause", c.variables.getOrDefault("AMDCAUSE", "")), new AmiHeader("Uniqueid", c.uniqueid)));
    }

    private static Extension hold() {
        return Extension.of(
                new Step.NoOp(c -> "Caller parked on hold"),
                new Step.Answer(),
                new Step.UserEvent("CallerOnHold", c -> List.of(
                        new AmiHeader("CallerIDNum", c.callerNum), new AmiHeader("DNID", c.dnid),
                        new AmiHeader("Uniqueid", c.uniqueid), new AmiHeader("Linkedid", c.linkedid))),
                new Step.MusicOnHold("default"),
                new Step.Hangup());
    }

    private static Extension toAgent() {
        return new Extension(List.of(
                new Step.NoOp(c -> "Connecting " + c.name + " to agent " + c.exten),
                new Step.Dial(c -> "Local/" + c.exten + "@agents", c -> Duration.ofSeconds(5), null),
                new Step.UserEvent("AgentDialResult", c -> List.of(
                        new AmiHeader("DialStatus", c.variables.getOrDefault("DIALSTATUS", "")),
                        new AmiHeader("Agent", c.exten), new AmiHeader("Uniqueid", c.uniqueid))),
                new Step.GotoIf(c -> "ANSWER".equals(c.variables.get("DIALSTATUS")), "done", null),
                new Step.Goto("hold", "s", "1"),
                new Step.Hangup()), Map.of("done", 6));
    }

    private static Optional<Extension> agent(String exten) {
        return switch (exten) {
            case "agent1", "agent2" -> Optional.of(Extension.of(new Step.NoOp(c -> "Agent leg"),
                    new Step.Answer(), new Step.Wait(Duration.ofSeconds(30)), new Step.Hangup()));
            case "agent-noanswer" -> Optional.of(Extension.of(new Step.NoOp(c -> "Agent that never answers"),
                    new Step.Ringing(), new Step.Wait(Duration.ofSeconds(60)), new Step.Hangup()));
            case "agent-busy" -> Optional.of(Extension.of(new Step.NoOp(c -> "Agent that is busy"), new Step.Busy()));
            default -> Optional.empty();
        };
    }
}
