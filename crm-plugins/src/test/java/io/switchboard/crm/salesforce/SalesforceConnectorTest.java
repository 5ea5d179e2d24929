package io.switchboard.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.switchboard.crm.http.WireMockSupport.sample;
import static io.switchboard.crm.http.WireMockSupport.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.crm.CrmLookup;
import io.switchboard.crm.http.Budget;
import io.switchboard.crm.http.CallLogs;
import io.switchboard.crm.http.CircuitBreaker;
import io.switchboard.crm.http.FakeTime;
import io.switchboard.crm.http.Secret;
import io.switchboard.crm.http.Tuning;
import io.switchboard.crm.http.WireMockSupport;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceConnectorTest {

    private static final String SEARCH = "/services/data/v62.0/search";
    private static final String QUERY = "/services/data/v62.0/query";
    private static final String TASK = "/services/data/v62.0/sobjects/Task";
    private static final String TOKEN = "/services/oauth2/token";

    private final WireMockServer crm = new WireMockServer(options().dynamicPort());
    private final FakeTime time = new FakeTime();
    private SalesforceConnector connector;

    @BeforeEach
    void start() {
        crm.start();
        sequence(crm, () -> post(urlPathEqualTo(TOKEN)), okJson(sample("salesforce/token.json")),
                okJson(sample("salesforce/token-second.json")));
        connector = connector(Tuning.defaults().withBudgets(
                new Budget(3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofSeconds(2)),
                new Budget(4, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(60))));
    }

    private SalesforceConnector connector(Tuning tuning) {
        SalesforceSettings settings = SalesforceSettings.clientCredentials(URI.create(crm.baseUrl()), "consumer-key",
                Secret.of("consumer-secret", "clientSecret")).withTuning(tuning);
        return new SalesforceConnector(settings, WireMockSupport.client(), time, new SplittableRandom(7), time);
    }

    @AfterEach
    void stop() {
        crm.stop();
    }

    @Test
    void a_caller_one_contact_holds_is_found_with_its_owner_and_lightning_link() {
        crm.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(sample("salesforce/search-one.json"))));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(lookup).isInstanceOf(CrmLookup.Matched.class);
        var match = lookup.matches().get(0);
        assertThat(match.objectType()).isEqualTo("Contact");
        assertThat(match.displayName()).isEqualTo("Ada Lovelace");
        assertThat(match.ownerId()).contains("0055e000004ABCDAA1");
        assertThat(match.link()).contains(URI.create(crm.baseUrl() + "/lightning/r/Contact/0035e00000Ada01AAA/view"));
        crm.verify(postRequestedFor(urlPathEqualTo(TOKEN))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=consumer-key")));
        crm.verify(getRequestedFor(urlPathEqualTo(SEARCH))
                .withHeader("Authorization", equalTo("Bearer 00D5e000000TOKEN!AQ4AQFIRST"))
                .withQueryParam("q", equalTo("FIND {\\+442079460018 OR 02079460018} IN PHONE FIELDS RETURNING "
                        + "Contact(Id, Name, OwnerId), Lead(Id, Name, OwnerId WHERE IsConverted = false), "
                        + "Account(Id, Name, OwnerId) LIMIT 20")));
    }

    @Test
    void a_number_no_record_holds_is_no_match() {
        crm.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(sample("salesforce/search-none.json"))));

        assertThat(connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.NoMatch.class);
    }

    @Test
    void several_records_are_all_answered_contacts_then_leads_then_accounts() {
        crm.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(sample("salesforce/search-several.json"))));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(lookup.matches()).extracting(m -> m.objectType()).containsExactly("Contact", "Lead", "Account");
        assertThat(((CrmLookup.Matched) lookup).unique()).isFalse();
    }

    @Test
    void an_expired_session_fetches_a_new_token_once_and_repeats_the_search() {
        sequence(crm, () -> get(urlPathEqualTo(SEARCH)),
                aResponse().withStatus(401).withBody(sample("salesforce/invalid-session.json")),
                okJson(sample("salesforce/search-one.json")));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(lookup).isInstanceOf(CrmLookup.Matched.class);
        crm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
        crm.verify(getRequestedFor(urlPathEqualTo(SEARCH))
                .withHeader("Authorization", equalTo("Bearer 00D5e000000TOKEN!AQ4AQSECOND")));
    }

    @Test
    void a_session_refused_again_after_the_refresh_is_reported_unauthorized() {
        crm.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(401)
                .withBody(sample("salesforce/invalid-session.json"))));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(lookup).isEqualTo(new CrmLookup.Unavailable("crm-unauthorized",
                "salesforce refused our credentials on GET " + SEARCH));
        crm.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
        crm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void a_rate_limit_is_waited_out_as_retry_after_asks() {
        sequence(crm, () -> get(urlPathEqualTo(SEARCH)),
                aResponse().withStatus(429).withHeader("Retry-After", "1"),
                okJson(sample("salesforce/search-one.json")));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(lookup).isInstanceOf(CrmLookup.Matched.class);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void a_retry_after_beyond_the_lookup_budget_answers_rate_limited_at_once() {
        crm.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(lookup).isInstanceOf(CrmLookup.Unavailable.class);
        assertThat(((CrmLookup.Unavailable) lookup).errorId()).isEqualTo("crm-rate-limited");
        assertThat(time.waits()).isEmpty();
        crm.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void server_errors_are_retried_with_jittered_backoff_until_an_answer() {
        sequence(crm, () -> get(urlPathEqualTo(SEARCH)), aResponse().withStatus(500), aResponse().withStatus(503),
                okJson(sample("salesforce/search-one.json")));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(lookup).isInstanceOf(CrmLookup.Matched.class);
        assertThat(time.waits()).hasSize(2);
        assertThat(time.waits().get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(time.waits().get(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
        crm.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void a_search_that_never_answers_is_unavailable_after_its_attempts() {
        crm.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(sample("salesforce/search-one.json"))
                .withFixedDelay(600)));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(lookup).isInstanceOf(CrmLookup.Unavailable.class);
        assertThat(((CrmLookup.Unavailable) lookup).errorId()).isEqualTo("crm-timeout");
        assertThat(lookup.toString()).doesNotContain("442079460018");
        crm.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void the_circuit_opens_after_repeated_failures_answers_at_once_and_closes_after_a_good_trial() {
        crm.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(503)));
        SalesforceConnector fragile = connector(new Tuning(
                new Budget(3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofSeconds(2)),
                Budget.LOG, 3, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(15), 100));

        assertThat(((CrmLookup.Unavailable) fragile.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).errorId())
                .isEqualTo("crm-server-error");
        assertThat(fragile.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        CrmLookup refused = fragile.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();
        assertThat(((CrmLookup.Unavailable) refused).errorId()).isEqualTo("crm-circuit-open");
        crm.verify(3, getRequestedFor(urlPathEqualTo(SEARCH)));

        crm.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(sample("salesforce/search-one.json"))));
        time.advance(Duration.ofSeconds(30));

        assertThat(fragile.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);
        assertThat(fragile.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_number_looked_up_again_within_a_minute_comes_from_the_cache_but_a_failure_is_not_kept() {
        sequence(crm, () -> get(urlPathEqualTo(SEARCH)), aResponse().withStatus(400),
                okJson(sample("salesforce/search-one.json")));

        assertThat(connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Unavailable.class);
        assertThat(connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);
        time.advance(Duration.ofSeconds(59));
        assertThat(connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);

        crm.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void a_call_is_logged_as_one_completed_call_task_on_the_contact() {
        crm.stubFor(get(urlPathEqualTo(QUERY)).willReturn(okJson(sample("salesforce/task-query-none.json"))));
        crm.stubFor(post(urlPathEqualTo(TASK)).willReturn(okJson(sample("salesforce/task-created.json")).withStatus(201)));

        CrmLogResult result = connector.logCall(CallLogs.answered(Optional.of(
                CallLogs.contact("salesforce", "Contact", "0035e00000Ada01AAA")))).toCompletableFuture().join();

        assertThat(result).isEqualTo(new CrmLogResult.Logged("00T5e00000Call1AAA"));
        crm.verify(getRequestedFor(urlPathEqualTo(QUERY))
                .withQueryParam("q", equalTo("SELECT Id FROM Task WHERE CallObject = 'c-123:agent-7' LIMIT 1")));
        crm.verify(1, postRequestedFor(urlPathEqualTo(TASK)).withRequestBody(equalToJson("""
                {"Subject": "Inbound call (billing)", "TaskSubtype": "Call", "Status": "Completed",
                 "CallType": "Inbound", "CallDurationInSeconds": 125, "CallObject": "c-123:agent-7",
                 "CallDisposition": "Resolved", "ActivityDate": "2026-11-24",
                 "Description": "Wants the invoice again\\nRecording: https://rec.example/c-123.wav",
                 "WhoId": "0035e00000Ada01AAA"}""")));
    }

    @Test
    void a_call_already_logged_is_answered_with_its_task_and_not_created_again() {
        crm.stubFor(get(urlPathEqualTo(QUERY)).willReturn(okJson(sample("salesforce/task-query-found.json"))));

        CrmLogResult result = connector.logCall(CallLogs.answered(Optional.empty())).toCompletableFuture().join();

        assertThat(result).isEqualTo(new CrmLogResult.Logged("00T5e00000Call1AAA"));
        crm.verify(0, postRequestedFor(urlPathEqualTo(TASK)));
    }

    @Test
    void a_create_whose_answer_was_lost_is_found_on_the_retry_and_not_made_twice() {
        crm.stubFor(get(urlPathEqualTo(QUERY)).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(okJson(sample("salesforce/task-query-none.json"))));
        crm.stubFor(post(urlPathEqualTo(TASK)).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
        crm.stubFor(get(urlPathEqualTo(QUERY)).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(okJson(sample("salesforce/task-query-found.json"))));

        CrmLogResult result = connector.logCall(CallLogs.answered(Optional.empty())).toCompletableFuture().join();

        assertThat(result).isEqualTo(new CrmLogResult.Logged("00T5e00000Call1AAA"));
        crm.verify(1, postRequestedFor(urlPathEqualTo(TASK)));
        crm.verify(2, getRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void a_log_the_org_refuses_is_not_retried_and_a_down_org_is_retried_later() {
        crm.stubFor(get(urlPathEqualTo(QUERY)).willReturn(okJson(sample("salesforce/task-query-none.json"))));
        crm.stubFor(post(urlPathEqualTo(TASK)).willReturn(aResponse().withStatus(400)));

        CrmLogResult refused = connector.logCall(CallLogs.answered(Optional.empty())).toCompletableFuture().join();
        assertThat(refused).isEqualTo(new CrmLogResult.NotLogged("crm-rejected",
                "the CRM refused the call log with 400", false));

        crm.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(503)));
        CrmLogResult down = connector.logCall(CallLogs.answered(Optional.empty())).toCompletableFuture().join();
        assertThat(down).isInstanceOf(CrmLogResult.NotLogged.class);
        assertThat(((CrmLogResult.NotLogged) down).retryable()).isTrue();
        crm.verify(1, postRequestedFor(urlPathEqualTo(TASK)));
    }

    @Test
    void a_log_beyond_the_orgs_daily_api_allowance_is_kept_for_later() {
        crm.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(403).withBody(
                "[{\"message\": \"TotalRequests Limit exceeded.\", \"errorCode\": \"REQUEST_LIMIT_EXCEEDED\"}]")));

        CrmLogResult result = connector.logCall(CallLogs.answered(Optional.empty())).toCompletableFuture().join();

        assertThat(result).isInstanceOfSatisfying(CrmLogResult.NotLogged.class, n -> assertThat(n.retryable()).isTrue());
        crm.verify(0, postRequestedFor(urlPathEqualTo(TASK)));
    }

    @Test
    void a_unique_contact_comes_with_its_open_cases_newest_first() {
        crm.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(sample("salesforce/search-one.json"))));
        crm.stubFor(get(urlPathEqualTo(QUERY)).willReturn(okJson(sample("salesforce/open-cases.json"))));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(lookup.matches().get(0).openTickets()).containsExactly("00001027 Invoice sent twice", "00001026 Invoice missing");
        crm.verify(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo("SELECT CaseNumber, Subject FROM Case "
                + "WHERE ContactId = '0035e00000Ada01AAA' AND IsClosed = false ORDER BY CreatedDate DESC LIMIT 5")));
    }
}
