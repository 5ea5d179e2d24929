package io.switchboard.e2e;

import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.freeswitch.FreeswitchConfig;
import io.switchboard.sim.freeswitch.FreeswitchSimulator;
import io.switchboard.sim.freeswitch.FsDialplan;

import java.util.Map;

/**
 * {@link PbxScenarios} against the simulated FreeSWITCH 1.10 over inbound ESL, running Switchboard's
 * FreeSWITCH glue with mod_amd loaded (so the machine scenario has a detector to report MACHINE).
 */
class FreeswitchScenariosIT extends PbxScenarios {

    @Override
    String type() {
        return "freeswitch";
    }

    @Override
    SimulatedPbx start(Map<String, Phone> phones, String user, String secret, double timeScale) {
        return new FreeswitchSimulator(FreeswitchConfig.of(secret).withPhones(phones).withTimeScale(timeScale)
                .withDialplan(FsDialplan.switchboardWithAmd())).start(0);
    }

    @Override
    String device(String extension) {
        return "user/" + extension + "@default";
    }

    @Override
    String outboundChannel() {
        return "sofia/gateway/carrier/{number}";
    }
}
