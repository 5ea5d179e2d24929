package io.switchboard.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.switchboard.crm.http.WireMockSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.id.CallId;
import io.switchboard.crm.http.Budget;
import io.switchboard.crm.http.CallLogs;
import io.switchboard.crm.http.FakeTime;
import io.switchboard.crm.http.Secret;
import io.switchboard.crm.http.Tuning;
import io.switchboard.crm.http.WireMockSupport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's half of "a two-hour outage loses nothing and doubles nothing": logs that fail during the
 * outage come back retryable (the circuit answers most of them at once); afterwards they are tried again as an
 * outbox would, until none is left, with every seventh create's answer lost, and then all delivered a second
 * time (an outbox that crashed before marking them done): each call is in the org exactly once.
 */
class SalesforceOutageTest {

    private final FakeSalesforceOrg org = new FakeSalesforceOrg();
    private final WireMockServer crm = new WireMockServer(options().dynamicPort().extensions(org));
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        crm.stop();
    }

    @Test
    void a_thousand_calls_ended_during_a_two_hour_outage_are_each_logged_exactly_once_afterwards() {
        crm.start();
        crm.stubFor(post(urlPathEqualTo("/services/oauth2/token")).willReturn(okJson(sample("salesforce/token.json"))));
        crm.stubFor(get(urlPathEqualTo("/services/data/v62.0/query")).willReturn(aResponse().withTransformers(FakeSalesforceOrg.NAME)));
        crm.stubFor(post(urlPathEqualTo("/services/data/v62.0/sobjects/Task")).willReturn(aResponse().withTransformers(FakeSalesforceOrg.NAME)));
        SalesforceSettings settings = SalesforceSettings.clientCredentials(URI.create(crm.baseUrl()), "consumer-key",
                Secret.of("consumer-secret", "clientSecret")).withTuning(Tuning.defaults().withBudgets(Budget.LOOKUP,
                new Budget(3, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(60))));
        SalesforceConnector connector = new SalesforceConnector(settings, WireMockSupport.client(), time,
                new SplittableRandom(11), time);
        List<CallLog> calls = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            calls.add(withCall(CallLogs.answered(Optional.empty()), "c-" + i));
        }

        org.down(true);
        for (CallLog call : calls) {
            CrmLogResult during = connector.logCall(call).toCompletableFuture().join();
            assertThat(during).isInstanceOfSatisfying(CrmLogResult.NotLogged.class, n -> assertThat(n.retryable()).isTrue());
            time.advance(Duration.ofMillis(7_200));
        }
        org.down(false);
        org.loseAnswerToEvery(7);
        time.advance(Duration.ofSeconds(30));

        List<CallLog> pending = calls;
        for (int round = 0; round < 10 && !pending.isEmpty(); round++) {
            pending = retryAsAnOutboxWould(connector, pending);
            time.advance(Duration.ofSeconds(1));
        }
        assertThat(pending).isEmpty();
        assertThat(retryAsAnOutboxWould(connector, calls)).as("a second delivery of every log").isEmpty();

        Map<String, Integer> tasks = org.tasksPerKey();
        assertThat(tasks).hasSize(1_000);
        assertThat(tasks.values()).containsOnly(1);
    }

    /** Tries every log, 50 at a time, and answers those to try again later. */
    private static List<CallLog> retryAsAnOutboxWould(SalesforceConnector connector, List<CallLog> logs) {
        List<CallLog> again = new ArrayList<>();
        for (int from = 0; from < logs.size(); from += 50) {
            List<CallLog> batch = logs.subList(from, Math.min(logs.size(), from + 50));
            List<CompletableFuture<CrmLogResult>> results = batch.stream()
                    .map(call -> connector.logCall(call).toCompletableFuture()).toList();
            for (int i = 0; i < batch.size(); i++) {
                CrmLogResult result = results.get(i).join();
                if (result instanceof CrmLogResult.NotLogged notLogged) {
                    assertThat(notLogged.retryable()).as(notLogged.toString()).isTrue();
                    again.add(batch.get(i));
                }
            }
        }
        return again;
    }

    private static CallLog withCall(CallLog log, String callId) {
        return new CallLog(new CallId(callId), log.contact(), log.agent(), log.customer(), log.ourNumber(),
                log.direction(), log.outcome(), log.started(), log.talkTime(), log.disposition(), log.notes(),
                log.recording(), log.queue());
    }
}
