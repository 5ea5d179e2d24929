package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.DialResult;
import io.switchboard.queue.dialer.compliance.AbandonFigures.Counts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AbandonLedgerTest {

    private static final CampaignId SALES = CampaignId.of("sales");
    private static final CampaignId RENEWALS = CampaignId.of("renewals");
    private static final Instant NOW = Instant.parse("2026-06-10T15:30:00Z");

    private final AbandonLedger ledger = new AbandonLedger(ZoneId.of("America/New_York"));

    private void ended(CampaignId campaign, DialResult result, Instant at) {
        ledger.ended(campaign, LeadId.of("1"), new CallId("pbx:" + at), result, Optional.empty(), at);
    }

    @Test
    void live_answers_are_connected_and_abandoned_calls_and_machines_are_counted_apart() {
        ended(SALES, DialResult.CONNECTED, NOW.minusSeconds(60));
        ended(SALES, DialResult.ABANDONED, NOW.minusSeconds(50));
        ended(SALES, DialResult.MACHINE, NOW.minusSeconds(40));
        ended(SALES, DialResult.MACHINE_MESSAGE, NOW.minusSeconds(30));
        ended(SALES, DialResult.NO_ANSWER, NOW.minusSeconds(20));
        ended(SALES, DialResult.BUSY, NOW.minusSeconds(10));
        ended(RENEWALS, DialResult.ABANDONED, NOW.minusSeconds(10));

        AbandonFigures figures = ledger.figures(SALES, NOW);

        assertThat(figures.last24h()).isEqualTo(new Counts(2, 1, 2));
        assertThat(figures.last30d()).isEqualTo(new Counts(2, 1, 2));
        assertThat(figures.today()).isEqualTo(new Counts(2, 1, 2));
        assertThat(ledger.figures(RENEWALS, NOW).last24h()).isEqualTo(new Counts(1, 1, 0));
        assertThat(ledger.figures(CampaignId.of("unknown"), NOW)).isEqualTo(AbandonFigures.NONE);
    }

    @Test
    void a_node_taking_the_dialling_over_counts_what_the_cluster_stored_in_place_of_what_it_saw() {
        ended(SALES, DialResult.ABANDONED, NOW.minusSeconds(600));
        AbandonLedger stored = new AbandonLedger(ZoneId.of("America/New_York"));
        stored.count(SALES, DialResult.CONNECTED, NOW.minusSeconds(300), 40);
        stored.count(SALES, DialResult.ABANDONED, NOW.minusSeconds(200), 2);
        stored.count(RENEWALS, DialResult.MACHINE, NOW.minusSeconds(100), 3);

        ledger.replaceWith(stored);
        ended(SALES, DialResult.ABANDONED, NOW.minusSeconds(10));

        assertThat(ledger.figures(SALES, NOW).today()).isEqualTo(new Counts(43, 3, 0));
        assertThat(ledger.figures(RENEWALS, NOW).today()).isEqualTo(new Counts(0, 0, 3));
    }

    @Test
    void calls_leave_each_window_as_it_rolls_on() {
        ended(SALES, DialResult.ABANDONED, NOW.minus(Duration.ofHours(25)));
        ended(SALES, DialResult.ABANDONED, NOW.minus(Duration.ofDays(29)));
        ended(SALES, DialResult.CONNECTED, NOW.minus(Duration.ofHours(2)));
        ended(SALES, DialResult.CONNECTED, NOW.minus(Duration.ofHours(20)));

        assertThat(ledger.figures(SALES, NOW).last24h()).isEqualTo(new Counts(2, 0, 0));
        assertThat(ledger.figures(SALES, NOW).last30d()).isEqualTo(new Counts(4, 2, 0));

        Instant later = NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
        assertThat(ledger.figures(SALES, later).last24h()).isEqualTo(Counts.ZERO);
        assertThat(ledger.figures(SALES, later).last30d()).isEqualTo(new Counts(3, 1, 0));
    }

    @Test
    void today_starts_at_midnight_in_the_ledgers_zone() {
        Instant beforeMidnightInNewYork = Instant.parse("2026-06-10T03:59:00Z");
        ended(SALES, DialResult.ABANDONED, beforeMidnightInNewYork);
        ended(SALES, DialResult.CONNECTED, Instant.parse("2026-06-10T04:00:00Z"));

        assertThat(ledger.figures(SALES, NOW).today()).isEqualTo(new Counts(1, 0, 0));
        assertThat(ledger.figures(SALES, NOW).last24h()).isEqualTo(new Counts(2, 1, 0));
    }

    @Test
    void a_restarted_node_loads_summed_rows_and_goes_on_counting_live_calls() {
        AbandonLedger restarted = new AbandonLedger(ZoneId.of("UTC"));
        restarted.count(SALES, DialResult.CONNECTED, NOW.minus(Duration.ofDays(3)), 950);
        restarted.count(SALES, DialResult.ABANDONED, NOW.minus(Duration.ofDays(3)), 20);
        restarted.count(SALES, DialResult.CONNECTED, NOW.minus(Duration.ofMinutes(30)), 30);
        restarted.count(SALES, DialResult.CONNECTED, NOW.minus(Duration.ofDays(31)), 500);
        restarted.ended(SALES, LeadId.of("1"), new CallId("pbx:1"), DialResult.ABANDONED, Optional.empty(), NOW);

        AbandonFigures figures = restarted.figures(SALES, NOW);

        assertThat(figures.last30d()).isEqualTo(new Counts(1001, 21, 0));
        assertThat(figures.last24h()).isEqualTo(new Counts(31, 1, 0));
    }

    @Test
    void a_call_older_than_the_buckets_kept_does_not_wipe_newer_counts() {
        ended(SALES, DialResult.CONNECTED, NOW);
        ended(SALES, DialResult.ABANDONED, NOW.minus(Duration.ofMinutes(26 * 60 + 2)));

        assertThat(ledger.figures(SALES, NOW).last24h()).isEqualTo(new Counts(1, 0, 0));
        assertThat(ledger.figures(SALES, NOW).last30d()).isEqualTo(new Counts(2, 1, 0));
    }
}
