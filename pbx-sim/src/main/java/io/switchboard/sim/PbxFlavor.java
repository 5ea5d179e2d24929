package io.switchboard.sim;

import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.Dialplan;
import io.switchboard.sim.asterisk.GlueContexts;
import io.switchboard.sim.asterisk.SimulatorConfig;
import io.switchboard.sim.freeswitch.FreeswitchConfig;
import io.switchboard.sim.freeswitch.FreeswitchSimulator;
import io.switchboard.sim.freeswitch.FsDialplan;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/** Which PBX to simulate: the one setting a test or benchmark switches to run against the other PBX. */
public enum PbxFlavor {

    /** Asterisk 20 over AMI with Switchboard's glue dialplan; {@code user}/{@code secret} is an AMI login. */
    ASTERISK {
        @Override
        public SimulatedPbx start(int port, String user, String secret, double timeScale) {
            return new AsteriskSimulator(new SimulatorConfig(Map.of(user, secret),
                    Dialplan.switchboard(GlueContexts.shipped()), Map.of(), timeScale, Clock.systemUTC())).start(port);
        }
    },

    /**
     * FreeSWITCH 1.10 over inbound ESL running Switchboard's FreeSWITCH glue
     * ({@link FsDialplan#switchboard()}); ESL has no user, only {@code secret} as the password.
     */
    FREESWITCH {
        @Override
        public SimulatedPbx start(int port, String user, String secret, double timeScale) {
            return new FreeswitchSimulator(FreeswitchConfig.of(secret).withTimeScale(timeScale)
                    .withDialplan(FsDialplan.switchboard())).start(port);
        }
    };

    /** Starts a simulator of this PBX on 127.0.0.1:{@code port} (0 = any free port). */
    public abstract SimulatedPbx start(int port, String user, String secret, double timeScale);

    /** {@code asterisk} or {@code freeswitch}, any case. */
    public static PbxFlavor parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
