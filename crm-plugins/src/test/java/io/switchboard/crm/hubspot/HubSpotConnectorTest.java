package io.switchboard.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotConnectorTest {

    private static final String CONTACTS = "/crm/v3/objects/contacts/search";
    private static final String CALLS_SEARCH = "/crm/v3/objects/calls/search";
    private static final String CALLS = "/crm/v3/objects/calls";
    private static final String TOKEN = "/oauth/v1/token";
    private static final Tuning TUNING = Tuning.defaults().withBudgets(
            new Budget(3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofSeconds(2)),
            new Budget(4, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(60)));

    private final WireMockServer crm = new WireMockServer(options().dynamicPort());
    private final FakeTime time = new FakeTime();
    private HubSpotConnector privateApp;
    private HubSpotConnector oauth;

    @BeforeEach
    void start() {
        crm.start();
        sequence(crm, () -> post(urlPathEqualTo(TOKEN)), okJson(sample("hubspot/oauth-token.json")),
                okJson(sample("hubspot/oauth-token-second.json")));
        privateApp = connector(new HubSpotSettings.PrivateApp(Secret.of("pat-eu1-0000", "token")), TUNING);
        oauth = connector(new HubSpotSettings.OAuth("app-client", Secret.of("app-secret", "clientSecret"),
                Secret.of("6f18f21e-a743-4509-b7fd-1a5e632fffa1", "refreshToken")), TUNING);
    }

    private HubSpotConnector connector(HubSpotSettings.Auth auth, Tuning tuning) {
        HubSpotSettings settings = HubSpotSettings.of("2468013", auth).withApiBase(URI.create(crm.baseUrl()))
                .withTuning(tuning).withDispositionIds(Map.of(CallOutcome.ANSWERED, "f240bbac-87c9-4f6e-bf70-924b57d47db7"));
        return new HubSpotConnector(settings, WireMockSupport.client(), time, new SplittableRandom(7), time);
    }

    @AfterEach
    void stop() {
        crm.stop();
    }

    @Test
    void a_contact_holding_the_number_is_found_by_phone_mobile_or_hubspots_searchable_number() {
        crm.stubFor(post(urlPathEqualTo(CONTACTS)).willReturn(okJson(sample("hubspot/contacts-search-one.json"))));

        CrmLookup lookup = privateApp.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        var match = lookup.matches().get(0);
        assertThat(match.displayName()).isEqualTo("Ada Lovelace");
        assertThat(match.ownerId()).contains("7712001");
        assertThat(match.link()).contains(URI.create("https://app.hubspot.com/contacts/2468013/record/0-1/51"));
        crm.verify(postRequestedFor(urlPathEqualTo(CONTACTS))
                .withHeader("Authorization", equalTo("Bearer pat-eu1-0000"))
                .withRequestBody(equalToJson("""
                        {"filterGroups": [
                          {"filters": [{"propertyName": "phone", "operator": "EQ", "value": "+442079460018"}]},
                          {"filters": [{"propertyName": "mobilephone", "operator": "EQ", "value": "+442079460018"}]},
                          {"filters": [{"propertyName": "hs_searchable_calculated_phone_number", "operator": "EQ", "value": "2079460018"}]},
                          {"filters": [{"propertyName": "hs_searchable_calculated_mobile_number", "operator": "EQ", "value": "2079460018"}]}],
                         "properties": ["firstname", "lastname", "email", "phone", "mobilephone", "hubspot_owner_id"],
                         "limit": 10}""")));
    }

    @Test
    void no_contact_is_no_match_and_several_are_all_answered() {
        sequence(crm, () -> post(urlPathEqualTo(CONTACTS)), okJson(sample("hubspot/contacts-search-none.json")),
                okJson(sample("hubspot/contacts-search-several.json")));

        assertThat(privateApp.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.NoMatch.class);
        time.advance(Duration.ofSeconds(15));
        CrmLookup several = privateApp.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(several.matches()).extracting(m -> m.displayName()).containsExactly("Ada Lovelace", "accounts@engines.example");
        assertThat(several.matches().get(1).ownerId()).isEmpty();
    }

    @Test
    void an_expired_oauth_token_is_refreshed_once_and_the_search_repeated() {
        sequence(crm, () -> post(urlPathEqualTo(CONTACTS)),
                aResponse().withStatus(401).withBody(sample("hubspot/expired-authentication.json")),
                okJson(sample("hubspot/contacts-search-one.json")));

        assertThat(oauth.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);

        crm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)).withRequestBody(containing("grant_type=refresh_token")));
        crm.verify(postRequestedFor(urlPathEqualTo(CONTACTS))
                .withHeader("Authorization", equalTo("Bearer CN2zlYnmLBICAQIYgZXFLyCWp1Yoy_9GMhkAgddk-SECOND")));
    }

    @Test
    void an_oauth_token_is_renewed_a_minute_before_it_expires_without_waiting_for_a_401() {
        crm.stubFor(post(urlPathEqualTo(CONTACTS)).willReturn(okJson(sample("hubspot/contacts-search-one.json"))));

        oauth.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();
        time.advance(Duration.ofSeconds(1_739));
        oauth.lookup(CallLogs.OUR_NUMBER).toCompletableFuture().join();
        crm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
        time.advance(Duration.ofSeconds(1));
        oauth.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        crm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
        crm.verify(3, postRequestedFor(urlPathEqualTo(CONTACTS)));
        crm.verify(1, postRequestedFor(urlPathEqualTo(CONTACTS))
                .withHeader("Authorization", equalTo("Bearer CN2zlYnmLBICAQIYgZXFLyCWp1Yoy_9GMhkAgddk-SECOND")));
    }

    @Test
    void a_token_refused_after_its_refresh_and_a_private_app_token_refused_at_all_are_unauthorized() {
        crm.stubFor(post(urlPathEqualTo(CONTACTS)).willReturn(aResponse().withStatus(401)
                .withBody(sample("hubspot/expired-authentication.json"))));

        CrmLookup afterRefresh = oauth.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();
        CrmLookup fixed = privateApp.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(((CrmLookup.Unavailable) afterRefresh).errorId()).isEqualTo("crm-unauthorized");
        assertThat(((CrmLookup.Unavailable) fixed).errorId()).isEqualTo("crm-unauthorized");
        crm.verify(3, postRequestedFor(urlPathEqualTo(CONTACTS)));
        assertThat(afterRefresh.toString() + fixed).doesNotContain("pat-eu1-0000").doesNotContain("CN2zlYnm");
    }

    @Test
    void a_rate_limit_is_waited_out_as_retry_after_asks() {
        sequence(crm, () -> post(urlPathEqualTo(CONTACTS)),
                aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(sample("hubspot/rate-limited.json")),
                okJson(sample("hubspot/contacts-search-one.json")));

        assertThat(privateApp.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void server_errors_then_an_answer_is_a_match() {
        sequence(crm, () -> post(urlPathEqualTo(CONTACTS)), aResponse().withStatus(502), aResponse().withStatus(500),
                okJson(sample("hubspot/contacts-search-one.json")));

        assertThat(privateApp.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);
        crm.verify(3, postRequestedFor(urlPathEqualTo(CONTACTS)));
    }

    @Test
    void a_search_that_times_out_is_unavailable() {
        crm.stubFor(post(urlPathEqualTo(CONTACTS)).willReturn(okJson(sample("hubspot/contacts-search-one.json"))
                .withFixedDelay(600)));

        CrmLookup lookup = privateApp.lookup(CallLogs.CUSTOMER).toCompletableFuture().join();

        assertThat(((CrmLookup.Unavailable) lookup).errorId()).isEqualTo("crm-timeout");
    }

    @Test
    void the_circuit_opens_on_failures_and_closes_after_a_good_trial() {
        crm.stubFor(post(urlPathEqualTo(CONTACTS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HubSpotConnector fragile = connector(new HubSpotSettings.PrivateApp(Secret.of("pat-eu1-0000", "token")),
                new Tuning(TUNING.lookup(), TUNING.log(), 3, Duration.ofSeconds(30), Duration.ofSeconds(60),
                        Duration.ofSeconds(15), 100));

        assertThat(((CrmLookup.Unavailable) fragile.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).errorId())
                .isEqualTo("crm-unreachable");
        assertThat(((CrmLookup.Unavailable) fragile.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).errorId())
                .isEqualTo("crm-circuit-open");
        crm.verify(3, postRequestedFor(urlPathEqualTo(CONTACTS)));

        crm.stubFor(post(urlPathEqualTo(CONTACTS)).willReturn(okJson(sample("hubspot/contacts-search-one.json"))));
        time.advance(Duration.ofSeconds(31));
        assertThat(fragile.lookup(CallLogs.CUSTOMER).toCompletableFuture().join()).isInstanceOf(CrmLookup.Matched.class);
        assertThat(fragile.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_call_is_logged_once_as_an_engagement_associated_to_the_contact() {
        crm.stubFor(post(urlPathEqualTo(CALLS_SEARCH)).willReturn(okJson(sample("hubspot/calls-search-none.json"))));
        crm.stubFor(post(urlPathEqualTo(CALLS)).willReturn(okJson(sample("hubspot/call-created.json")).withStatus(201)));

        CrmLogResult result = privateApp.logCall(CallLogs.answered(Optional.of(CallLogs.contact("hubspot", "contact", "51"))))
                .toCompletableFuture().join();

        assertThat(result).isEqualTo(new CrmLogResult.Logged("38291004512"));
        crm.verify(postRequestedFor(urlPathEqualTo(CALLS_SEARCH)).withRequestBody(equalToJson("""
                {"filterGroups": [{"filters": [{"propertyName": "hs_call_external_id", "operator": "EQ",
                  "value": "c-123:agent-7"}]}], "properties": ["hs_call_external_id"], "limit": 1}""")));
        crm.verify(1, postRequestedFor(urlPathEqualTo(CALLS)).withRequestBody(equalToJson("""
                {"properties": {
                   "hs_timestamp": "2026-11-24T09:58:00Z", "hs_call_title": "Inbound call (billing)",
                   "hs_call_direction": "INBOUND", "hs_call_duration": "125000",
                   "hs_call_from_number": "+442079460018", "hs_call_to_number": "+442079460999",
                   "hs_call_status": "COMPLETED", "hs_call_body": "Disposition: Resolved\\nWants the invoice again",
                   "hs_call_recording_url": "https://rec.example/c-123.wav",
                   "hs_call_disposition": "f240bbac-87c9-4f6e-bf70-924b57d47db7",
                   "hs_call_external_id": "c-123:agent-7"},
                 "associations": [{"to": {"id": "51"},
                   "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 194}]}]}""")));
    }

    @Test
    void a_create_whose_answer_was_lost_is_found_after_the_search_lag_and_not_made_twice() {
        crm.stubFor(post(urlPathEqualTo(CALLS_SEARCH)).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(okJson(sample("hubspot/calls-search-none.json"))));
        crm.stubFor(post(urlPathEqualTo(CALLS)).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(okJson(sample("hubspot/call-created.json")).withStatus(201).withFixedDelay(600))
                .willSetStateTo("created"));
        crm.stubFor(post(urlPathEqualTo(CALLS_SEARCH)).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(okJson(sample("hubspot/calls-search-found.json"))));

        CrmLogResult result = privateApp.logCall(CallLogs.missed(CallOutcome.MISSED)).toCompletableFuture().join();

        assertThat(result).isEqualTo(new CrmLogResult.Logged("38291004512"));
        crm.verify(1, postRequestedFor(urlPathEqualTo(CALLS)));
        assertThat(time.waits()).contains(Duration.ofSeconds(5));
    }
}
