package io.switchboard.crm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.crm.CrmLookup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Turns a CRM's search answer into a {@link CrmLookup}, through the cache, and reads its JSON. */
public final class Lookups {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Lookups() {
    }

    /**
     * The cached lookup of {@code number}, or the CRM's answer to {@code search} read by {@code parse} (and
     * cached unless it says the CRM was unavailable).
     */
    public static CompletionStage<CrmLookup> cached(LookupCache cache, PhoneNumber number,
                                                    Supplier<CompletionStage<HttpResult>> search,
                                                    Function<JsonNode, List<ContactMatch>> parse) {
        return cached(cache, number, search, parse, match -> CompletableFuture.completedFuture(List.of()));
    }

    /**
     * Like {@link #cached(LookupCache, PhoneNumber, Supplier, Function)}, and when exactly one record holds the
     * number, asks {@code openTickets} for its open tickets or cases, newest first. A failure there leaves the
     * match without tickets: the pop matters more than its details.
     */
    public static CompletionStage<CrmLookup> cached(LookupCache cache, PhoneNumber number,
                                                    Supplier<CompletionStage<HttpResult>> search,
                                                    Function<JsonNode, List<ContactMatch>> parse,
                                                    Function<ContactMatch, CompletionStage<List<String>>> openTickets) {
        Optional<CrmLookup> hit = cache.get(number);
        if (hit.isPresent()) {
            return CompletableFuture.completedFuture(hit.get());
        }
        return search.get()
                .thenApply(result -> answer(result, parse))
                .thenCompose(lookup -> withTickets(lookup, openTickets))
                .thenApply(lookup -> {
                    cache.put(number, lookup);
                    return lookup;
                });
    }

    private static CompletionStage<CrmLookup> withTickets(CrmLookup lookup,
                                                          Function<ContactMatch, CompletionStage<List<String>>> openTickets) {
        if (!(lookup instanceof CrmLookup.Matched matched) || !matched.unique()) {
            return CompletableFuture.completedFuture(lookup);
        }
        ContactMatch match = matched.matches().get(0);
        return openTickets.apply(match).handle((tickets, failure) -> failure != null || tickets.isEmpty() ? lookup
                : new CrmLookup.Matched(List.of(new ContactMatch(match.crm(), match.objectType(), match.contactId(),
                        match.displayName(), match.link(), match.ownerId(), tickets))));
    }

    /** {@code Matched} or {@code NoMatch} from a 2xx; {@code Unavailable} from anything else. */
    public static CrmLookup answer(HttpResult result, Function<JsonNode, List<ContactMatch>> parse) {
        if (result instanceof HttpResult.Failed failed) {
            return new CrmLookup.Unavailable(failed.errorId(), failed.message());
        }
        HttpResult.Answered answered = (HttpResult.Answered) result;
        if (!answered.ok()) {
            return new CrmLookup.Unavailable("crm-rejected", "the CRM refused the search with " + answered.status());
        }
        try {
            List<ContactMatch> matches = parse.apply(json(answered.body()));
            return matches.isEmpty() ? new CrmLookup.NoMatch() : new CrmLookup.Matched(matches);
        } catch (RuntimeException unreadable) {
            return new CrmLookup.Unavailable("crm-bad-answer",
                    "the CRM's search answer could not be read: " + unreadable.getClass().getSimpleName());
        }
    }

    /** {@code body} as JSON; an empty body is an empty object. */
    public static JsonNode json(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The text of {@code field}, if it is present, not null and not blank (numbers are read as text). */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The shared mapper, for building request bodies. */
    public static ObjectMapper mapper() {
        return JSON;
    }
}
