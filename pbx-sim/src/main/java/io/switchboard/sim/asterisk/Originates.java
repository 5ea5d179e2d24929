package io.switchboard.sim.asterisk;

import io.switchboard.sim.ami.AmiAction;
import io.switchboard.sim.ami.AmiMessage;
import java.time.Duration;

/** Reads Originate actions and writes OriginateResponse events (Quirks 2, 3, 16, 17). */
final class Originates {

    private Originates() {
    }

    static OriginateRequest parse(AmiAction action) {
        String callerId = action.header("CallerID").orElse(null);
        String num = null;
        String name = null;
        if (callerId != null) {
            int lt = callerId.indexOf('<');
            int gt = callerId.indexOf('>', lt + 1);
            if (lt >= 0 && gt > lt) {
                num = callerId.substring(lt + 1, gt);
                name = callerId.substring(0, lt).trim().replace("\"", "");
            } else {
                num = callerId.trim();
                name = "";
            }
        }
        long timeoutMs = action.header("Timeout").map(String::trim).filter(t -> t.matches("\\d+"))
                .map(Long::parseLong).orElse(30000L);
        return new OriginateRequest(action.actionId().orElse(null), action.header("Channel").orElse("").trim(),
                action.header("Context").orElse(null), action.header("Exten").orElse("s"),
                action.header("Priority").map(String::trim).filter(p -> p.matches("\\d+")).map(Integer::parseInt).orElse(1),
                action.header("Application").orElse(null), action.header("Data").orElse(""), num, name,
                Duration.ofMillis(timeoutMs), action.header("ChannelId").orElse(null),
                action.header("OtherChannelId").orElse(null),
                action.header("Async").map(String::trim).filter(a -> a.equalsIgnoreCase("true")
                        || a.equalsIgnoreCase("yes") || a.equals("1")).isPresent(),
                variables(action));
    }

    private static java.util.Map<String, String> variables(AmiAction action) {
        java.util.Map<String, String> variables = new java.util.LinkedHashMap<>();
        action.message().headers().stream().filter(h -> h.is("Variable"))
                .flatMap(h -> java.util.Arrays.stream(h.value().split(",")))
                .map(String::trim).filter(v -> v.indexOf('=') > 0)
                .forEach(v -> variables.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1)));
        return java.util.Map.copyOf(variables);
    }

    static Step applicationStep(OriginateRequest o) {
        if ("Wait".equalsIgnoreCase(o.application()) && o.data().trim().matches("\\d+")) {
            return new Step.Wait(Duration.ofSeconds(Long.parseLong(o.data().trim())));
        }
        return new Step.Block(o.application(), o.data());
    }

    /**
     * The OriginateResponse event; a failed one names the dial string and {@code <unknown>} (Quirk 17).
     * An Originate with an Application reports {@code Application}/{@code Data} instead of
     * {@code Context}/{@code Exten} (08).
     */
    static AmiMessage response(Events events, OriginateRequest o, SimChannel channel, boolean success, int reason) {
        Events.Builder b = events.event("OriginateResponse", "call,all");
        if (o.actionId() != null) {
            b.add("ActionID", o.actionId());
        }
        return b.add("Response", success ? "Success" : "Failure")
                .add("Channel", success ? channel.name : o.dialString())
                .addAll(o.application() != null
                        ? java.util.List.of(new io.switchboard.sim.ami.AmiHeader("Application", o.application()),
                                new io.switchboard.sim.ami.AmiHeader("Data", o.data()))
                        : java.util.List.of(new io.switchboard.sim.ami.AmiHeader("Context",
                                o.context() == null ? "" : o.context()),
                                new io.switchboard.sim.ami.AmiHeader("Exten", o.exten())))
                .add("Reason", Integer.toString(reason))
                .add("Uniqueid", success ? channel.uniqueid : o.channelId() != null ? o.channelId() : "<unknown>")
                .add("CallerIDNum", o.callerNum() == null ? "<unknown>" : o.callerNum())
                .add("CallerIDName", o.callerName() == null ? "<unknown>" : o.callerName())
                .build();
    }
}
