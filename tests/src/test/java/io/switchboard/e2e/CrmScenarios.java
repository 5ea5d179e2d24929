package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.switchboard.e2e.CrmDouble.HS_CALLS;
import static io.switchboard.e2e.CrmDouble.SF_TASKS;
import static io.switchboard.e2e.CrmDouble.ZD_CALLS;
import static io.switchboard.e2e.CrmDouble.ZD_VOICE_TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM path as a user sees it, through the fat jar, the simulated PBX and one {@link CrmDouble} standing in
 * for Salesforce, HubSpot and Zendesk, all three enabled through {@code SWITCHBOARD_CRM_*}: the agent's screen
 * pop holds the caller's record from each CRM (and Zendesk opens it under the agent's Zendesk user), a slow CRM
 * never holds the caller back, the agent's wrap-up reaches each CRM's history exactly once, a missed call is
 * written without an agent, and a CRM down for a while gets every call once it is back. Neither a caller's
 * number nor a credential ever reaches the server's log.
 */
abstract class CrmScenarios extends PbxScenarios {

    private static final String POP_DID = "4930300100";
    private static final String WRAP_DID = "4930300200";
    private static final String MISSED_DID = "4930300300";
    private static final String OUTAGE_DID = "4930300400";
    private static final String OWNER_DID = "4930300500";
    private static final String ZENDESK_AGENT_USER = "900";
    private static final Duration BACK_SOON = Duration.ofSeconds(120);

    private final String sfSecret = "SfSecret-" + UUID.randomUUID();
    private final String hsToken = "pat-na1-" + UUID.randomUUID();
    private final String zdToken = "ZdToken" + UUID.randomUUID().toString().replace("-", "");
    private final List<String> callers = new ArrayList<>();
    private CrmDouble crm;

    CrmScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startCrmsPbxServerAgentsAndQueues() throws Exception {
        crm = new CrmDouble();
        attach("crm", Map.of(
                flavour.device("2101"), new Phone.Answers(Duration.ofMillis(300), Duration.ofSeconds(2)),
                flavour.device("2102"), new Phone.Answers(Duration.ofMillis(300), Duration.ofSeconds(2)),
                flavour.device("2103"), new Phone.NeverAnswers(),
                flavour.device("2104"), new Phone.Answers(Duration.ofMillis(300), Duration.ofSeconds(1)),
                flavour.device("2105"), new Phone.Answers(Duration.ofMillis(300), Duration.ofSeconds(1)),
                flavour.device("2106"), new Phone.Answers(Duration.ofMillis(300), Duration.ofSeconds(1))),
                Map.ofEntries(
                        Map.entry("SWITCHBOARD_CRM_SALESFORCE_ENABLED", "true"),
                        Map.entry("SWITCHBOARD_CRM_SALESFORCE_INSTANCE_URL", crm.url()),
                        Map.entry("SWITCHBOARD_CRM_SALESFORCE_CLIENT_ID", "3MVG9switchboard-e2e"),
                        Map.entry("SWITCHBOARD_CRM_SALESFORCE_CLIENT_SECRET", sfSecret),
                        Map.entry("SWITCHBOARD_CRM_HUBSPOT_ENABLED", "true"),
                        Map.entry("SWITCHBOARD_CRM_HUBSPOT_ACCESS_TOKEN", hsToken),
                        Map.entry("SWITCHBOARD_CRM_HUBSPOT_API_URL", crm.url()),
                        Map.entry("SWITCHBOARD_CRM_HUBSPOT_PORTAL_ID", "2468013"),
                        Map.entry("SWITCHBOARD_CRM_ZENDESK_ENABLED", "true"),
                        Map.entry("SWITCHBOARD_CRM_ZENDESK_SUBDOMAIN", "acme"),
                        Map.entry("SWITCHBOARD_CRM_ZENDESK_EMAIL", "agent@acme.example"),
                        Map.entry("SWITCHBOARD_CRM_ZENDESK_API_TOKEN", zdToken),
                        Map.entry("SWITCHBOARD_CRM_ZENDESK_API_URL", crm.url()),
                        Map.entry("SWITCHBOARD_CRM_ZENDESK_APP_ID", "735264019863524"),
                        Map.entry("SWITCHBOARD_CRM_OUTBOX_POLL_INTERVAL_SECONDS", "1"),
                        Map.entry("SWITCHBOARD_CRM_OUTBOX_MAX_DELAY_SECONDS", "10")));
        agent("crm-pop", "Pia", "2101");
        agent("crm-wrap", "Wes", "2102");
        agent("crm-away", "Abe", "2103");
        agent("crm-out", "Ola", "2104");
        queue(POP_DID, "crm-pop", 0, "crm-pop");
        queue(WRAP_DID, "crm-wrap", 0, "crm-wrap");
        queue(MISSED_DID, "crm-missed", 0, "crm-away");
        queue(OUTAGE_DID, "crm-outage", 0, "crm-out");
        availableInTurn("crm-pop", "crm-wrap", "crm-out");
        agent("crm-first", "Fay", "2105");
        agent("crm-owner", "Oto", "2106");
        api.post("/api/v1/queues", "{\"id\":\"" + OWNER_DID + "\",\"name\":\"crm-owner\",\"strategy\":\"linear\","
                + "\"memberOrder\":[\"crm-first\",\"crm-owner\"],\"members\":[\"crm-first\",\"crm-owner\"],"
                + "\"ringTimeoutSeconds\":5,\"preferredAgent\":{\"accountOwner\":true,\"accountOwnerWaitMillis\":2000}}",
                201);
    }

    @AfterAll
    void stopCrms() {
        if (crm != null) {
            crm.close();
        }
    }

    @Test
    void the_pop_holds_the_callers_record_from_each_crm_and_a_slow_crm_never_holds_the_caller_back() throws Exception {
        api.put("/api/v1/agents/crm-pop/crm-users", "{\"zendesk\":\"" + ZENDESK_AGENT_USER + "\"}", 200);
        StubMapping slow = crm.slow(post(urlPathEqualTo(CrmDouble.HS_CONTACT_SEARCH)),
                "hubspot/contacts-search-one.json", 6_000);
        try {
            String caller = caller("+442079460018");
            long placed = System.nanoTime();
            pbx.inboundCall(InboundCall.of(caller, POP_DID));

            awaitState("crm-pop", "on-call");
            Duration toConnect = Duration.ofNanos(System.nanoTime() - placed);
            JsonNode popWhenConnected = api.getJson("/api/v1/agents/crm-pop/pop");
            String callId = awaitQueueLog("queue=" + POP_DID, "CONNECT").get(0).path("callid").asText();
            JsonNode pop = api.await("crm-pop's pop for " + callId, () -> api.getJson("/api/v1/agents/crm-pop/pop"),
                    p -> p.path("callId").asText().equals(callId), SOON);

            assertThat(toConnect).as("caller connected (ring 300 ms) while a CRM takes 6 s to answer")
                    .isLessThan(Duration.ofMillis(1_500));
            assertThat(popWhenConnected.path("callId").asText()).as("no pop yet when the caller was connected: "
                    + "the router did not wait for the slow CRM").isNotEqualTo(callId);
            assertThat(pop.path("caller").asText()).isEqualTo(caller);
            assertThat(pop.path("queue").asText()).isEqualTo(POP_DID);
            JsonNode sf = crmOf(pop, "salesforce");
            assertThat(sf.path("status").asText()).isEqualTo("matched");
            assertThat(sf.path("matches").get(0).path("name").asText()).isEqualTo("Ada Lovelace");
            assertThat(sf.path("matches").get(0).path("type").asText()).isEqualTo("Contact");
            assertThat(sf.path("matches").get(0).path("ownerId").asText()).isEqualTo(CrmDouble.SF_OWNER);
            assertThat(sf.path("matches").get(0).path("link").asText())
                    .isEqualTo(crm.url() + "/lightning/r/Contact/" + CrmDouble.SF_CONTACT + "/view");
            JsonNode zd = crmOf(pop, "zendesk");
            assertThat(zd.path("status").asText()).isEqualTo("matched");
            assertThat(zd.path("matches").get(0).path("name").asText()).isEqualTo("Ada Lovelace");
            assertThat(zd.path("matches").get(0).path("link").asText())
                    .isEqualTo(crm.url() + "/agent/users/" + CrmDouble.ZD_USER);
            assertThat(zd.path("matches").get(0).path("openTickets").toString())
                    .contains("Router keeps rebooting").doesNotContain("Refund");
            JsonNode hs = crmOf(pop, "hubspot");
            assertThat(hs.path("status").asText()).as("the slow CRM").isEqualTo("unavailable");
            assertThat(hs.path("errorId").asText()).isEqualTo("crm-timeout");
            api.await("Zendesk asked to open Ada for agent " + ZENDESK_AGENT_USER, () -> crm.served(RequestMethod.POST,
                    "/api/v2/channels/voice/agents/" + ZENDESK_AGENT_USER + "/users/" + CrmDouble.ZD_USER
                            + "/display.json", CrmDouble::answered2xx).size(), n -> n == 1, SOON);
        } finally {
            crm.remove(slow);
        }
        assertThat(serverLog("crm=hubspot")).as("the slow CRM's requests are logged, and so scanned below")
                .isNotEmpty();
        assertNothingSecretLogged();
    }

    @Test
    void a_caller_goes_first_to_the_agent_who_owns_their_record_in_the_crm() throws Exception {
        api.put("/api/v1/agents/crm-owner/crm-users", "{\"salesforce\":\"" + CrmDouble.SF_OWNER + "\"}", 200);
        availableInTurn("crm-first", "crm-owner");

        // A number of its own: the owner's lookup fills the connectors' cache, which the pop scenario must not hit.
        pbx.inboundCall(InboundCall.of(caller("+442079460077"), OWNER_DID));

        JsonNode connect = awaitQueueLog("queue=" + OWNER_DID, "CONNECT").stream()
                .filter(row -> row.path("event").asText().equals("CONNECT")).findFirst().orElseThrow();
        assertThat(connect.path("agent").asText()).as("linear alone would pick crm-first").isEqualTo("crm-owner");
        assertThat(serverLog("event=task-prefers", "agentId=crm-owner", "as=account-owner")).hasSize(1);
        assertThat(api.agentState("crm-first")).isEqualTo("available");
    }

    @Test
    void the_wrap_up_reaches_each_crm_once_with_the_disposition_and_notes_on_the_callers_record() throws Exception {
        pbx.inboundCall(InboundCall.of(caller("+442079460019"), WRAP_DID));
        String callId = awaitQueueLog("queue=" + WRAP_DID, "COMPLETE").get(0).path("callid").asText();
        api.await("crm-wrap's pop", () -> api.getJson("/api/v1/agents/crm-wrap/pop"),
                p -> p.path("callId").asText().equals(callId), SOON);

        api.await("the wrap-up accepted", () -> wrapUp("crm-wrap", "resolved", "Invoice 42 explained"), ok -> ok, SOON);

        String key = callId + ":crm-wrap";
        awaitLogged(callId, 3, SOON);
        assertThat(onlyCreate(SF_TASKS, key)).contains("\"CallObject\":\"" + key + "\"")
                .contains("\"CallDisposition\":\"resolved\"").contains("Invoice 42 explained")
                .contains("\"WhoId\":\"" + CrmDouble.SF_CONTACT + "\"");
        assertThat(onlyCreate(HS_CALLS, key)).contains("\"hs_call_external_id\":\"" + key + "\"")
                .contains("resolved").contains("Invoice 42 explained").contains("\"hs_call_status\":\"COMPLETED\"")
                .contains("\"id\":\"" + CrmDouble.HS_CONTACT + "\"");
        assertThat(onlyCreate(ZD_CALLS, key)).contains("\"call_disposition\":\"resolved\"")
                .contains("\"end_user_id\":" + CrmDouble.ZD_USER).contains("\"app_id\":735264019863524");
        assertNothingSecretLogged();
    }

    @Test
    void a_missed_call_is_written_to_each_crm_once_without_an_agent() throws Exception {
        String caller = pbx.inboundCall(InboundCall.of(caller("+442079460020"), MISSED_DID));
        api.await("the caller waits", () -> api.tasks().stream()
                .anyMatch(t -> MISSED_DID.equals(t.path("queueId").asText())), SOON);
        pbx.callerHangsUp(caller);
        String callId = awaitQueueLog("queue=" + MISSED_DID, "ABANDON").get(0).path("callid").asText();

        String key = callId + ":-";
        awaitLogged(callId, 3, SOON);
        assertThat(onlyCreate(SF_TASKS, key)).contains("\"CallObject\":\"" + key + "\"").contains("missed")
                .doesNotContain("WhoId");
        assertThat(onlyCreate(HS_CALLS, key)).contains("\"hs_call_status\":\"NO_ANSWER\"");
        assertThat(onlyCreate(ZD_VOICE_TICKETS, key)).contains("\"external_id\":\"" + key + "\"")
                .contains("\"via_id\":45");
        assertThat(crm.created(ZD_CALLS, key)).as("a missed call is a voice ticket, not a call record").isEmpty();
        assertNothingSecretLogged();
    }

    @Test
    void a_crm_down_for_a_while_gets_each_call_once_when_it_is_back() throws Exception {
        StubMapping outage = crm.down("/api/v2/");
        List<String> calls = new ArrayList<>();
        try {
            for (String number : List.of("+442079460021", "+442079460022", "+442079460023")) {
                pbx.inboundCall(InboundCall.of(caller(number), OUTAGE_DID));
                String callId = api.await("another call completed in " + OUTAGE_DID,
                        () -> api.queueLog("queue=" + OUTAGE_DID).stream()
                                .filter(r -> r.path("event").asText().startsWith("COMPLETE"))
                                .map(r -> r.path("callid").asText()).filter(id -> !calls.contains(id)).findFirst(),
                        java.util.Optional::isPresent, SOON).orElseThrow();
                calls.add(callId);
                api.await("the wrap-up accepted", () -> wrapUp("crm-out", "callback-booked", "Down"), ok -> ok, SOON);
                awaitState("crm-out", "available");
            }
            api.await("Zendesk's logs retried while it is down", () -> outbox("pending"),
                    rows -> calls.stream().allMatch(call -> rows.stream().anyMatch(r -> isZendeskRetry(r, call))), SOON);
            assertThat(outboxStatus().path("pending").asInt()).as("/status crm/outbox while Zendesk is down")
                    .isGreaterThanOrEqualTo(calls.size());
        } finally {
            crm.remove(outage);
        }

        for (String callId : calls) {
            awaitLogged(callId, 3, BACK_SOON);
            String key = callId + ":crm-out";
            assertThat(crm.created(ZD_CALLS, key)).as("Zendesk records for " + key).hasSize(1);
            onlyCreate(SF_TASKS, key);
            onlyCreate(HS_CALLS, key);
        }
        assertThat(outbox("pending")).as("nothing pending once Zendesk is back")
                .noneMatch(r -> calls.contains(r.path("callId").asText()));
        JsonNode status = api.await("/status crm/outbox caught up", this::outboxStatus,
                s -> s.path("pending").asInt() == 0, SOON);
        assertThat(status.path("failed").asInt()).isZero();
        assertNothingSecretLogged();
    }

    private JsonNode outboxStatus() throws Exception {
        return api.getJson("/status").path("dependencies").path("crm/outbox");
    }

    private static boolean isZendeskRetry(JsonNode row, String callId) {
        return row.path("callId").asText().equals(callId) && row.path("connector").asText().equals("zendesk")
                && row.path("attempts").asInt() >= 1 && !row.path("lastError").isNull();
    }

    /** Waits for the call's {@code count} outbox rows, one per CRM, all {@code logged} with the CRM's record id. */
    private List<JsonNode> awaitLogged(String callId, int count, Duration within) throws Exception {
        List<JsonNode> rows = api.await(callId + "'s logs logged in every CRM", () -> outboxRows(callId),
                r -> r.size() == count && r.stream().allMatch(row -> row.path("state").asText().equals("logged")),
                within);
        assertThat(rows).extracting(r -> r.path("connector").asText())
                .containsExactlyInAnyOrder("salesforce", "hubspot", "zendesk");
        assertThat(rows).allSatisfy(r -> assertThat(r.path("recordId").asText()).isNotBlank());
        return rows;
    }

    private List<JsonNode> outboxRows(String callId) throws Exception {
        return outbox(null).stream().filter(r -> r.path("callId").asText().equals(callId)).toList();
    }

    private List<JsonNode> outbox(String state) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        api.getJson("/api/v1/crm/outbox?limit=200" + (state == null ? "" : "&state=" + state)).path("items")
                .forEach(rows::add);
        return rows;
    }

    /** The body of the one create the CRM made a record for under {@code path} for {@code key}. */
    private String onlyCreate(String path, String key) {
        List<ServeEvent> created = crm.created(path, key);
        assertThat(created).as("records made at %s for %s", path, key).hasSize(1);
        assertThat(crm.served(RequestMethod.POST, path, e -> CrmDouble.mentions(e, key)))
                .as("creates sent to %s for %s", path, key).hasSize(1);
        return created.get(0).getRequest().getBodyAsString();
    }

    /** {@code POST /api/v1/agents/{id}/wrap-up}; false while the agent's call has not yet ended there (409). */
    private boolean wrapUp(String agent, String disposition, String notes) throws Exception {
        var response = api.postRaw("/api/v1/agents/" + agent + "/wrap-up",
                "{\"disposition\":\"" + disposition + "\",\"notes\":\"" + notes + "\"}");
        assertThat(response.statusCode()).as("wrap-up answered %s", response.body()).isIn(202, 409);
        return response.statusCode() == 202;
    }

    private String caller(String number) {
        callers.add(number);
        return number;
    }

    private static JsonNode crmOf(JsonNode pop, String name) {
        for (JsonNode crm : pop.path("crms")) {
            if (crm.path("crm").asText().equals(name)) {
                return crm;
            }
        }
        throw new AssertionError("no " + name + " in the pop " + pop);
    }

    /** No line of the server's output holds a caller's number (in any form) or a credential. */
    private void assertNothingSecretLogged() {
        String basic = Base64.getEncoder().encodeToString(("agent@acme.example/token:" + zdToken).getBytes());
        List<String> secrets = new ArrayList<>(List.of(sfSecret, hsToken, zdToken, basic, CrmDouble.SF_ACCESS_TOKEN));
        callers.forEach(number -> secrets.add(number.substring(3)));
        for (String line : serverLog()) {
            for (String secret : secrets) {
                assertThat(line).as("a server log line").doesNotContain(secret);
            }
        }
    }
}
