package io.switchboard.crm.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CrmLookup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    private static final PhoneNumber ADA = PhoneNumber.parse("+442079460018", "n");
    private static final PhoneNumber BOB = PhoneNumber.parse("+442079460019", "n");
    private static final PhoneNumber CY = PhoneNumber.parse("+442079460020", "n");

    private final FakeTime time = new FakeTime();
    private final LookupCache cache = new LookupCache(Duration.ofSeconds(60), Duration.ofSeconds(15), 2, time);
    private final CrmLookup found = new CrmLookup.Matched(List.of(CallLogs.contact("hubspot", "contact", "51")));

    @Test
    void a_match_is_kept_for_the_hit_ttl_and_a_miss_for_the_shorter_miss_ttl() {
        cache.put(ADA, found);
        cache.put(BOB, new CrmLookup.NoMatch());

        time.advance(Duration.ofSeconds(14));
        assertThat(cache.get(ADA)).contains(found);
        assertThat(cache.get(BOB)).contains(new CrmLookup.NoMatch());

        time.advance(Duration.ofSeconds(1));
        assertThat(cache.get(BOB)).isEmpty();
        time.advance(Duration.ofSeconds(44));
        assertThat(cache.get(ADA)).contains(found);
        time.advance(Duration.ofSeconds(1));
        assertThat(cache.get(ADA)).isEmpty();
    }

    @Test
    void an_unavailable_crm_is_never_kept() {
        cache.put(ADA, new CrmLookup.Unavailable("crm-timeout", "hubspot timed out"));

        assertThat(cache.get(ADA)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void the_least_recently_used_number_goes_first_when_full() {
        cache.put(ADA, found);
        cache.put(BOB, found);
        cache.get(ADA);
        cache.put(CY, found);

        assertThat(cache.get(BOB)).isEmpty();
        assertThat(cache.get(ADA)).isPresent();
        assertThat(cache.get(CY)).isPresent();
        assertThat(cache.size()).isEqualTo(2);
    }
}
