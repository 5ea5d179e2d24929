package io.switchboard.e2e;

import org.junit.jupiter.api.Nested;

/**
 * Every family of end-to-end scenarios against the simulated FreeSWITCH 1.10 over inbound ESL, through the fat
 * jar and Switchboard's own ESL client. A scenario that behaves differently here than on Asterisk fails.
 */
class FreeswitchScenariosIT {

    @Nested
    class Inbound extends InboundScenarios {
        Inbound() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class NailedAgents extends NailedAgentScenarios {
        NailedAgents() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Outcomes extends OutcomeScenarios {
        Outcomes() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Resync extends ResyncScenarios {
        Resync() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Handover extends HandoverScenarios {
        Handover() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Acd extends AcdScenarios {
        Acd() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class WaitingCallers extends WaitingCallerScenarios {
        WaitingCallers() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class RingMany extends RingManyScenarios {
        RingMany() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class QueueRules extends QueueRuleScenarios {
        QueueRules() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class PreferredAgent extends PreferredAgentScenarios {
        PreferredAgent() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class DeviceStates extends DeviceStateScenarios {
        DeviceStates() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class QueueBehaviours extends QueueBehaviourScenarios {
        QueueBehaviours() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Callbacks extends CallbackScenarios {
        Callbacks() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class CallbackRestarts extends CallbackRestartScenarios {
        CallbackRestarts() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Campaigns extends CampaignScenarios {
        Campaigns() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Dialer extends DialerScenarios {
        Dialer() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Blending extends BlendingScenarios {
        Blending() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Agentless extends AgentlessScenarios {
        Agentless() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Crm extends CrmScenarios {
        Crm() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Monitor extends MonitorScenarios {
        Monitor() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class WallboardPage extends WallboardPageScenarios {
        WallboardPage() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class CrmPages extends CrmPagesScenarios {
        CrmPages() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class DesktopPage extends DesktopPageScenarios {
        DesktopPage() {
            super(PbxFlavour.FREESWITCH);
        }
    }

    @Nested
    class Metrics extends MetricsScenarios {
        Metrics() {
            super(PbxFlavour.FREESWITCH);
        }
    }
}
