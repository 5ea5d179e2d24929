package io.switchboard.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.crm.CrmLookup;
import io.switchboard.core.port.CrmConnector;
import io.switchboard.crm.http.Budget;
import io.switchboard.crm.http.CircuitBreaker;
import io.switchboard.crm.http.Delays;
import io.switchboard.crm.http.FindOrCreate;
import io.switchboard.crm.http.HttpResult;
import io.switchboard.crm.http.LookupCache;
import io.switchboard.crm.http.Lookups;
import io.switchboard.crm.http.OAuthTokens;
import io.switchboard.crm.http.ResilientHttp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;

/**
 * Salesforce over its REST API: callers found with SOSL over the phone fields of Contacts, Leads and Accounts,
 * calls logged as Tasks (TaskSubtype Call) keyed by {@code CallObject}, OAuth 2.0 tokens fetched again on a
 * 401. The screen pop itself happens in the browser through Open CTI.
 */
public final class SalesforceConnector implements CrmConnector {

    private static final List<String> TYPE_ORDER = List.of("Contact", "Lead", "Account");

    private final SalesforceSettings settings;
    private final Clock clock;
    private final ResilientHttp http;
    private final LookupCache cache;
    private final FindOrCreate findOrCreate;

    /** A connector on real time. */
    public SalesforceConnector(SalesforceSettings settings, HttpClient client, Clock clock, RandomGenerator random) {
        this(settings, client, clock, random, Delays.system());
    }

    /** A connector whose waits go through {@code delays} (tests pass one driving a fake clock). */
    public SalesforceConnector(SalesforceSettings settings, HttpClient client, Clock clock, RandomGenerator random,
                               Delays delays) {
        this.settings = Require.nonNull(settings, "settings");
        this.clock = Require.nonNull(clock, "clock");
        OAuthTokens tokens = new OAuthTokens(client, settings.resolve("/services/oauth2/token"),
                settings.refreshToken()
                        .map(refresh -> OAuthTokens.refreshToken(settings.clientId(), settings.clientSecret(), refresh))
                        .orElseGet(() -> OAuthTokens.clientCredentials(settings.clientId(), settings.clientSecret())),
                settings.tuning().log().perRequest(), clock);
        CircuitBreaker breaker = new CircuitBreaker(settings.tuning().breakerThreshold(),
                settings.tuning().breakerCoolDown(), clock);
        this.http = new ResilientHttp(name(), client, tokens, breaker, clock, random, delays);
        this.cache = new LookupCache(settings.tuning().hitTtl(), settings.tuning().missTtl(),
                settings.tuning().cacheSize(), clock);
        this.findOrCreate = new FindOrCreate(delays, Duration.ZERO, 2);
    }

    @Override
    public String name() {
        return "salesforce";
    }

    @Override
    public CompletionStage<CrmLookup> lookup(PhoneNumber number) {
        URI uri = api("/search?q=" + encode(Soql.findByPhone(number)));
        Instant started = clock.instant();
        return Lookups.cached(cache, number,
                () -> http.send(() -> HttpRequest.newBuilder(uri).header("Accept", "application/json").GET(),
                        settings.tuning().lookup(), true),
                this::matches,
                match -> openCases(match, started));
    }

    /** The open Cases of a Contact or an Account, in what is left of the lookup's budget. */
    private CompletionStage<List<String>> openCases(ContactMatch match, Instant started) {
        Optional<Budget> left = settings.tuning().lookup().remainder(started, clock.instant());
        if ("Lead".equals(match.objectType()) || left.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        URI uri = api("/query?q=" + encode(Soql.openCases(match.objectType(), match.contactId())));
        return http.send(() -> HttpRequest.newBuilder(uri).header("Accept", "application/json").GET(), left.get(), true)
                .thenApply(result -> {
                    List<String> cases = new ArrayList<>();
                    if (result instanceof HttpResult.Answered answered && answered.ok()) {
                        for (JsonNode record : Lookups.json(answered.body()).path("records")) {
                            Lookups.text(record, "CaseNumber").ifPresent(number -> cases.add(
                                    Lookups.text(record, "Subject").map(subject -> number + " " + subject).orElse(number)));
                        }
                    }
                    return cases;
                });
    }

    @Override
    public CompletionStage<CrmLogResult> logCall(CallLog log) {
        String key = log.idempotencyKey();
        URI query = api("/query?q=" + encode(Soql.taskByCallObject(key)));
        URI create = api("/sobjects/Task");
        String body = SalesforceTask.body(log).toString();
        return findOrCreate.run(
                () -> http.send(() -> HttpRequest.newBuilder(query).header("Accept", "application/json").GET(),
                        settings.tuning().log(), true).thenApply(SalesforceConnector::existingTask),
                () -> http.send(() -> HttpRequest.newBuilder(create).header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)), settings.tuning().log(), false),
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

    private static Optional<CrmLogResult> existingTask(HttpResult result) {
        if (!(result instanceof HttpResult.Answered answered) || !answered.ok()) {
            return Optional.of(FindOrCreate.notLogged(result));
        }
        JsonNode records = Lookups.json(answered.body()).path("records");
        if (records.isArray() && !records.isEmpty()) {
            return Lookups.text(records.get(0), "Id").map(CrmLogResult.Logged::new);
        }
        return Optional.empty();
    }

    private List<ContactMatch> matches(JsonNode answer) {
        List<ContactMatch> matches = new ArrayList<>();
        for (JsonNode record : answer.path("searchRecords")) {
            String type = record.path("attributes").path("type").asText("");
            Optional<String> id = Lookups.text(record, "Id");
            if (!TYPE_ORDER.contains(type) || id.isEmpty()) {
                continue;
            }
            String name = Lookups.text(record, "Name").orElse(type + " " + id.get());
            URI link = settings.resolve("/lightning/r/" + type + "/" + id.get() + "/view");
            matches.add(new ContactMatch(name(), type, id.get(), name, Optional.of(link),
                    Lookups.text(record, "OwnerId"), List.of()));
        }
        matches.sort(Comparator.comparingInt(match -> TYPE_ORDER.indexOf(match.objectType())));
        return matches;
    }

    private URI api(String pathAndQuery) {
        return settings.resolve("/services/data/" + settings.apiVersion() + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Only for {@link SalesforceTask}: the JSON node factory. */
    static ObjectNode object() {
        return Lookups.mapper().createObjectNode();
    }
}
