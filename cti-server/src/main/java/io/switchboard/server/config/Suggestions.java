package io.switchboard.server.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" for misspelt keys and environment variables. */
final class Suggestions {

  private Suggestions() {}

  /** The candidate closest to {@code typed}, if it is close enough to be a plausible typo. */
  static Optional<String> closest(String typed, Collection<String> candidates) {
    return candidates.stream()
        .min(Comparator.comparingInt(c -> distance(typed, c)))
        .filter(c -> distance(typed, c) <= Math.max(2, c.length() / 3));
  }

  static String didYouMean(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  private static int distance(String a, String b) {
    String x = a.toLowerCase();
    String y = b.toLowerCase();
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }
}
