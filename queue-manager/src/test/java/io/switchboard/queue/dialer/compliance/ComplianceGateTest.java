package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.queue.dialer.CampaignSettings;
import io.switchboard.queue.dialer.DialDecision;
import io.switchboard.queue.dialer.DialResult;
import io.switchboard.queue.dialer.ZoneSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import static io.switchboard.queue.dialer.compliance.Leads.NEW_YORK;
import static io.switchboard.queue.dialer.compliance.Leads.SALES;
import static io.switchboard.queue.dialer.compliance.Leads.campaign;
import static io.switchboard.queue.dialer.compliance.Leads.lead;
import static io.switchboard.queue.dialer.compliance.Leads.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceGateTest {

    private static final Instant TEN_AM = Instant.parse("2026-06-10T14:00:00Z");
    private static final CallId CALL = CallId.of("pbx-1:42");
    private static final CampaignSettings PREDICTIVE = campaign(DialMode.PREDICTIVE, Jurisdiction.US,
            CallingWindow.DEFAULT, Set.of(), List.of(phone("+12125550100")), 3);

    private final Map<String, List<String>> dncByNumber = new HashMap<>();
    private final List<DialAuditEntry> rows = new ArrayList<>();
    private final AbandonLedger ledger = new AbandonLedger(ZoneId.of("UTC"));
    private boolean auditDown;

    private final DncList dnc = (number, campaign, now) ->
            CompletableFuture.completedFuture(dncByNumber.getOrDefault(number.e164(), List.of()));
    private final DialAuditLog audit = entry -> {
        if (auditDown) {
            return CompletableFuture.failedFuture(new IllegalStateException("database down"));
        }
        rows.add(entry);
        return CompletableFuture.completedFuture(null);
    };
    private final ComplianceGate gate = new ComplianceGate(new ComplianceRules(0.05), dnc, ledger, audit);

    private DialDecision check(io.switchboard.queue.dialer.DueLead lead) {
        return gate.check(PREDICTIVE, lead, CALL, TEN_AM).toCompletableFuture().join();
    }

    @Test
    void a_dialled_lead_leaves_an_audit_row_with_every_fact_the_decision_used() {
        ledger.count(SALES, DialResult.CONNECTED, TEN_AM.minusSeconds(3600), 99);
        ledger.count(SALES, DialResult.ABANDONED, TEN_AM.minusSeconds(3600), 1);

        DialDecision decision = check(lead("+12125550199", NEW_YORK));

        assertThat(decision).isInstanceOf(DialDecision.Dial.class);
        DialAuditEntry row = rows.get(0);
        assertThat(row.decision()).isEqualTo("dialled");
        assertThat(row.reason()).isEqualTo("allowed");
        assertThat(row.call()).contains(CALL);
        assertThat(row.callerId()).contains(phone("+12125550100"));
        assertThat(row.zone()).contains(NEW_YORK);
        assertThat(row.zoneSource()).contains(ZoneSource.NUMBER);
        assertThat(row.calleeLocalTime()).contains(LocalDateTime.of(2026, 6, 10, 10, 0));
        assertThat(row.attempt()).isEqualTo(1);
        assertThat(row.dncSource()).isEmpty();
        assertThat(row.abandonRate24h()).contains(1.0);
        assertThat(row.abandonRate30d()).contains(1.0);
        assertThat(row.abandonBudget()).isEqualTo(2);
        assertThat(row.decidedAt()).isEqualTo(TEN_AM);
    }

    @Test
    void a_skipped_lead_is_audited_with_its_dnc_source_and_no_call_id() {
        dncByNumber.put("+12125550199", List.of("imported:national"));

        DialDecision decision = check(lead("+12125550199", NEW_YORK));

        assertThat(decision).isInstanceOf(DialDecision.Skip.class);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.decision()).isEqualTo("skipped");
            assertThat(row.reason()).isEqualTo("dnc");
            assertThat(row.dncSource()).contains("imported:national");
            assertThat(row.call()).isEmpty();
            assertThat(row.callerId()).isEmpty();
        });
    }

    @Test
    void a_deferred_lead_is_audited_with_when_it_may_be_tried_again() {
        Instant night = Instant.parse("2026-06-11T03:00:00Z");

        DialDecision decision = gate.check(PREDICTIVE, lead("+12125550199", NEW_YORK), CALL, night)
                .toCompletableFuture().join();

        assertThat(decision).isInstanceOf(DialDecision.Defer.class);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.decision()).isEqualTo("deferred");
            assertThat(row.reason()).isEqualTo("outside-window");
            assertThat(row.retryAt()).contains(Instant.parse("2026-06-11T12:00:00Z"));
            assertThat(row.calleeLocalTime()).contains(LocalDateTime.of(2026, 6, 10, 23, 0));
        });
    }

    @Test
    void a_decision_the_audit_could_not_record_fails_so_nothing_is_dialled() {
        auditDown = true;

        CompletionStage<DialDecision> stage = gate.check(PREDICTIVE, lead("+12125550199", NEW_YORK), CALL, TEN_AM);

        assertThatThrownBy(() -> stage.toCompletableFuture().join()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("database down");
    }

    @Test
    void a_failed_dnc_lookup_fails_the_check_and_writes_nothing() {
        DncList down = (PhoneNumber number, CampaignId campaign, Instant now) ->
                CompletableFuture.failedFuture(new IllegalStateException("dnc lookup failed"));
        ComplianceGate blind = new ComplianceGate(new ComplianceRules(0.05), down, ledger, audit);

        assertThatThrownBy(() -> blind.check(PREDICTIVE, lead("+12125550199", NEW_YORK), CALL, TEN_AM)
                .toCompletableFuture().join()).hasMessageContaining("dnc lookup failed");
        assertThat(rows).isEmpty();
    }

    @Test
    void call_ends_the_dialer_reports_move_the_budget_of_the_next_decision() {
        ledger.count(SALES, DialResult.CONNECTED, TEN_AM.minusSeconds(60), 97);
        ledger.ended(SALES, LeadId.of("1"), CallId.of("pbx-1:1"), DialResult.ABANDONED, Optional.empty(),
                TEN_AM.minusSeconds(30));
        ledger.ended(SALES, LeadId.of("2"), CallId.of("pbx-1:2"), DialResult.ABANDONED, Optional.empty(),
                TEN_AM.minusSeconds(20));
        ledger.ended(SALES, LeadId.of("3"), CallId.of("pbx-1:3"), DialResult.ABANDONED, Optional.empty(),
                TEN_AM.minusSeconds(10));

        assertThat(check(lead("+12125550199", NEW_YORK))).isInstanceOfSatisfying(DialDecision.Defer.class,
                defer -> assertThat(defer.reason()).isEqualTo("abandon-budget-spent"));
        assertThat(gate.ledger()).isSameAs(ledger);
    }
}
