package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM pages in a real headless Chromium, as an agent uses them inside Salesforce and HubSpot: the fat jar
 * attached to the simulated PBX, the {@link CrmDouble} answering the server's lookups, and {@link CrmHostPages}
 * standing in for the CRMs around the pages (a fake Salesforce org with a stand-in Open CTI library that records
 * every call, a fake HubSpot host speaking the Calling Extensions SDK's host side). A caller rings the agent and the
 * page opens the caller's record in the CRM; a click on a number in the CRM places the call through the PBX.
 */
abstract class CrmPagesScenarios extends PbxScenarios {

    private static final String SF_DID = "4930300500";
    private static final String HS_DID = "4930300600";
    private static final String CUSTOMER = "+442079460077";
    private static final String PASSWORD = "Pages-Secret-42";
    private static final Duration PAGE = Duration.ofSeconds(30);

    @RegisterExtension
    final HeadlessChromium browser = new HeadlessChromium();
    private CrmDouble crm;
    private CrmHostPages hosts;

    CrmPagesScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startCrmsHostsPbxServerAndAgents() throws Exception {
        crm = new CrmDouble();
        hosts = new CrmHostPages();
        Phone rings = new Phone.Answers(Duration.ofMillis(300), Duration.ofSeconds(2));
        Phone staysOnTheLine = new Phone.Answers(Duration.ofSeconds(1), null);
        attach("crmpages", Map.of(
                flavour.device("2301"), rings,
                flavour.device("2302"), staysOnTheLine,
                flavour.device("2303"), rings,
                flavour.device("2304"), staysOnTheLine,
                flavour.customer(CUSTOMER), new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(20),
                        AmdOutcome.HUMAN)),
                Map.ofEntries(
                        Map.entry("SWITCHBOARD_HTTP_FRAME_ANCESTORS", hosts.origin()),
                        Map.entry("SWITCHBOARD_CRM_SALESFORCE_ENABLED", "true"),
                        Map.entry("SWITCHBOARD_CRM_SALESFORCE_INSTANCE_URL", crm.url()),
                        Map.entry("SWITCHBOARD_CRM_SALESFORCE_CLIENT_ID", "3MVG9switchboard-pages"),
                        Map.entry("SWITCHBOARD_CRM_SALESFORCE_CLIENT_SECRET", "SfPagesSecret"),
                        Map.entry("SWITCHBOARD_CRM_HUBSPOT_ENABLED", "true"),
                        Map.entry("SWITCHBOARD_CRM_HUBSPOT_ACCESS_TOKEN", "pat-na1-pages"),
                        Map.entry("SWITCHBOARD_CRM_HUBSPOT_API_URL", crm.url()),
                        Map.entry("SWITCHBOARD_CRM_HUBSPOT_PORTAL_ID", "2468013")));
        for (String[] agent : List.of(new String[] {"sf-pop", "2301"}, new String[] {"sf-dial", "2302"},
                new String[] {"hs-pop", "2303"}, new String[] {"hs-dial", "2304"})) {
            agent(agent[0], agent[0], agent[1]);
            api.put("/api/v1/users/" + agent[0], "{\"role\":\"agent\",\"agentId\":\"" + agent[0]
                    + "\",\"teams\":[],\"password\":\"" + PASSWORD + "\"}", 201);
        }
        queue(SF_DID, "sf-pages", 0, "sf-pop");
        queue(HS_DID, "hs-pages", 0, "hs-pop");
        availableInTurn("sf-pop", "hs-pop");
    }

    @AfterAll
    void stopCrmsAndHosts() {
        if (crm != null) {
            crm.close();
        }
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    void a_ringing_caller_with_one_salesforce_record_pops_that_record_in_salesforce() throws Exception {
        browser.open(hosts.salesforce(api.url()));
        signIn("softphone", "sf-pop");
        assertThat(methods()).as("the softphone set itself up with Open CTI")
                .contains("getCallCenterSettings", "onClickToDial", "enableClickToDial");
        api.await("sf-pop available", () -> api.agentState("sf-pop"), "available"::equals, SOON);

        String caller = "+442079460031";
        pbx.inboundCall(InboundCall.of(caller, SF_DID));

        JsonNode screenPop = awaitOpenCti("screenPop");
        assertThat(screenPop.path("args").path("type").asText()).isEqualTo("sobject");
        assertThat(screenPop.path("args").path("params").path("recordId").asText()).isEqualTo(CrmDouble.SF_CONTACT);
        assertThat(methods()).as("the panel is shown, and no search made").contains("setSoftphonePanelVisibility")
                .doesNotContain("searchAndScreenPop");
        String shown = inFrame("softphone", driver -> driver.findElement(By.id("call-record")).getText());
        assertThat(shown).isEqualTo("Ada Lovelace (Contact)");
        browser.screenshot("salesforce-record-popped");
    }

    @Test
    void a_ringing_caller_salesforce_could_not_look_up_pops_salesforces_own_search_for_the_number() throws Exception {
        StubMapping outage = crm.down("/services/data/");
        try {
            browser.open(hosts.salesforce(api.url()));
            signIn("softphone", "sf-pop");
            api.await("sf-pop available", () -> api.agentState("sf-pop"), "available"::equals, SOON);

            String caller = "+442079460032";
            pbx.inboundCall(InboundCall.of(caller, SF_DID));

            JsonNode search = awaitOpenCti("searchAndScreenPop");
            assertThat(search.path("args").path("searchParams").asText()).isEqualTo(caller);
            assertThat(search.path("args").path("callType").asText()).isEqualTo("inbound");
            assertThat(search.path("args").path("deferred").asBoolean(true)).isFalse();
            assertThat(methods()).doesNotContain("screenPop");
            browser.screenshot("salesforce-search-popped");
        } finally {
            crm.remove(outage);
        }
    }

    @Test
    void a_click_on_a_number_in_salesforce_opens_the_agents_line_and_places_the_call() throws Exception {
        browser.open(hosts.salesforce(api.url()));
        signIn("softphone", "sf-dial");
        assertThat(session("sf-dial").path("open").asBoolean()).as("no line open before the click").isFalse();

        browser.driver().findElement(By.id("click-to-dial")).click();

        String callId = inFrame("softphone", driver -> browser.waitUntil(d -> {
            String id = d.findElement(By.id("message")).getAttribute("data-call-id");
            return id == null || id.isEmpty() ? null : id;
        }, PAGE));
        JsonNode call = awaitCall(callId, "the customer connected to sf-dial", PbxScenarios::agentAnswered);
        assertThat(call.path("direction").asText()).isEqualTo("outbound");
        assertThat(call.path("agentId").asText()).isEqualTo("sf-dial");
        assertThat(lineOpen("sf-dial")).as("the page opened the agent's line first").isTrue();
        browser.screenshot("salesforce-click-to-dial-placed");
        awaitCall(callId, "the call ended", PbxScenarios::ended);
    }

    @Test
    void the_softphone_loads_open_cti_only_from_the_salesforce_page_around_it() throws Exception {
        int askedBefore = hosts.asked().size();
        browser.open(api.url() + "/app/salesforce/?sfdcIframeOrigin=" + hosts.origin());

        String message = browser.waitUntil(d -> {
            String text = d.findElement(By.id("message")).getText();
            return text.isEmpty() ? null : text;
        }, PAGE);
        assertThat(message).startsWith("Refused to load Open CTI from " + hosts.origin());
        assertThat(hosts.asked().subList(askedBefore, hosts.asked().size()))
                .as("no script asked of an origin that does not frame the page")
                .noneMatch(path -> path.contains("opencti"));
        browser.screenshot("salesforce-foreign-origin-refused");
    }

    @Test
    void the_call_center_definition_is_downloaded_without_a_token() throws Exception {
        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.url() + "/app/salesforce/callcenter.xml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains("<callCenter>", "name=\"reqAdapterUrl\"", "SwitchboardOpenCti");
    }

    @Test
    void a_ringing_caller_is_an_incoming_call_in_hubspot_answered_ended_and_completed_without_an_engagement()
            throws Exception {
        browser.open(hosts.hubspot(api.url()));
        awaitHubSpot("INITIALIZED");
        signIn("hubspot-calling-extension-iframe", "hs-pop");
        awaitHubSpot("LOGGED_IN");

        String caller = "+442079460033";
        pbx.inboundCall(InboundCall.of(caller, HS_DID));

        JsonNode incoming = awaitHubSpot("INCOMING_CALL");
        String callId = incoming.path("data").path("externalCallId").asText();
        assertThat(incoming.path("data").path("fromNumber").asText()).isEqualTo(caller);
        assertThat(incoming.path("data").path("createEngagement").asBoolean(true))
                .as("the server logs the call; HubSpot must not make a second engagement").isFalse();
        JsonNode navigate = awaitHubSpot("NAVIGATE_TO_RECORD");
        assertThat(navigate.path("data").path("objectCoordinates").path("objectId").asText())
                .isEqualTo(CrmDouble.HS_CONTACT);
        assertThat(navigate.path("data").path("objectCoordinates").path("portalId").asInt()).isEqualTo(2468013);
        browser.screenshot("hubspot-incoming-call");

        JsonNode completed = awaitHubSpot("CALL_COMPLETED");
        assertThat(callTypes()).containsSubsequence("INCOMING_CALL", "CALL_ANSWERED", "CALL_ENDED", "CALL_COMPLETED");
        assertThat(hubspot("CALL_ANSWERED").path("data").path("externalCallId").asText()).isEqualTo(callId);
        assertThat(hubspot("CALL_ENDED").path("data").path("externalCallId").asText()).isEqualTo(callId);
        assertThat(hubspot("CALL_ENDED").path("data").path("callEndStatus").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("data").path("externalCallId").asText()).isEqualTo(callId);
        assertThat(completed.path("data").path("hideWidget").asBoolean()).isTrue();
        assertThat(completed.path("data").has("engagementProperties")).isFalse();
        browser.screenshot("hubspot-call-completed");
    }

    @Test
    void a_call_started_in_hubspot_is_placed_through_switchboard_as_an_outgoing_call() throws Exception {
        browser.open(hosts.hubspot(api.url()));
        awaitHubSpot("INITIALIZED");
        signIn("hubspot-calling-extension-iframe", "hs-dial");
        awaitHubSpot("LOGGED_IN");

        browser.driver().findElement(By.id("call-contact")).click();

        JsonNode outgoing = awaitHubSpot("OUTGOING_CALL_STARTED");
        assertThat(outgoing.path("data").path("toNumber").asText()).isEqualTo(CUSTOMER);
        assertThat(outgoing.path("data").path("createEngagement").asBoolean(true)).isFalse();
        String callId = outgoing.path("data").path("externalCallId").asText();
        JsonNode call = awaitCall(callId, "the customer connected to hs-dial", PbxScenarios::agentAnswered);
        assertThat(call.path("direction").asText()).isEqualTo("outbound");
        assertThat(call.path("agentId").asText()).isEqualTo("hs-dial");
        awaitCall(callId, "the call ended", PbxScenarios::ended);

        JsonNode completed = awaitHubSpot("CALL_COMPLETED");
        assertThat(callTypes()).containsSubsequence("OUTGOING_CALL_STARTED", "CALL_ANSWERED", "CALL_ENDED",
                "CALL_COMPLETED");
        assertThat(hubspot("CALL_ENDED").path("data").path("callEndStatus").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("data").path("externalCallId").asText()).isEqualTo(callId);
        browser.screenshot("hubspot-outgoing-call-completed");
    }

    /** Signs {@code agent} in on the page in the frame {@code frame} and waits for its event socket. */
    private void signIn(String frame, String agent) {
        inFrame(frame, driver -> {
            browser.waitFor(By.id("username"), PAGE).sendKeys(agent);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.waitUntil(d -> d.findElement(By.id("sign-in-button")).isEnabled(), PAGE);
            driver.findElement(By.id("sign-in-button")).click();
            return browser.waitUntil(d -> "connected".equals(d.findElement(By.id("connection"))
                    .getAttribute("data-state")), PAGE);
        });
    }

    private <T> T inFrame(String frame, java.util.function.Function<WebDriver, T> inside) {
        WebDriver driver = browser.driver();
        driver.switchTo().frame(browser.waitFor(By.id(frame), PAGE));
        try {
            return inside.apply(driver);
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /** The Open CTI methods the softphone called, in order, as the fake org recorded them. */
    private List<String> methods() throws IOException {
        return recorded("openCtiCalls").stream().map(c -> c.path("method").asText()).toList();
    }

    private JsonNode awaitOpenCti(String method) throws Exception {
        return api.await("Open CTI " + method, () -> recorded("openCtiCalls").stream()
                .filter(c -> c.path("method").asText().equals(method)).findFirst().orElse(null),
                Objects::nonNull, SOON);
    }

    /** The messages HubSpot's host received from the widget, in order. */
    private List<String> callTypes() throws IOException {
        return recorded("hubspotMessages").stream().map(m -> m.path("type").asText()).toList();
    }

    private JsonNode hubspot(String type) throws IOException {
        List<JsonNode> messages = recorded("hubspotMessages");
        return messages.stream().filter(m -> m.path("type").asText().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + messages));
    }

    private JsonNode awaitHubSpot(String type) throws Exception {
        return api.await("HubSpot heard " + type, () -> recorded("hubspotMessages").stream()
                .filter(m -> m.path("type").asText().equals(type)).findFirst().orElse(null), Objects::nonNull, SOON);
    }

    private List<JsonNode> recorded(String variable) throws IOException {
        Object json = browser.script("return JSON.stringify(window." + variable + " || []);");
        List<JsonNode> all = new java.util.ArrayList<>();
        ServerApi.JSON.readTree((String) json).forEach(all::add);
        return all;
    }
}
