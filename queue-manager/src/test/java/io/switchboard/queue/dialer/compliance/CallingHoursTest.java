package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.Jurisdiction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallingHoursTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final CallingHours US_DEFAULT = new CallingHours(CallingWindow.DEFAULT, Jurisdiction.US, Set.of());

    @Test
    void a_call_inside_the_window_in_the_callees_zone_may_be_placed_at_once() {
        Instant tenInNewYork = Instant.parse("2026-06-10T14:00:00Z");

        assertThat(US_DEFAULT.isOpen(tenInNewYork, NEW_YORK)).isTrue();
        assertThat(US_DEFAULT.nextOpening(tenInNewYork, NEW_YORK)).isEqualTo(tenInNewYork);
    }

    @Test
    void the_window_closes_at_its_closing_time_and_opens_again_the_next_morning() {
        Instant nineInTheEvening = Instant.parse("2026-06-11T01:00:00Z");

        assertThat(US_DEFAULT.isOpen(nineInTheEvening.minusSeconds(1), NEW_YORK)).isTrue();
        assertThat(US_DEFAULT.isOpen(nineInTheEvening, NEW_YORK)).isFalse();
        assertThat(US_DEFAULT.nextOpening(nineInTheEvening, NEW_YORK)).isEqualTo(Instant.parse("2026-06-11T12:00:00Z"));
    }

    @Test
    void on_the_spring_forward_day_the_window_opens_at_eight_daylight_time() {
        Instant oneInTheNight = Instant.parse("2026-03-08T06:00:00Z");

        assertThat(US_DEFAULT.nextOpening(oneInTheNight, NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
    }

    @Test
    void on_the_fall_back_day_the_window_opens_at_eight_standard_time() {
        Instant oneInTheNightFirstTime = Instant.parse("2026-11-01T05:00:00Z");

        assertThat(US_DEFAULT.nextOpening(oneInTheNightFirstTime, NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
    }

    @Test
    void a_callee_across_the_date_line_is_checked_in_their_own_calendar() {
        CallingHours christmas = new CallingHours(CallingWindow.DEFAULT, Jurisdiction.UK,
                Set.of(LocalDate.of(2026, 12, 25)));
        Instant christmasEveInUtc = Instant.parse("2026-12-24T20:00:00Z");

        assertThat(christmas.isOpen(christmasEveInUtc, AUCKLAND)).isFalse();
        assertThat(christmas.nextOpening(christmasEveInUtc, AUCKLAND))
                .isEqualTo(Instant.parse("2026-12-25T19:00:00Z"));
        assertThat(christmas.isOpen(christmasEveInUtc, NEW_YORK)).isTrue();
    }

    @Test
    void canada_keeps_to_ten_till_six_at_weekends_whatever_the_campaign_says() {
        CallingHours canada = new CallingHours(new CallingWindow(LocalTime.of(9, 0), LocalTime.of(21, 0)),
                Jurisdiction.CA, Set.of());
        Instant saturdayNineThirty = Instant.parse("2026-06-13T13:30:00Z");

        assertThat(canada.on(LocalDate.of(2026, 6, 13))).contains(CallingHours.CANADA_WEEKEND);
        assertThat(canada.on(LocalDate.of(2026, 6, 15)))
                .contains(new CallingWindow(LocalTime.of(9, 0), LocalTime.of(21, 0)));
        assertThat(canada.nextOpening(saturdayNineThirty, TORONTO)).isEqualTo(Instant.parse("2026-06-13T14:00:00Z"));
        assertThat(canada.isOpen(Instant.parse("2026-06-13T22:00:00Z"), TORONTO)).isFalse();
    }

    @Test
    void a_weekend_with_no_hours_left_is_skipped_to_the_next_weekday() {
        CallingHours evenings = new CallingHours(new CallingWindow(LocalTime.of(18, 30), LocalTime.of(21, 0)),
                Jurisdiction.CA, Set.of());
        Instant saturdayNoon = Instant.parse("2026-06-13T16:00:00Z");

        assertThat(evenings.on(LocalDate.of(2026, 6, 13))).isEmpty();
        assertThat(evenings.nextOpening(saturdayNoon, TORONTO)).isEqualTo(Instant.parse("2026-06-15T22:30:00Z"));
    }

    @Test
    void holidays_in_a_row_are_all_skipped() {
        CallingHours holidays = new CallingHours(CallingWindow.DEFAULT, Jurisdiction.US,
                Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));

        assertThat(holidays.nextOpening(Instant.parse("2026-12-25T15:00:00Z"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-12-27T13:00:00Z"));
    }
}
