package io.switchboard.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server standing in for Salesforce, HubSpot and Zendesk at once: their API paths do not collide
 * ({@code /services/...}, {@code /crm/v3/...}, {@code /api/v2/...}). Every stub answers with the vendors'
 * documented bodies (the samples under {@code crm/<vendor>/}, copied from crm-plugins' connector tests, whose
 * READMEs name the documentation pages), and every CRM holds the same caller, Ada Lovelace, whatever number is
 * asked for. A test makes one CRM slow or down for a while and counts what each CRM was asked to create.
 */
final class CrmDouble implements AutoCloseable {

    static final String SF_API = "/services/data/v62.0";
    static final String SF_TASKS = SF_API + "/sobjects/Task";
    static final String HS_CONTACT_SEARCH = "/crm/v3/objects/contacts/search";
    static final String HS_CALLS = "/crm/v3/objects/calls";
    static final String ZD_USER_SEARCH = "/api/v2/users/search.json";
    static final String ZD_CALLS = "/api/v2/calls";
    static final String ZD_VOICE_TICKETS = "/api/v2/channels/voice/tickets.json";
    /** Ada's record in each CRM, as the samples have it. */
    static final String SF_CONTACT = "0035e00000Ada01AAA";
    static final String SF_OWNER = "0055e000004ABCDAA1";
    static final String HS_CONTACT = "51";
    static final String HS_OWNER = "7712001";
    static final String ZD_USER = "35436";
    /** The Salesforce access token the double hands out (from the token sample): the server must never log it. */
    static final String SF_ACCESS_TOKEN = "00D5e000000TOKEN!AQ4AQFIRST";

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .containerThreads(40).asynchronousResponseEnabled(true));

    CrmDouble() {
        server.start();
        salesforce();
        hubspot();
        zendesk();
    }

    /** Where every CRM answers, e.g. {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** From now on the requests matching {@code request} (a path's stub) are answered only after {@code millis}. */
    StubMapping slow(MappingBuilder request, String sample, int millis) {
        return server.stubFor(request.atPriority(1).willReturn(okJson(sample(sample)).withFixedDelay(millis)));
    }

    /** From now on every request under {@code prefix} (e.g. {@code /api/v2/}) is answered 503, until {@link #remove}. */
    StubMapping down(String prefix) {
        return server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching(prefix + ".*"))
                .atPriority(1).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Service Unavailable\"}")));
    }

    void remove(StubMapping stub) {
        server.removeStub(stub);
    }

    /** The requests served so far that match {@code method}, {@code path} and {@code which}, oldest first. */
    List<ServeEvent> served(RequestMethod method, String path, Predicate<ServeEvent> which) {
        List<ServeEvent> served = server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().equals(method))
                .filter(e -> path(e).equals(path) || path(e).matches(path))
                .filter(which).collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(served);
        return served;
    }

    /** The creates under {@code path} the CRM made a record for (a 2xx) whose request mentions {@code key}. */
    List<ServeEvent> created(String path, String key) {
        return served(RequestMethod.POST, path, e -> answered2xx(e) && mentions(e, key));
    }

    static boolean answered2xx(ServeEvent e) {
        int status = e.getResponse().getStatus();
        return status >= 200 && status < 300;
    }

    /** Whether the request's body or its {@code Idempotency-Key} header holds {@code text}. */
    static boolean mentions(ServeEvent e, String text) {
        String key = e.getRequest().getHeader("Idempotency-Key");
        return e.getRequest().getBodyAsString().contains(text) || (key != null && key.equals(text));
    }

    static String path(ServeEvent e) {
        return e.getRequest().getUrl().replaceFirst("\\?.*$", "");
    }

    static String sample(String name) {
        try (InputStream in = CrmDouble.class.getResourceAsStream("/crm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample crm/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private void salesforce() {
        server.stubFor(post(urlPathEqualTo("/services/oauth2/token"))
                .willReturn(okJson(sample("salesforce/token.json"))));
        server.stubFor(get(urlPathEqualTo(SF_API + "/search")).willReturn(okJson(sample("salesforce/search-one.json"))));
        server.stubFor(get(urlPathEqualTo(SF_API + "/query")).willReturn(okJson(sample("salesforce/task-query-none.json"))));
        server.stubFor(post(urlPathEqualTo(SF_TASKS))
                .willReturn(okJson(sample("salesforce/task-created.json")).withStatus(201)));
    }

    private void hubspot() {
        server.stubFor(post(urlPathEqualTo(HS_CONTACT_SEARCH))
                .willReturn(okJson(sample("hubspot/contacts-search-one.json"))));
        server.stubFor(post(urlPathEqualTo(HS_CALLS + "/search")).willReturn(okJson(sample("hubspot/calls-search-none.json"))));
        server.stubFor(post(urlPathEqualTo(HS_CALLS)).willReturn(okJson(sample("hubspot/call-created.json")).withStatus(201)));
    }

    private void zendesk() {
        server.stubFor(get(urlPathEqualTo(ZD_USER_SEARCH)).willReturn(okJson(sample("zendesk/users-search-one.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v2/users/" + ZD_USER + "/tickets/requested.json"))
                .willReturn(okJson(sample("zendesk/tickets-requested.json"))));
        server.stubFor(post(urlPathMatching("/api/v2/channels/voice/agents/[0-9]+/(users|tickets)/[0-9]+/display.json"))
                .willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo(ZD_CALLS)).willReturn(okJson(sample("zendesk/call-created.json")).withStatus(201)));
        server.stubFor(get(urlPathEqualTo("/api/v2/tickets.json"))
                .willReturn(okJson(sample("zendesk/tickets-by-external-id-none.json"))));
        server.stubFor(post(urlPathEqualTo(ZD_VOICE_TICKETS))
                .willReturn(okJson(sample("zendesk/voice-ticket-created.json")).withStatus(201)));
    }
}
