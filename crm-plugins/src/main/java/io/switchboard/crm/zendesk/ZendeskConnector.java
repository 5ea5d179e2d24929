package io.switchboard.crm.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.crm.CrmLookup;
import io.switchboard.core.port.CrmConnector;
import io.switchboard.crm.http.Authorizer;
import io.switchboard.crm.http.Budget;
import io.switchboard.crm.http.CircuitBreaker;
import io.switchboard.crm.http.Delays;
import io.switchboard.crm.http.FindOrCreate;
import io.switchboard.crm.http.HttpResult;
import io.switchboard.crm.http.LookupCache;
import io.switchboard.crm.http.Lookups;
import io.switchboard.crm.http.ResilientHttp;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;

/**
 * Zendesk Support with Talk Partner Edition: callers found through the users search by phone, the user or
 * ticket opened in the agent's browser from the server (the display endpoints), answered and outbound calls
 * written as call records, missed calls and voicemails as voice tickets an agent can call back from.
 *
 * <p>At most once per key: a ticket carries the key as its {@code external_id} and is looked up by it before
 * it is created; every create also carries the key as Zendesk's {@code Idempotency-Key} header, which makes
 * Zendesk answer a repeated create with the record it made the first time.
 */
public final class ZendeskConnector implements CrmConnector {

    private static final Set<String> OPEN = Set.of("new", "open", "pending", "hold");

    private final ZendeskSettings settings;
    private final Clock clock;
    private final ResilientHttp http;
    private final LookupCache cache;
    private final FindOrCreate findOrCreate;

    /** A connector on real time. */
    public ZendeskConnector(ZendeskSettings settings, HttpClient client, Clock clock, RandomGenerator random) {
        this(settings, client, clock, random, Delays.system());
    }

    /** A connector whose waits go through {@code delays} (tests pass one driving a fake clock). */
    public ZendeskConnector(ZendeskSettings settings, HttpClient client, Clock clock, RandomGenerator random,
                            Delays delays) {
        this.settings = Require.nonNull(settings, "settings");
        this.clock = Require.nonNull(clock, "clock");
        Authorizer auth = settings.auth() instanceof ZendeskSettings.ApiToken token
                ? Authorizer.basic(token.email() + "/token", token.token())
                : Authorizer.bearer(((ZendeskSettings.OAuthToken) settings.auth()).token());
        CircuitBreaker breaker = new CircuitBreaker(settings.tuning().breakerThreshold(),
                settings.tuning().breakerCoolDown(), clock);
        this.http = new ResilientHttp(name(), client, auth, breaker, clock, random, delays);
        this.cache = new LookupCache(settings.tuning().hitTtl(), settings.tuning().missTtl(),
                settings.tuning().cacheSize(), clock);
        this.findOrCreate = new FindOrCreate(delays, Duration.ZERO, 2);
    }

    @Override
    public String name() {
        return "zendesk";
    }

    @Override
    public CompletionStage<CrmLookup> lookup(PhoneNumber number) {
        String query = encode("phone:" + number.e164());
        Instant started = clock.instant();
        return Lookups.cached(cache, number,
                () -> http.send(() -> get("/api/v2/users/search.json?query=" + query), settings.tuning().lookup(), true),
                this::matches,
                user -> openTickets(user, started));
    }

    /** The user's unsolved tickets, newest first, in what is left of the lookup's budget. */
    private CompletionStage<List<String>> openTickets(ContactMatch user, Instant started) {
        Optional<Budget> left = settings.tuning().lookup().remainder(started, clock.instant());
        if (left.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String path = "/api/v2/users/" + user.contactId() + "/tickets/requested.json?sort_by=created_at&sort_order=desc";
        return http.send(() -> get(path), left.get(), true).thenApply(result -> {
            List<String> tickets = new ArrayList<>();
            if (result instanceof HttpResult.Answered answered && answered.ok()) {
                for (JsonNode ticket : Lookups.json(answered.body()).path("tickets")) {
                    Optional<String> id = Lookups.text(ticket, "id");
                    if (id.isPresent() && OPEN.contains(ticket.path("status").asText()) && tickets.size() < 5) {
                        tickets.add("#" + id.get() + Lookups.text(ticket, "subject").map(s -> " " + s).orElse(""));
                    }
                }
            }
            return tickets;
        });
    }

    @Override
    public CompletionStage<Boolean> popServerSide(String crmUserId, ContactMatch record) {
        if (!name().equals(record.crm()) || !digits(crmUserId) || !digits(record.contactId())) {
            return CompletableFuture.completedFuture(false);
        }
        String kind = "ticket".equals(record.objectType()) ? "tickets" : "users";
        String path = "/api/v2/channels/voice/agents/" + crmUserId + "/" + kind + "/" + record.contactId() + "/display.json";
        return http.send(() -> HttpRequest.newBuilder(settings.resolve(path)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()), settings.tuning().lookup(), true)
                .thenApply(result -> result instanceof HttpResult.Answered answered && answered.ok());
    }

    @Override
    public CompletionStage<CrmLogResult> logCall(CallLog log) {
        String key = log.idempotencyKey();
        if (ZendeskBodies.asTicket(log)) {
            String body = ZendeskBodies.ticket(log).toString();
            return findOrCreate.run(
                    () -> http.send(() -> get("/api/v2/tickets.json?external_id=" + encode(key)),
                            settings.tuning().log(), true).thenApply(ZendeskConnector::existingTicket),
                    () -> http.send(() -> post("/api/v2/channels/voice/tickets.json", body, key),
                            settings.tuning().log(), false),
                    created -> Lookups.text(Lookups.json(created).path("ticket"), "id"));
        }
        String body = ZendeskBodies.call(log, settings.appId()).toString();
        return findOrCreate.run(
                () -> CompletableFuture.completedFuture(Optional.empty()),
                () -> http.send(() -> post("/api/v2/calls", body, key), settings.tuning().log(), false),
                created -> {
                    JsonNode answer = Lookups.json(created);
                    return Lookups.text(answer.path("call"), "id").or(() -> Lookups.text(answer, "id"));
                });
    }

    /** The breaker, for health reports. */
    public CircuitBreaker.State circuit() {
        return http.breaker().state();
    }

    @Override
    public Optional<String> circuitState() {
        return Optional.of(circuit().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(settings.resolve(pathAndQuery)).header("Accept", "application/json").GET();
    }

    private HttpRequest.Builder post(String path, String json, String idempotencyKey) {
        return HttpRequest.newBuilder(settings.resolve(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static Optional<CrmLogResult> existingTicket(HttpResult result) {
        if (!(result instanceof HttpResult.Answered answered) || !answered.ok()) {
            return Optional.of(FindOrCreate.notLogged(result));
        }
        JsonNode tickets = Lookups.json(answered.body()).path("tickets");
        if (tickets.isArray() && !tickets.isEmpty()) {
            return Lookups.text(tickets.get(0), "id").map(CrmLogResult.Logged::new);
        }
        return Optional.empty();
    }

    private List<ContactMatch> matches(JsonNode answer) {
        List<ContactMatch> matches = new ArrayList<>();
        for (JsonNode user : answer.path("users")) {
            Optional<String> id = Lookups.text(user, "id");
            if (id.isEmpty() || !user.path("active").asBoolean(true)) {
                continue;
            }
            String name = Lookups.text(user, "name").orElse("User " + id.get());
            matches.add(new ContactMatch(name(), "user", id.get(), name,
                    Optional.of(settings.resolve("/agent/users/" + id.get())), Optional.empty(), List.of()));
        }
        return matches;
    }

    private static boolean digits(String id) {
        return id != null && !id.isEmpty() && id.chars().allMatch(Character::isDigit);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
