package io.switchboard.e2e;

import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimulatorConfig;
import io.switchboard.sim.freeswitch.FreeswitchConfig;
import io.switchboard.sim.freeswitch.FreeswitchSimulator;
import io.switchboard.sim.freeswitch.FsDialplan;

import java.util.Map;

/**
 * The PBXs Switchboard attaches to, as the end-to-end scenarios see them: how to start the simulated PBX and
 * how it names an agent's phone and a customer. Everything else a scenario does is the same on both.
 */
enum PbxFlavour {

    /** A simulated Asterisk 20 over AMI running Switchboard's Asterisk glue; agents' phones are chan_sip peers. */
    ASTERISK("asterisk", "SIP/%s", "SIP/{number}@carrier") {
        @Override
        SimulatedPbx start(Map<String, Phone> phones, String user, String secret, int port) {
            return new AsteriskSimulator(SimulatorConfig.of(user, secret).withPhones(phones)
                    .withTimeScale(TIME_SCALE)).start(port);
        }
    },

    /**
     * A simulated FreeSWITCH 1.10 over inbound ESL running Switchboard's FreeSWITCH glue with mod_amd loaded
     * (so an answering machine has a detector to report it); agents' phones are directory users.
     */
    FREESWITCH("freeswitch", "user/%s@default", "sofia/gateway/carrier/{number}") {
        @Override
        SimulatedPbx start(Map<String, Phone> phones, String user, String secret, int port) {
            return new FreeswitchSimulator(FreeswitchConfig.of(secret).withPhones(phones).withTimeScale(TIME_SCALE)
                    .withDialplan(FsDialplan.switchboardWithAmd())).start(port);
        }
    };

    /** Real seconds per simulated second: rings and talk times run ten times faster. */
    static final double TIME_SCALE = 0.1;

    private final String type;
    private final String devicePattern;
    private final String outboundChannel;

    PbxFlavour(String type, String devicePattern, String outboundChannel) {
        this.type = type;
        this.devicePattern = devicePattern;
        this.outboundChannel = outboundChannel;
    }

    /**
     * Starts the simulated PBX on 127.0.0.1 at {@code port} (0: a free one) with these phones, keyed by dial
     * string; {@code user} is the AMI user (FreeSWITCH's event socket has a password only).
     */
    abstract SimulatedPbx start(Map<String, Phone> phones, String user, String secret, int port);

    /** {@code pbx[].type} in the server's config. */
    String type() {
        return type;
    }

    /** The dial string of the agent's phone with this extension, as the agent directory stores it. */
    String device(String extension) {
        return devicePattern.formatted(extension);
    }

    /** {@code pbx[].outbound-channel}: how the PBX dials a customer, with {@code {number}}. */
    String outboundChannel() {
        return outboundChannel;
    }

    /** The dial string the PBX dials to reach this customer. */
    String customer(String number) {
        return outboundChannel.replace("{number}", number);
    }
}
