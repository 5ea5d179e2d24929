package io.switchboard.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.crm.CrmLookup;
import io.switchboard.core.port.CrmConnector;
import io.switchboard.crm.http.Authorizer;
import io.switchboard.crm.http.CircuitBreaker;
import io.switchboard.crm.http.Delays;
import io.switchboard.crm.http.FindOrCreate;
import io.switchboard.crm.http.HttpResult;
import io.switchboard.crm.http.LookupCache;
import io.switchboard.crm.http.Lookups;
import io.switchboard.crm.http.OAuthTokens;
import io.switchboard.crm.http.ResilientHttp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * HubSpot over its CRM v3 API: callers found with the contacts search endpoint, calls logged as call
 * engagements associated to the contact and keyed by {@code hs_call_external_id}. The pop happens in the
 * browser through the Calling Extensions SDK.
 *
 * <p>HubSpot's search is eventually consistent (a new object appears in it within seconds), so after a lost
 * answer the connector waits five seconds before looking for the call it may have made.
 */
public final class HubSpotConnector implements CrmConnector {

    private static final Duration SEARCH_LAG = Duration.ofSeconds(5);

    private final HubSpotSettings settings;
    private final ResilientHttp http;
    private final LookupCache cache;
    private final FindOrCreate findOrCreate;

    /** A connector on real time. */
    public HubSpotConnector(HubSpotSettings settings, HttpClient client, Clock clock, RandomGenerator random) {
        this(settings, client, clock, random, Delays.system());
    }

    /** A connector whose waits go through {@code delays} (tests pass one driving a fake clock). */
    public HubSpotConnector(HubSpotSettings settings, HttpClient client, Clock clock, RandomGenerator random,
                            Delays delays) {
        this.settings = Require.nonNull(settings, "settings");
        CircuitBreaker breaker = new CircuitBreaker(settings.tuning().breakerThreshold(),
                settings.tuning().breakerCoolDown(), clock);
        this.http = new ResilientHttp(name(), client, authorizer(settings, client, clock), breaker, clock, random, delays);
        this.cache = new LookupCache(settings.tuning().hitTtl(), settings.tuning().missTtl(),
                settings.tuning().cacheSize(), clock);
        this.findOrCreate = new FindOrCreate(delays, SEARCH_LAG, 2);
    }

    private static Authorizer authorizer(HubSpotSettings settings, HttpClient client, Clock clock) {
        if (settings.auth() instanceof HubSpotSettings.OAuth oauth) {
            return new OAuthTokens(client, settings.api("/oauth/v1/token"),
                    OAuthTokens.refreshToken(oauth.clientId(), oauth.clientSecret(), oauth.refreshToken()),
                    settings.tuning().log().perRequest(), clock);
        }
        return Authorizer.bearer(((HubSpotSettings.PrivateApp) settings.auth()).token());
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public CompletionStage<CrmLookup> lookup(PhoneNumber number) {
        String body = HubSpotBodies.contactsByPhone(number).toString();
        return Lookups.cached(cache, number,
                () -> http.send(() -> post("/crm/v3/objects/contacts/search", body), settings.tuning().lookup(), true),
                this::matches);
    }

    @Override
    public CompletionStage<CrmLogResult> logCall(CallLog log) {
        String search = HubSpotBodies.callsByExternalId(log.idempotencyKey()).toString();
        String create = HubSpotBodies.call(log, settings.dispositionIds()).toString();
        return findOrCreate.run(
                () -> http.send(() -> post("/crm/v3/objects/calls/search", search), settings.tuning().log(), true)
                        .thenApply(HubSpotConnector::existingCall),
                () -> http.send(() -> post("/crm/v3/objects/calls", create), settings.tuning().log(), false),
                created -> Lookups.text(Lookups.json(created), "id"));
    }

    /** The breaker, for health reports. */
    public CircuitBreaker.State circuit() {
        return http.breaker().state();
    }

    @Override
    public Optional<String> circuitState() {
        return Optional.of(circuit().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private HttpRequest.Builder post(String path, String json) {
        URI uri = settings.api(path);
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static Optional<CrmLogResult> existingCall(HttpResult result) {
        if (!(result instanceof HttpResult.Answered answered) || !answered.ok()) {
            return Optional.of(FindOrCreate.notLogged(result));
        }
        JsonNode results = Lookups.json(answered.body()).path("results");
        if (results.isArray() && !results.isEmpty()) {
            return Lookups.text(results.get(0), "id").map(CrmLogResult.Logged::new);
        }
        return Optional.empty();
    }

    private List<ContactMatch> matches(JsonNode answer) {
        List<ContactMatch> matches = new ArrayList<>();
        for (JsonNode contact : answer.path("results")) {
            Optional<String> id = Lookups.text(contact, "id");
            if (id.isEmpty()) {
                continue;
            }
            JsonNode props = contact.path("properties");
            String name = Stream.of(Lookups.text(props, "firstname"), Lookups.text(props, "lastname"))
                    .flatMap(Optional::stream).collect(Collectors.joining(" "));
            String shown = !name.isBlank() ? name : Lookups.text(props, "email").orElse("Contact " + id.get());
            matches.add(new ContactMatch(name(), "contact", id.get(), shown, Optional.of(settings.contactLink(id.get())),
                    Lookups.text(props, "hubspot_owner_id"), List.of()));
        }
        return matches;
    }
}
