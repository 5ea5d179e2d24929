package io.switchboard.core.dialer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class JurisdictionTest {

    @Test
    void capsAndPeriodsAreTheRegulatorsOwn() {
        assertThat(Jurisdiction.US.abandonCapPercent()).isEqualTo(3.0);
        assertThat(Jurisdiction.US.measuredOver()).isEqualTo(Duration.ofDays(30));
        assertThat(Jurisdiction.UK.measuredOver()).isEqualTo(Duration.ofHours(24));
        assertThat(Jurisdiction.CA.abandonCapPercent()).isEqualTo(5.0);
    }

    @Test
    void aWindowMustLieInsideTheJurisdictionsWidestWindow() {
        assertThat(Jurisdiction.US.allows(CallingWindow.DEFAULT)).isTrue();
        assertThat(Jurisdiction.US.allows(new CallingWindow(LocalTime.of(7, 30), LocalTime.of(20, 0)))).isFalse();
        assertThat(Jurisdiction.CA.allows(CallingWindow.DEFAULT)).isFalse();
        assertThat(Jurisdiction.CA.allows(new CallingWindow(LocalTime.of(9, 0), LocalTime.of(21, 30)))).isTrue();
    }
}
