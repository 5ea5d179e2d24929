package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DialDecision;
import io.switchboard.queue.dialer.DueLead;
import io.switchboard.queue.dialer.compliance.AbandonFigures.Counts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static io.switchboard.queue.dialer.compliance.Leads.NEW_YORK;
import static io.switchboard.queue.dialer.compliance.Leads.abandonedAt;
import static io.switchboard.queue.dialer.compliance.Leads.attempted;
import static io.switchboard.queue.dialer.compliance.Leads.campaign;
import static io.switchboard.queue.dialer.compliance.Leads.lead;
import static io.switchboard.queue.dialer.compliance.Leads.phone;
import static io.switchboard.queue.dialer.compliance.Leads.withoutZone;
import static org.assertj.core.api.Assertions.assertThat;

class ComplianceRulesTest {

    /** 10:00 in New York. */
    private static final Instant TEN_AM = Instant.parse("2026-06-10T14:00:00Z");
    private static final Instant NEXT_EIGHT_AM = Instant.parse("2026-06-11T12:00:00Z");
    private static final CampaignSettings PREDICTIVE = campaign(DialMode.PREDICTIVE, Jurisdiction.US);
    private static final CampaignSettings PROGRESSIVE = campaign(DialMode.PROGRESSIVE, Jurisdiction.US);
    private static final DueLead MANHATTAN = lead("+12125550199", NEW_YORK);
    private static final AbandonFigures SPENT = new AbandonFigures(new Counts(100, 5, 0), new Counts(100, 5, 0),
            Counts.ZERO);

    private final ComplianceRules rules = new ComplianceRules(ComplianceRules.DEFAULT_AMD_FALSE_POSITIVES);

    private DialDecision decide(CampaignSettings campaign, DueLead lead, Instant now) {
        return rules.decide(campaign, lead, List.of(), AbandonFigures.NONE, now).decision();
    }

    @Test
    void a_lead_inside_its_window_on_no_list_is_dialled_with_a_local_caller_id() {
        CampaignSettings withPool = campaign(DialMode.PREDICTIVE, Jurisdiction.US, CallingWindow.DEFAULT, Set.of(),
                List.of(phone("+14155550100"), phone("+12125550100")), 3);

        Ruling ruling = rules.decide(withPool, MANHATTAN, List.of(), AbandonFigures.NONE, TEN_AM);

        assertThat(ruling.decision()).isEqualTo(new DialDecision.Dial(java.util.Optional.of(phone("+12125550100")),
                NEW_YORK, LocalDateTime.of(2026, 6, 10, 10, 0)));
        assertThat(ruling.dncSource()).isEmpty();
        assertThat(ruling.calleeLocalTime()).contains(LocalDateTime.of(2026, 6, 10, 10, 0));
    }

    @Test
    void a_number_on_a_dnc_list_is_skipped_naming_the_strongest_source() {
        Ruling ruling = rules.decide(PREDICTIVE, MANHATTAN, List.of("imported:national", "campaign", "internal"),
                AbandonFigures.NONE, TEN_AM);

        assertThat(ruling.decision()).isInstanceOfSatisfying(DialDecision.Skip.class, skip -> {
            assertThat(skip.reason()).isEqualTo("dnc");
            assertThat(skip.detail()).contains("internal, campaign, imported:national");
        });
        assertThat(ruling.dncSource()).contains("internal");
        assertThat(rules.decide(PREDICTIVE, MANHATTAN, List.of("imported:national", "campaign"), AbandonFigures.NONE,
                TEN_AM).dncSource()).contains("campaign");
    }

    @Test
    void a_lead_whose_attempts_are_used_up_is_skipped() {
        assertThat(decide(PREDICTIVE, attempted(MANHATTAN, 3), TEN_AM)).isInstanceOfSatisfying(DialDecision.Skip.class,
                skip -> assertThat(skip.reason()).isEqualTo("attempts-exhausted"));
        assertThat(decide(PREDICTIVE, attempted(MANHATTAN, 2), TEN_AM)).isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void a_lead_without_a_time_zone_is_skipped_rather_than_guessed() {
        Ruling ruling = rules.decide(PREDICTIVE, withoutZone("+12125550199"), List.of(), AbandonFigures.NONE, TEN_AM);

        assertThat(ruling.decision()).isInstanceOfSatisfying(DialDecision.Skip.class,
                skip -> assertThat(skip.reason()).isEqualTo("no-time-zone"));
        assertThat(ruling.calleeLocalTime()).isEmpty();
    }

    @Test
    void outside_the_window_the_lead_waits_for_the_next_opening_in_its_zone() {
        Instant nineFifteenPm = Instant.parse("2026-06-11T01:15:00Z");

        assertThat(decide(PREDICTIVE, MANHATTAN, nineFifteenPm)).isEqualTo(new DialDecision.Defer("outside-window",
                "2026-06-10 21:15 in America/New_York is outside 08:00-21:00 (us)", NEXT_EIGHT_AM));
    }

    @Test
    void on_a_holiday_in_the_callees_calendar_the_lead_waits_for_the_next_working_day() {
        CampaignSettings holiday = campaign(DialMode.PREDICTIVE, Jurisdiction.US, CallingWindow.DEFAULT,
                Set.of(LocalDate.of(2026, 6, 10)), List.of(), 3);

        assertThat(decide(holiday, MANHATTAN, TEN_AM)).isInstanceOfSatisfying(DialDecision.Defer.class, defer -> {
            assertThat(defer.reason()).isEqualTo("holiday");
            assertThat(defer.retryAt()).isEqualTo(NEXT_EIGHT_AM);
        });
    }

    @Test
    void a_lead_abandoned_within_72_hours_waits_unless_an_agent_is_reserved_first() {
        DueLead abandoned = abandonedAt(MANHATTAN, TEN_AM.minus(Duration.ofHours(10)));

        assertThat(decide(PREDICTIVE, abandoned, TEN_AM)).isInstanceOfSatisfying(DialDecision.Defer.class, defer -> {
            assertThat(defer.reason()).isEqualTo("abandoned-recently");
            assertThat(defer.retryAt()).isEqualTo(Instant.parse("2026-06-13T12:00:00Z"));
        });
        assertThat(decide(PROGRESSIVE, abandoned, TEN_AM)).isInstanceOf(DialDecision.Dial.class);
        assertThat(decide(PREDICTIVE, abandonedAt(MANHATTAN, TEN_AM.minus(Duration.ofHours(72))), TEN_AM))
                .isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void a_spent_abandon_budget_holds_modes_that_can_abandon_but_not_progressive() {
        Ruling predictive = rules.decide(PREDICTIVE, MANHATTAN, List.of(), SPENT, TEN_AM);

        assertThat(predictive.decision()).isInstanceOfSatisfying(DialDecision.Defer.class, defer -> {
            assertThat(defer.reason()).isEqualTo("abandon-budget-spent");
            assertThat(defer.detail()).contains("5.00 %", "us cap of 3.0 %");
            assertThat(defer.retryAt()).isEqualTo(TEN_AM.plus(ComplianceRules.BUDGET_RECHECK));
        });
        assertThat(predictive.budget().remaining()).isZero();
        assertThat(rules.decide(PROGRESSIVE, MANHATTAN, List.of(), SPENT, TEN_AM).decision())
                .isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void uk_campaigns_count_estimated_machine_false_positives_against_the_cap() {
        CampaignSettings uk = campaign(DialMode.PREDICTIVE, Jurisdiction.UK);
        DueLead london = lead("+442079460999", java.time.ZoneId.of("Europe/London"));
        AbandonFigures figures = new AbandonFigures(new Counts(100, 2, 40), Counts.ZERO, Counts.ZERO);
        Instant elevenInLondon = Instant.parse("2026-06-10T10:00:00Z");

        assertThat(rules.decide(uk, london, List.of(), figures, elevenInLondon).decision())
                .isInstanceOfSatisfying(DialDecision.Defer.class,
                        defer -> assertThat(defer.reason()).isEqualTo("abandon-budget-spent"));
        assertThat(new ComplianceRules(0.0).decide(uk, london, List.of(), figures, elevenInLondon).decision())
                .isInstanceOf(DialDecision.Dial.class);
    }

    @Test
    void lead_ending_rules_win_over_waiting_ones_in_their_documented_order() {
        DueLead everything = abandonedAt(attempted(withoutZone("+12125550199"), 3), TEN_AM.minusSeconds(60));
        Instant night = Instant.parse("2026-06-11T03:00:00Z");

        assertThat(reason(rules.decide(PREDICTIVE, everything, List.of("campaign"), SPENT, night))).isEqualTo("dnc");
        assertThat(reason(rules.decide(PREDICTIVE, everything, List.of(), SPENT, night)))
                .isEqualTo("attempts-exhausted");
        assertThat(reason(rules.decide(PREDICTIVE, attempted(everything, 0), List.of(), SPENT, night)))
                .isEqualTo("no-time-zone");
    }

    @Test
    void a_deferral_is_named_by_its_first_reason_and_waits_until_every_reason_allows() {
        DueLead abandoned = abandonedAt(MANHATTAN, Instant.parse("2026-06-11T02:00:00Z"));
        Instant night = Instant.parse("2026-06-11T03:00:00Z");

        DialDecision decision = rules.decide(PREDICTIVE, abandoned, List.of(), SPENT, night).decision();

        assertThat(decision).isInstanceOfSatisfying(DialDecision.Defer.class, defer -> {
            assertThat(defer.reason()).isEqualTo("outside-window");
            assertThat(defer.detail()).contains("no redial before 2026-06-14T02:00:00Z", "abandon rate 5.00 %");
            assertThat(defer.retryAt()).isEqualTo(Instant.parse("2026-06-14T12:00:00Z"));
        });
    }

    private static String reason(Ruling ruling) {
        DialDecision decision = ruling.decision();
        return decision instanceof DialDecision.Skip skip ? skip.reason() : ((DialDecision.Defer) decision).reason();
    }
}
