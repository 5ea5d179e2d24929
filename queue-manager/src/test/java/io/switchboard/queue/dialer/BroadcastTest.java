package io.switchboard.queue.dialer;

import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.dialer.CampaignSettings.MachineAction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BroadcastTest {

    private static final Broadcast FLU = new Broadcast("custom/flu-clinic", 10, '9');

    @Test
    void aBroadcastNeedsAMessageOneTo500LinesAndADigitOptOut() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Broadcast(" ", 10, '9'))
                .withMessageContaining("message");
        assertThatIllegalArgumentException().isThrownBy(() -> new Broadcast("m", 0, '9')).withMessageContaining("lines");
        assertThatIllegalArgumentException().isThrownBy(() -> new Broadcast("m", 501, '9'))
                .withMessageContaining("lines");
        assertThatIllegalArgumentException().isThrownBy(() -> new Broadcast("m", 10, '#'))
                .withMessageContaining("optOutDigit");
        assertThat(new Broadcast("m", 500, '0').lines()).isEqualTo(500);
    }

    @Test
    void onlyAnAgentlessCampaignHasABroadcast() {
        assertThat(settings(DialMode.AGENTLESS, MachineAction.HANGUP).withBroadcast(Optional.of(FLU)).broadcast())
                .contains(FLU);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(DialMode.PREDICTIVE, MachineAction.HANGUP).withBroadcast(Optional.of(FLU)))
                .withMessageContaining("broadcast");
    }

    @Test
    void anAgentlessCampaignCannotGiveMachinesToAnAgent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(DialMode.AGENTLESS, MachineAction.AGENT).withBroadcast(Optional.of(FLU)))
                .withMessageContaining("machine");
    }

    @Test
    void theSettingsOfACampaignWithAgentsCarryNoBroadcast() {
        assertThat(settings(DialMode.POWER, MachineAction.AGENT).broadcast()).isEmpty();
    }

    private static CampaignSettings settings(DialMode mode, MachineAction machine) {
        return new CampaignSettings(new Campaign(CampaignId.of("flu"), "Flu", mode, QueueId.of("outbound"), 2.0,
                CallingWindow.DEFAULT, 3), CampaignSettings.CampaignState.RUNNING, Jurisdiction.US, 1.0,
                Duration.ofSeconds(25), machine, Optional.empty(), Optional.empty(), Set.of(), List.of(), "US");
    }
}
