package io.switchboard.queue.selection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** A random source that returns what the test scripted, and fails a test that draws more than that. */
final class ScriptedRandom implements RandomGenerator {

    private final Deque<Integer> ints = new ArrayDeque<>();
    private final Deque<Double> doubles = new ArrayDeque<>();

    void willDrawInt(int value) {
        ints.add(value);
    }

    void willDrawDouble(double value) {
        doubles.add(value);
    }

    @Override
    public int nextInt(int bound) {
        int value = next(ints, "int");
        if (value < 0 || value >= bound) {
            throw new AssertionError("scripted int " + value + " is outside [0, " + bound + ")");
        }
        return value;
    }

    @Override
    public double nextDouble() {
        return next(doubles, "double");
    }

    @Override
    public long nextLong() {
        throw new AssertionError("selection drew an unscripted long");
    }

    private static <T> T next(Deque<T> values, String kind) {
        if (values.isEmpty()) {
            throw new AssertionError("selection drew an unscripted " + kind);
        }
        return values.poll();
    }
}
