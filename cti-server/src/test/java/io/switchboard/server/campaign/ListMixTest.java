package io.switchboard.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ListMixTest {

  private static ListMix.Source list(String id, int priority, int weight, long firstLead, int count) {
    return new ListMix.Source(id, priority, weight, LongStream.range(firstLead, firstLead + count).boxed().toList());
  }

  @Test
  void a_list_of_higher_priority_is_emptied_before_a_lower_one_is_touched() {
    List<Long> order = new ListMix().pick(List.of(list("low", 0, 5, 100, 3), list("high", 10, 1, 1, 2)), 4);

    assertThat(order).containsExactly(1L, 2L, 100L, 101L);
  }

  @Test
  void lists_of_equal_priority_give_leads_in_proportion_to_their_weights_interleaved() {
    List<Long> order = new ListMix().pick(List.of(list("a", 0, 3, 1, 10), list("b", 0, 1, 100, 10)), 8);

    assertThat(order).containsExactly(1L, 2L, 100L, 3L, 4L, 5L, 101L, 6L);
  }

  @Test
  void the_mix_holds_when_the_dialer_takes_one_lead_at_a_time() {
    ListMix mix = new ListMix();
    StringBuilder lists = new StringBuilder();
    for (int take = 0; take < 8; take++) {
      long lead = mix.pick(List.of(list("a", 0, 3, 1, 10), list("b", 0, 1, 100, 10)), 1).get(0);
      lists.append(lead < 100 ? 'a' : 'b');
    }

    assertThat(lists).hasToString("aabaaaba");
  }

  @Test
  void a_list_that_runs_dry_leaves_the_rest_to_the_others_and_ties_go_by_list_id() {
    List<Long> order = new ListMix().pick(List.of(list("b", 0, 1, 100, 5), list("a", 0, 1, 1, 1)), 4);

    assertThat(order).containsExactly(1L, 100L, 101L, 102L);
  }

  @Test
  void no_more_than_asked_and_nothing_from_empty_lists() {
    assertThat(new ListMix().pick(List.of(list("a", 0, 1, 1, 0)), 3)).isEmpty();
    assertThat(new ListMix().pick(List.of(list("a", 0, 1, 1, 9)), 2)).containsExactly(1L, 2L);
  }
}
