package io.switchboard.sim.asterisk;

import static io.switchboard.sim.asterisk.AgentContexts.var;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The glue's {@code switchboard-spy}: a supervisor's phone Originate'd to {@code switchboard-spy,<listen|whisper|
 * barge>,1} sets {@code SWITCHBOARD_SPY_OPTIONS} ({@code qE}, {@code qwE}, {@code qBE}) and goes on to {@code spy},
 * which answers and runs {@code ChanSpy(${SWITCHBOARD_SPY_TARGET},${SWITCHBOARD_SPY_OPTIONS})}, then hangs up; without
 * a target it hangs up at once. The mode shows only in the options (the model carries no audio).
 */
final class SpyContext {

    static final String NAME = "switchboard-spy";
    private static final String TARGET = "SWITCHBOARD_SPY_TARGET";
    private static final String OPTIONS = "SWITCHBOARD_SPY_OPTIONS";

    private SpyContext() {
    }

    static Optional<Extension> find(String exten) {
        return switch (exten) {
            case "listen" -> Optional.of(mode("qE"));
            case "whisper" -> Optional.of(mode("qwE"));
            case "barge" -> Optional.of(mode("qBE"));
            case "spy" -> Optional.of(spy());
            default -> Optional.empty();
        };
    }

    private static Extension mode(String options) {
        return Extension.of(new Step.Set(OPTIONS, c -> options), new Step.Goto(null, "spy", "1"));
    }

    private static Extension spy() {
        return new Extension(List.of(
                new Step.NoOp(c -> "Switchboard supervisor " + c.name + " on " + var(c, TARGET) + " with "
                        + var(c, OPTIONS)),
                new Step.GotoIf(c -> var(c, TARGET).isEmpty(), "done", null),
                new Step.Answer(),
                new Step.ChanSpy(c -> var(c, TARGET), c -> var(c, OPTIONS)),
                new Step.Hangup()),
                Map.of("done", 5));
    }
}
