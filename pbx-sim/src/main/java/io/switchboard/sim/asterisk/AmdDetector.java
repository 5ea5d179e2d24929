package io.switchboard.sim.asterisk;

/**
 * {@code ExecIf($[${IFMODULE(app_amd.so)}]?AMD())} of the outbound contexts. With {@code app_amd.so}
 * loaded, {@code AMD()} listens for the channel's {@link AmdOutcome#analysis()} and then sets
 * {@code AMDSTATUS} and {@code AMDCAUSE} (two VarSet events, no event of its own: Quirk 28). Without it
 * (fixture 10, Quirk 27) the ExecIf is false, nothing is set and the dialplan goes on at once.
 */
final class AmdDetector {

    private final Calls calls;
    private final boolean loaded;

    AmdDetector(Calls calls, boolean loaded) {
        this.calls = calls;
        this.loaded = loaded;
    }

    /** The ExecIf's {@code AppData} as Newexten shows it, with IFMODULE already expanded. */
    String appData() {
        return (loaded ? "1" : "0") + "?AMD()";
    }

    /** Runs the step; true if the dialplan continues at once (app_amd not loaded). */
    boolean run(SimChannel c) {
        if (!loaded) {
            c.priority++;
            return true;
        }
        int generation = c.generation;
        AmdOutcome outcome = c.amd;
        c.timer = calls.after(outcome.analysis(), () -> {
            if (c.alive && c.generation == generation) {
                calls.setVariable(c, "AMDSTATUS", outcome.name());
                calls.setVariable(c, "AMDCAUSE", outcome.cause());
                calls.resume(c, generation);
            }
        });
        return false;
    }
}
