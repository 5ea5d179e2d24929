package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.call.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.switchboard.queue.dialer.compliance.Leads.phone;
import static org.assertj.core.api.Assertions.assertThat;

class CallerIdPoolTest {

    private static final PhoneNumber SAN_FRANCISCO = phone("+14155550100");
    private static final PhoneNumber MANHATTAN = phone("+12125550100");
    private static final PhoneNumber LONDON = phone("+442079460018");
    private static final PhoneNumber MANCHESTER = phone("+441614960000");

    @Test
    void a_number_with_the_callees_npa_is_presented() {
        CallerIdPool pool = new CallerIdPool(List.of(SAN_FRANCISCO, MANHATTAN));

        assertThat(pool.forCallee(phone("+12125550199"))).contains(MANHATTAN);
        assertThat(pool.forCallee(phone("+14155550123"))).contains(SAN_FRANCISCO);
    }

    @Test
    void outside_the_nanp_the_geographic_area_code_is_matched() {
        CallerIdPool pool = new CallerIdPool(List.of(SAN_FRANCISCO, MANCHESTER, LONDON));

        assertThat(CallerIdPool.areaOf(phone("+442079460999"))).contains("44-20");
        assertThat(pool.forCallee(phone("+442079460999"))).contains(LONDON);
        assertThat(pool.forCallee(phone("+441614960123"))).contains(MANCHESTER);
    }

    @Test
    void without_an_area_code_match_a_number_of_the_callees_country_is_presented() {
        CallerIdPool pool = new CallerIdPool(List.of(LONDON, SAN_FRANCISCO));

        assertThat(pool.forCallee(phone("+16465550100"))).contains(SAN_FRANCISCO);
        assertThat(CallerIdPool.areaOf(phone("+447700900123"))).isEmpty();
        assertThat(pool.forCallee(phone("+447700900123"))).contains(LONDON);
    }

    @Test
    void a_callee_of_another_country_gets_the_pools_first_number_and_an_empty_pool_gives_none() {
        assertThat(new CallerIdPool(List.of(LONDON, SAN_FRANCISCO)).forCallee(phone("+33142685300"))).contains(LONDON);
        assertThat(new CallerIdPool(List.of()).forCallee(phone("+33142685300"))).isEmpty();
    }

    @Test
    void equally_good_numbers_are_spread_over_callees_and_each_callee_always_sees_the_same_one() {
        PhoneNumber otherManhattan = phone("+12125550111");
        CallerIdPool pool = new CallerIdPool(List.of(MANHATTAN, otherManhattan));
        Set<PhoneNumber> presented = new HashSet<>();

        for (int i = 0; i < 20; i++) {
            PhoneNumber callee = phone("+1212555" + (2000 + i));
            presented.add(pool.forCallee(callee).orElseThrow());
            assertThat(pool.forCallee(callee)).isEqualTo(pool.forCallee(callee));
        }

        assertThat(presented).containsExactlyInAnyOrder(MANHATTAN, otherManhattan);
    }
}
