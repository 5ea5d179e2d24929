package io.switchboard.crm.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.switchboard.crm.http.WireMockSupport.sample;
import static io.switchboard.crm.http.WireMockSupport.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.switchboard.core.crm.CallOutcome;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZendeskConnectorTest {

    private static final String USERS = "/api/v2/users/search.json";
    private static final String TICKETS = "/api/v2/tickets.json";
    private static final String VOICE_TICKETS = "/api/v2/channels/voice/tickets.json";
    private static final String CALLS = "/api/v2/calls";
    private static final Tuning TUNING = Tuning.defaults().withBudgets(
            new Budget(3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofSeconds(2)),
            new Budget(4, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(60)));

    private final WireMockServer crm = new WireMockServer(options().dynamicPort());
    private final FakeTime time = new FakeTime();
    private ZendeskConnector connector;

    @BeforeEach
    void start() {
        crm.start();
        connector = connector(TUNING);
    }

    private ZendeskConnector connector(Tuning tuning) {
        ZendeskSettings settings = new ZendeskSettings(URI.create(crm.baseUrl()),
                new ZendeskSettings.ApiToken("agent@acme.example", Secret.of("6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv", "token")),
                735264019863524L, tuning);
        return new ZendeskConnector(settings, WireMockSupport.client(), time, new SplittableRandom(7), time);
    }

    @AfterEach
    void stop() {
        crm.stop();
    }

    @Test
    void a_user_with_the_number_is_found_with_a_link_to_their_profile() {
        crm.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(sample("zendesk/users-search-one.json"))));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        var match = lookup.matches().get(0);
        assertThat(match.objectType()).isEqualTo("user");
        assertThat(match.contactId()).isEqualTo("35436");
        assertThat(match.link()).contains(URI.create(crm.baseUrl() + "/agent/users/35436"));
        String basic = Base64.getEncoder().encodeToString(
                "agent@acme.example/token:6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv".getBytes(StandardCharsets.UTF_8));
        crm.verify(getRequestedFor(urlPathEqualTo(USERS)).withHeader("Authorization", equalTo("Basic " + basic))
                .withQueryParam("query", equalTo("phone:+442079460018")));
    }

    @Test
    void no_user_is_no_match_and_several_active_users_are_all_answered() {
        sequence(crm, () -> get(urlPathEqualTo(USERS)), okJson(sample("zendesk/users-search-none.json")),
                okJson(sample("zendesk/users-search-several.json")));

        assertThat(connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.NoMatch.class);
        time.advance(Duration.ofSeconds(15));

        assertThat(connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join().matches())
                .extracting(m -> m.displayName()).containsExactly("Ada Lovelace", "Byron Household");
    }

    @Test
    void a_refused_api_token_cannot_be_renewed_and_is_reported_at_once() {
        crm.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(401)
                .withBody(sample("zendesk/couldnt-authenticate.json"))));

        CrmLookup lookup = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(((CrmLookup.Unavailable) lookup).errorId()).isEqualTo("crm-unauthorized");
        assertThat(lookup.toString()).doesNotContain("6wiIBWbG");
        crm.verify(1, getRequestedFor(urlPathEqualTo(USERS)));
    }

    @Test
    void a_rate_limit_is_waited_out_as_retry_after_asks() {
        sequence(crm, () -> get(urlPathEqualTo(USERS)), aResponse().withStatus(429).withHeader("Retry-After", "1"),
                okJson(sample("zendesk/users-search-one.json")));

        assertThat(connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void server_errors_then_an_answer_is_a_match_and_a_search_that_hangs_is_unavailable() {
        sequence(crm, () -> get(urlPathEqualTo(USERS)), aResponse().withStatus(503), aResponse().withStatus(500),
                okJson(sample("zendesk/users-search-one.json")));
        assertThat(connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);

        crm.resetAll();
        crm.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(sample("zendesk/users-search-one.json"))
                .withFixedDelay(600)));
        CrmLookup hung = connector(TUNING).lookup(CallLogs.CUSTOMER).toCompletableFuture().join();
        assertThat(((CrmLookup.Unavailable) hung).errorId()).isEqualTo("crm-timeout");
    }

    @Test
    void the_circuit_opens_on_failures_and_closes_after_a_good_trial() {
        crm.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(500)));
        ZendeskConnector fragile = connector(new Tuning(TUNING.lookup(), TUNING.log(), 2, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(15), 100));

        fragile.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();
        assertThat(fragile.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(((CrmLookup.Unavailable) fragile.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).errorId())
                .isEqualTo("crm-circuit-open");
        crm.verify(2, getRequestedFor(urlPathEqualTo(USERS)));

        time.advance(Duration.ofSeconds(10));
        crm.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(sample("zendesk/users-search-one.json"))));
        assertThat(fragile.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);
        assertThat(fragile.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void the_user_or_ticket_is_opened_in_the_agents_browser_from_the_server() {
        crm.stubFor(post(urlPathMatching("/api/v2/channels/voice/agents/.*/display.json")).willReturn(aResponse().withStatus(200)));
        crm.stubFor(post(urlPathEqualTo("/api/v2/channels/voice/agents/900/users/404/display.json"))
                .willReturn(aResponse().withStatus(404)));

        assertThat(connector.popServerSide("900", CallLogs.contact("zendesk", "user", "35436")).toCompletableFuture().join()).isTrue();
        assertThat(connector.popServerSide("900", CallLogs.contact("zendesk", "ticket", "9001")).toCompletableFuture().join()).isTrue();
        assertThat(connector.popServerSide("900", CallLogs.contact("zendesk", "user", "404")).toCompletableFuture().join()).isFalse();
        assertThat(connector.popServerSide("900", CallLogs.contact("hubspot", "contact", "51")).toCompletableFuture().join()).isFalse();

        crm.verify(postRequestedFor(urlPathEqualTo("/api/v2/channels/voice/agents/900/users/35436/display.json")));
        crm.verify(postRequestedFor(urlPathEqualTo("/api/v2/channels/voice/agents/900/tickets/9001/display.json")));
        crm.verify(3, postRequestedFor(urlPathMatching(".*/display.json")));
    }

    @Test
    void an_answered_call_is_written_once_as_a_call_record_under_its_idempotency_key() {
        crm.stubFor(post(urlPathEqualTo(CALLS)).willReturn(okJson(sample("zendesk/call-created.json")).withStatus(201)));

        CrmLogResult result = connector.logCall(CallLogs.answered(Optional.of(CallLogs.contact("zendesk", "user", "35436"))))
                .toCompletableFuture().join();

        assertThat(result).isEqualTo(new CrmLogResult.Logged("7300112"));
        crm.verify(1, postRequestedFor(urlPathEqualTo(CALLS)).withHeader("Idempotency-Key", equalTo("c-123:agent-7"))
                .withRequestBody(equalToJson("""
                        {"call": {"app_id": 735264019863524, "from_line": "+442079460018", "to_line": "+442079460999",
                          "call_started_at": "2026-11-24T09:58:00Z", "call_ended_at": "2026-11-24T10:00:05Z",
                          "direction": "inbound", "completion_status": "completed", "call_disposition": "Resolved",
                          "end_user_id": 35436}}""")));
    }

    @Test
    void a_call_record_whose_answer_was_lost_is_sent_again_under_the_same_key_and_zendesk_replays_the_first() {
        crm.stubFor(post(urlPathEqualTo(CALLS)).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
        crm.stubFor(post(urlPathEqualTo(CALLS)).inScenario("lost").whenScenarioStateIs("created")
                .withHeader("Idempotency-Key", equalTo("c-123:agent-7"))
                .willReturn(okJson(sample("zendesk/call-created.json")).withStatus(201)
                        .withHeader("x-idempotency-lookup", "hit")));

        CrmLogResult result = connector.logCall(CallLogs.answered(Optional.empty())).toCompletableFuture().join();

        assertThat(result).isEqualTo(new CrmLogResult.Logged("7300112"));
        crm.verify(2, postRequestedFor(urlPathEqualTo(CALLS)).withHeader("Idempotency-Key", equalTo("c-123:agent-7")));
    }

    @Test
    void a_missed_call_becomes_one_inbound_voice_ticket_carrying_its_key() {
        crm.stubFor(get(urlPathEqualTo(TICKETS)).willReturn(okJson(sample("zendesk/tickets-by-external-id-none.json"))));
        crm.stubFor(post(urlPathEqualTo(VOICE_TICKETS)).willReturn(okJson(sample("zendesk/voice-ticket-created.json")).withStatus(201)));

        CrmLogResult result = connector.logCall(CallLogs.missed(CallOutcome.MISSED)).toCompletableFuture().join();

        assertThat(result).isEqualTo(new CrmLogResult.Logged("9001"));
        crm.verify(getRequestedFor(urlPathEqualTo(TICKETS)).withQueryParam("external_id", equalTo("c-456:-")));
        crm.verify(1, postRequestedFor(urlPathEqualTo(VOICE_TICKETS)).withHeader("Idempotency-Key", equalTo("c-456:-"))
                .withRequestBody(equalToJson("""
                        {"ticket": {"via_id": 45, "subject": "Missed call (billing)", "external_id": "c-456:-",
                          "voice_comment": {"from": "+442079460018", "to": "+442079460999",
                            "started_at": "2026-11-24T09:50:00Z", "call_duration": 0}}}""")));
    }

    @Test
    void a_voicemail_ticket_whose_answer_was_lost_is_found_by_its_external_id_and_not_made_twice() {
        crm.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(okJson(sample("zendesk/tickets-by-external-id-none.json"))));
        crm.stubFor(post(urlPathEqualTo(VOICE_TICKETS)).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("created"));
        crm.stubFor(get(urlPathEqualTo(TICKETS)).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(okJson(sample("zendesk/tickets-by-external-id-found.json"))));

        CrmLogResult result = connector.logCall(CallLogs.missed(CallOutcome.VOICEMAIL)).toCompletableFuture().join();

        assertThat(result).isEqualTo(new CrmLogResult.Logged("9001"));
        crm.verify(1, postRequestedFor(urlPathEqualTo(VOICE_TICKETS)).withRequestBody(
                equalToJson("{\"ticket\": {\"via_id\": 44}}", true, true)));
        crm.verify(2, getRequestedFor(urlPathEqualTo(TICKETS)));
    }

    @Test
    void a_unique_user_comes_with_their_unsolved_tickets_and_without_them_when_that_request_fails() {
        crm.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(sample("zendesk/users-search-one.json"))));
        sequence(crm, () -> get(urlPathEqualTo("/api/v2/users/35436/tickets/requested.json")),
                okJson(sample("zendesk/tickets-requested.json")), aResponse().withStatus(500));

        CrmLookup withTickets = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();
        time.advance(Duration.ofSeconds(61));
        CrmLookup without = connector.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(withTickets.matches().get(0).openTickets()).containsExactly("#9012 Router keeps rebooting", "#8990 Second line");
        assertThat(without).isInstanceOf(CrmLookup.Matched.class);
        assertThat(without.matches().get(0).openTickets()).isEmpty();
    }
}
