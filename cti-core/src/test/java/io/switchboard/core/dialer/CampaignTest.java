package io.switchboard.core.dialer;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CampaignTest {

    private static final CampaignId SPRING = CampaignId.of("spring-sale");
    private static final QueueId SALES = QueueId.of("sales");

    @Test
    void a_campaign_defaults_to_a_2_percent_abandon_target_and_calls_from_8_to_21() {
        Campaign campaign = Campaign.of(SPRING, "Spring sale", DialMode.PREDICTIVE, SALES);

        assertThat(campaign.abandonRateTarget()).isEqualTo(2.0);
        assertThat(campaign.callingWindow().opens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(campaign.callingWindow().closes()).isEqualTo(LocalTime.of(21, 0));
        assertThat(campaign.maxAttempts()).isEqualTo(Campaign.DEFAULT_MAX_ATTEMPTS);
    }

    @ParameterizedTest(name = "abandon target {0}% is rejected")
    @ValueSource(doubles = {-0.1, 100.1, Double.NaN})
    void the_abandon_rate_target_must_be_between_0_and_100_percent(double target) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> campaign(target, 3))
                .withMessageStartingWith("abandonRateTarget must be between 0 and 100 percent");
    }

    @Test
    void the_abandon_rate_target_may_be_0_or_100() {
        assertThat(campaign(0.0, 3).abandonRateTarget()).isZero();
        assertThat(campaign(100.0, 3).abandonRateTarget()).isEqualTo(100.0);
    }

    @Test
    void a_campaign_dials_each_lead_at_least_once() {
        assertThatIllegalArgumentException().isThrownBy(() -> campaign(2.0, 0)).withMessageContaining("maxAttempts");
    }

    @Test
    void the_calling_window_allows_its_opening_time_but_not_its_closing_time() {
        CallingWindow window = CallingWindow.DEFAULT;

        assertThat(window.allows(LocalTime.of(7, 59))).isFalse();
        assertThat(window.allows(LocalTime.of(8, 0))).isTrue();
        assertThat(window.allows(LocalTime.of(20, 59))).isTrue();
        assertThat(window.allows(LocalTime.of(21, 0))).isFalse();
    }

    @Test
    void a_calling_window_must_close_after_it_opens() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CallingWindow(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .withMessageContaining("closes");
    }

    @Test
    void only_power_and_predictive_dialling_can_abandon_calls() {
        assertThat(DialMode.values()).filteredOn(DialMode::canAbandon)
                .containsExactly(DialMode.POWER, DialMode.PREDICTIVE);
        assertThat(DialMode.values()).filteredOn(DialMode::reservesAgentFirst)
                .containsExactly(DialMode.PREVIEW, DialMode.PROGRESSIVE);
    }

    @Test
    void a_lead_has_attempts_left_until_the_campaign_maximum() {
        Campaign campaign = campaign(2.0, 2);
        Lead lead = new Lead(LeadId.of("l1"), SPRING, new PhoneNumber("+442079460018"), 0, Map.of());

        assertThat(lead.hasAttemptsLeft(campaign)).isTrue();
        assertThat(lead.attempted().hasAttemptsLeft(campaign)).isTrue();
        assertThat(lead.attempted().attempted().hasAttemptsLeft(campaign)).isFalse();
    }

    private static Campaign campaign(double abandonTarget, int maxAttempts) {
        return new Campaign(SPRING, "Spring sale", DialMode.PREDICTIVE, SALES, abandonTarget,
                CallingWindow.DEFAULT, maxAttempts);
    }
}
