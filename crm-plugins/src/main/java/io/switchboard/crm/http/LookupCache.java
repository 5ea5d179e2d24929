package io.switchboard.crm.http;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CrmLookup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers recent lookups per number so a caller who rings again (or a transfer) does not ask the CRM twice:
 * a {@link CrmLookup.Matched} for the hit TTL, a {@link CrmLookup.NoMatch} for the (shorter) miss TTL, so a
 * record created during the call is found soon. {@link CrmLookup.Unavailable} is never kept: the next call
 * asks again. Bounded: the least recently used number goes first. Thread-safe.
 */
public final class LookupCache {

    private record Entry(CrmLookup lookup, Instant expires) {
    }

    private final Duration hitTtl;
    private final Duration missTtl;
    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries;

    /**
     * @param maxEntries numbers kept at most; 0 turns the cache off
     */
    public LookupCache(Duration hitTtl, Duration missTtl, int maxEntries, Clock clock) {
        this.hitTtl = Require.nonNegative(hitTtl, "hitTtl");
        this.missTtl = Require.nonNegative(missTtl, "missTtl");
        this.maxEntries = Require.atLeast(maxEntries, 0, "maxEntries");
        this.clock = Require.nonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > LookupCache.this.maxEntries;
            }
        };
    }

    /** The lookup remembered for {@code number}, if it has not expired. */
    public synchronized Optional<CrmLookup> get(PhoneNumber number) {
        Entry entry = entries.get(number.e164());
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(number.e164());
            return Optional.empty();
        }
        return Optional.of(entry.lookup());
    }

    /** Remembers {@code lookup} for {@code number}, unless it says the CRM was unavailable. */
    public synchronized void put(PhoneNumber number, CrmLookup lookup) {
        Duration ttl = lookup instanceof CrmLookup.Matched ? hitTtl
                : lookup instanceof CrmLookup.NoMatch ? missTtl : Duration.ZERO;
        if (ttl.isZero() || maxEntries == 0) {
            return;
        }
        entries.put(number.e164(), new Entry(lookup, clock.instant().plus(ttl)));
    }

    /** Numbers held now, expired ones included until they are next read. */
    public synchronized int size() {
        return entries.size();
    }
}
