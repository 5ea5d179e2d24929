package io.switchboard.e2e;

import org.junit.jupiter.api.Nested;

/**
 * Every family of end-to-end scenarios against the simulated Asterisk 20 over AMI, through the fat jar and the
 * real Asterisk-Java client.
 */
class AsteriskScenariosIT {

    @Nested
    class Inbound extends InboundScenarios {
        Inbound() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class NailedAgents extends NailedAgentScenarios {
        NailedAgents() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Outcomes extends OutcomeScenarios {
        Outcomes() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Resync extends ResyncScenarios {
        Resync() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Handover extends HandoverScenarios {
        Handover() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Acd extends AcdScenarios {
        Acd() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class WaitingCallers extends WaitingCallerScenarios {
        WaitingCallers() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class RingMany extends RingManyScenarios {
        RingMany() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class QueueRules extends QueueRuleScenarios {
        QueueRules() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class PreferredAgent extends PreferredAgentScenarios {
        PreferredAgent() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class DeviceStates extends DeviceStateScenarios {
        DeviceStates() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class QueueBehaviours extends QueueBehaviourScenarios {
        QueueBehaviours() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Callbacks extends CallbackScenarios {
        Callbacks() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class CallbackRestarts extends CallbackRestartScenarios {
        CallbackRestarts() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Campaigns extends CampaignScenarios {
        Campaigns() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Dialer extends DialerScenarios {
        Dialer() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Blending extends BlendingScenarios {
        Blending() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Agentless extends AgentlessScenarios {
        Agentless() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Crm extends CrmScenarios {
        Crm() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Monitor extends MonitorScenarios {
        Monitor() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class WallboardPage extends WallboardPageScenarios {
        WallboardPage() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class CrmPages extends CrmPagesScenarios {
        CrmPages() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class DesktopPage extends DesktopPageScenarios {
        DesktopPage() {
            super(PbxFlavour.ASTERISK);
        }
    }

    @Nested
    class Metrics extends MetricsScenarios {
        Metrics() {
            super(PbxFlavour.ASTERISK);
        }
    }
}
