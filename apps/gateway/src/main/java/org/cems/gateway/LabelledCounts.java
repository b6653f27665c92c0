package org.cems.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts by one label value (a CN, a reject reason). The values come from the network, so their
 * number is bounded: past {@link #MAX_VALUES} distinct ones, further values count as {@code other}
 * and a scrape stays small whatever a hostile logger sends.
 */
final class LabelledCounts {
    static final int MAX_VALUES = 100;
    static final String OTHER = "other";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void increment(String value) {
        LongAdder count = counts.get(value);
        if (count == null) {
            count = counts.size() < MAX_VALUES
                    ? counts.computeIfAbsent(value, v -> new LongAdder())
                    : counts.computeIfAbsent(OTHER, v -> new LongAdder());
        }
        count.increment();
    }

    /** The counts, sorted by label value. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((value, count) -> out.put(value, count.sum()));
        return out;
    }
}
