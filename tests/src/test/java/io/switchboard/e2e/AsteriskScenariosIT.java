package io.switchboard.e2e;

import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.SimulatorConfig;

import java.util.Map;

/** {@link PbxScenarios} against the simulated Asterisk 20 over AMI, running Switchboard's Asterisk glue. */
class AsteriskScenariosIT extends PbxScenarios {

    @Override
    String type() {
        return "asterisk";
    }

    @Override
    SimulatedPbx start(Map<String, Phone> phones, String user, String secret, double timeScale) {
        return new AsteriskSimulator(SimulatorConfig.of(user, secret).withPhones(phones).withTimeScale(timeScale))
                .start(0);
    }

    @Override
    String device(String extension) {
        return "SIP/" + extension;
    }

    @Override
    String outboundChannel() {
        return "SIP/{number}@carrier";
    }
}
