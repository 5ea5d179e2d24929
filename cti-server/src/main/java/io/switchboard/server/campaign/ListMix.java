package io.switchboard.server.campaign;

import io.switchboard.core.Require;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order leads are taken from a campaign's active lists: lists of higher priority first; lists of the same
 * priority mixed by weight with smooth weighted round robin (nginx's upstream balancer), so a list of weight 3
 * gives three leads for each one of a list of weight 1, interleaved ({@code A A B A}, not {@code A A A B}).
 * Deterministic: lists of equal standing go in id order. The weights' running totals are kept between calls,
 * so a dialer taking one lead at a time still gets the mix. One instance per campaign; thread-safe.
 */
final class ListMix {

  /** One list's candidates for this take, best first (lead priority, then oldest). */
  record Source(String list, int priority, int weight, List<Long> leads) {
    Source {
      Require.nonNull(list, "list");
      Require.atLeast(weight, 1, "weight");
      leads = List.copyOf(leads);
    }
  }

  private final Map<String, Integer> current = new HashMap<>();

  /** Up to {@code max} lead ids, in the order they should be dialled. */
  synchronized List<Long> pick(List<Source> sources, int max) {
    TreeMap<Integer, List<Source>> byPriority = new TreeMap<>(Comparator.reverseOrder());
    sources.stream().sorted(Comparator.comparing(Source::list))
        .forEach(source -> byPriority.computeIfAbsent(source.priority(), p -> new ArrayList<>()).add(source));
    List<Long> picked = new ArrayList<>();
    for (List<Source> group : byPriority.values()) {
      Map<String, Deque<Long>> left = new HashMap<>();
      group.forEach(source -> left.put(source.list(), new ArrayDeque<>(source.leads())));
      while (picked.size() < max) {
        List<Source> live = group.stream().filter(source -> !left.get(source.list()).isEmpty()).toList();
        if (live.isEmpty()) {
          break;
        }
        int total = live.stream().mapToInt(Source::weight).sum();
        Source best = null;
        for (Source source : live) {
          int weight = current.merge(source.list(), source.weight(), Integer::sum);
          if (best == null || weight > current.get(best.list())) {
            best = source;
          }
        }
        current.merge(best.list(), -total, Integer::sum);
        picked.add(left.get(best.list()).poll());
      }
      if (picked.size() >= max) {
        break;
      }
    }
    return picked;
  }
}
