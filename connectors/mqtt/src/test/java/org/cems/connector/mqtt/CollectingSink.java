package org.cems.connector.mqtt;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Records every record with the subtask that wrote it, in static maps that outlive job restarts
 * (the MiniCluster runs in this JVM). Each test uses its own name.
 */
final class CollectingSink implements Sink<String> {
    private static final Map<String, Collected> BY_NAME = new ConcurrentHashMap<>();

    private final String name;

    private CollectingSink(String name) {
        this.name = name;
    }

    /** A fresh, empty collection under {@code name}. */
    static CollectingSink create(String name) {
        BY_NAME.put(name, new Collected());
        return new CollectingSink(name);
    }

    Collected collected() {
        return BY_NAME.get(name);
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        Collected collected = BY_NAME.get(name);
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        return new SinkWriter<>() {
            @Override
            public void write(String record, Context ctx) {
                collected.add(record, subtask);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }

    /** What one test's job wrote. */
    static final class Collected {
        /** Record → how often it was written. */
        final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        /** Subtask → records it wrote. */
        final Map<Integer, Set<String>> bySubtask = new ConcurrentHashMap<>();

        final AtomicLong total = new AtomicLong();

        void add(String record, int subtask) {
            counts.computeIfAbsent(record, r -> new AtomicLong()).incrementAndGet();
            bySubtask
                    .computeIfAbsent(subtask, s -> ConcurrentHashMap.newKeySet())
                    .add(record);
            total.incrementAndGet();
        }

        boolean containsAll(Iterable<String> records) {
            for (String record : records) {
                if (!counts.containsKey(record)) {
                    return false;
                }
            }
            return true;
        }

        long distinctWithPrefix(String prefix) {
            return counts.keySet().stream().filter(r -> r.startsWith(prefix)).count();
        }
    }
}
