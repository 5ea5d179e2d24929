package io.switchboard.e2e;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every family of end-to-end scenarios against the simulated FreeSWITCH 1.10 over inbound ESL, through the fat
 * jar and Switchboard's own ESL client. A scenario switched off here is a known difference from Asterisk,
 * waiting for its fix; the reason says where.
 */
class FreeswitchScenariosIT {

    /** The ESL translator ends a leg at CHANNEL_HANGUP_COMPLETE, whose order is not who hung up first (Quirk 15). */
    private static final String HANGUP_ORDER = "FreeSWITCH: the peer's CHANNEL_HANGUP_COMPLETE comes before the"
            + " initiator's (Quirk 15, fixture 05), so queue_log names the wrong side; EslEventTranslator must end"
            + " legs at CHANNEL_HANGUP";

    @Nested
    class Inbound extends InboundScenarios {
        Inbound() {
            super(PbxFlavour.FREESWITCH);
        }

        @Test
        @Disabled(HANGUP_ORDER)
        @Override
        void a_caller_who_hangs_up_first_completes_the_call_as_the_caller() {
        }

        @Test
        @Disabled(HANGUP_ORDER)
        @Override
        void an_agent_who_hangs_up_first_completes_the_call_as_the_agent() {
        }
    }

    @Nested
    class NailedAgents extends NailedAgentScenarios {
        NailedAgents() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Resync extends ResyncScenarios {
        Resync() {
            super(PbxFlavour.FREESWITCH);
        }
    }
}
