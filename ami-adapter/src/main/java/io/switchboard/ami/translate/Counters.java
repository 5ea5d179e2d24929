package io.switchboard.ami.translate;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Events seen and events skipped, by AMI event name. Cheap to update from the reader thread. */
final class Counters {

    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    private final LongAdder seen = new LongAdder();

    void seen() {
        seen.increment();
    }

    void skipped(String eventName) {
        skipped.computeIfAbsent(eventName, name -> new LongAdder()).increment();
    }

    long seenCount() {
        return seen.sum();
    }

    Map<String, Long> skippedByName() {
        Map<String, Long> copy = new TreeMap<>();
        skipped.forEach((name, count) -> copy.put(name, count.sum()));
        return copy;
    }
}
