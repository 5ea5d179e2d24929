package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiHeader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Switchboard's glue, {@code dialplan/asterisk/extensions_switchboard.conf}, as a Java model. Its
 * UserEvents carry the channel's standard headers plus only the custom fields (DNID, Queue,
 * Reason, DialStatus, Agent).
 */
final class SwitchboardDialplan extends Dialplan {

    private final GlueContexts contexts;

    GlueContexts contexts() {
        return contexts;
    }

    SwitchboardDialplan(GlueContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    Optional<Extension> find(String context, String exten) {
        if (context.equals(contexts.inbound())) {
            if ("s".equals(exten)) {
                return Optional.of(inboundS());
            }
            return exten.matches("\\+?[0-9].*") ? Optional.of(inboundDid()) : Optional.empty();
        }
        if (context.equals(contexts.hold())) {
            return "s".equals(exten) ? Optional.of(hold()) : CallbackContexts.holdKey(exten);
        }
        if (context.equals(CallbackContexts.CALLBACK)) {
            return CallbackContexts.callback(exten);
        }
        if (context.equals(contexts.outbound())) {
            return "s".equals(exten) ? Optional.of(OutboundContext.s(contexts)) : Optional.empty();
        }
        if (context.equals(contexts.join())) {
            return AgentContexts.join(exten, contexts.hold());
        }
        if (context.equals(contexts.agentSession())) {
            return AgentContexts.agentSession(exten);
        }
        if (context.equals(contexts.features())) {
            return FeatureCodes.find(exten, contexts);
        }
        if (context.equals(contexts.transfer())) {
            return TransferContext.find(exten, contexts);
        }
        if (context.equals(AnnounceContext.NAME)) {
            return AnnounceContext.find(exten, contexts);
        }
        if (context.equals(SpyContext.NAME)) {
            return SpyContext.find(exten);
        }
        if (context.equals(ExitContext.NAME)) {
            return ExitContext.find(exten);
        }
        if (context.equals(ExitContext.VOICEMAIL)) {
            return ExitContext.voicemail(exten);
        }
        if (context.equals(contexts.connect())) {
            return "s".equals(exten) ? Optional.of(connect()) : Optional.empty();
        }
        return Optional.empty();
    }

    private static String queueOr(SimChannel c, String fallback) {
        String queue = c.variables.getOrDefault("SWITCHBOARD_QUEUE", "");
        return queue.isEmpty() ? fallback : queue;
    }

    private static Extension inboundDid() {
        return Extension.of(new Step.Set("SWITCHBOARD_QUEUE", c -> queueOr(c, c.exten)), new Step.Goto(null, "s", "announce"));
    }

    private Extension inboundS() {
        return new Extension(List.of(
                new Step.Set("SWITCHBOARD_QUEUE", c -> queueOr(c, "default")),
                new Step.NoOp(c -> "Switchboard inbound from " + c.callerNum + " to " + c.dnid + " for " + queueOr(c, "")),
                new Step.Set("SWITCHBOARD_HOLD_REASON", c -> "NEW"),
                new Step.UserEvent("InboundCall", c -> List.of(
                        new AmiHeader("DNID", c.dnid), new AmiHeader("Queue", queueOr(c, "")))),
                new Step.Goto(contexts.hold(), "s", "1")), Map.of("announce", 2));
    }

    private static Extension hold() {
        return new Extension(List.of(
                new Step.NoOp(c -> "Switchboard hold: " + c.name + " waits, reason "
                        + c.variables.getOrDefault("SWITCHBOARD_HOLD_REASON", "")),
                new Step.Answer(),
                new Step.UserEvent("CallerOnHold", c -> List.of(
                        new AmiHeader("DNID", c.dnid), new AmiHeader("Queue", queueOr(c, "")),
                        new AmiHeader("Reason", c.variables.getOrDefault("SWITCHBOARD_HOLD_REASON", "")))),
                new Step.WaitExten(CallbackContexts.HOLD_SECONDS, c -> {
                    String mohClass = c.variables.getOrDefault("SWITCHBOARD_MOH_CLASS", "");
                    return mohClass.isEmpty() ? "default" : mohClass;
                }),
                new Step.Hangup()), Map.of("wait", 4));
    }


    private Extension connect() {
        return new Extension(List.of(
                new Step.NoOp(c -> "Switchboard connects " + c.name + " to agent "
                        + c.variables.getOrDefault("SWITCHBOARD_AGENT", "") + " on "
                        + c.variables.getOrDefault("SWITCHBOARD_DEVICE", "")),
                new Step.GotoIf(c -> c.variables.getOrDefault("SWITCHBOARD_DEVICE", "").isEmpty(), "nodevice", null),
                new Step.Dial(c -> c.variables.getOrDefault("SWITCHBOARD_DEVICE", ""), SwitchboardDialplan::ringTimeout, null),
                new Step.UserEvent("AgentDialResult", c -> List.of(
                        new AmiHeader("DialStatus", c.variables.getOrDefault("DIALSTATUS", "")),
                        new AmiHeader("Agent", c.variables.getOrDefault("SWITCHBOARD_AGENT", "")))),
                new Step.GotoIf(c -> "ANSWER".equals(c.variables.get("DIALSTATUS")), "done", null),
                new Step.Set("SWITCHBOARD_HOLD_REASON", c -> c.variables.getOrDefault("DIALSTATUS", "")),
                new Step.Set("SWITCHBOARD_DEVICE", c -> ""),
                new Step.Goto(contexts.hold(), "s", "1"),
                new Step.Hangup(),
                new Step.Set("DIALSTATUS", c -> "INVALIDARGS"),
                new Step.Goto(null, "s", "result")),
                Map.of("result", 4, "done", 9, "nodevice", 10));
    }

    private static Duration ringTimeout(SimChannel c) {
        String seconds = c.variables.getOrDefault("SWITCHBOARD_RING_TIMEOUT", "");
        try {
            return Duration.ofSeconds(seconds.isEmpty() ? 15 : Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(15);
        }
    }
}
