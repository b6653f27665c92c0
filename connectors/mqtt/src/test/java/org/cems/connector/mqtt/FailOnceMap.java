package org.cems.connector.mqtt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through and fails the job once, after {@code failAfter} records and at least
 * one completed checkpoint, so the restart really starts from a checkpoint. State is static so
 * the restarted job does not fail again.
 */
final class FailOnceMap implements MapFunction<String, String>, CheckpointListener {
    private static final Map<String, AtomicLong> SEEN = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> CHECKPOINTED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> FAILED = new ConcurrentHashMap<>();

    private final String name;
    private final long failAfter;

    private FailOnceMap(String name, long failAfter) {
        this.name = name;
        this.failAfter = failAfter;
    }

    static FailOnceMap create(String name, long failAfter) {
        SEEN.put(name, new AtomicLong());
        CHECKPOINTED.put(name, new AtomicBoolean());
        FAILED.put(name, new AtomicBoolean());
        return new FailOnceMap(name, failAfter);
    }

    boolean hasFailed() {
        return FAILED.get(name).get();
    }

    @Override
    public String map(String record) {
        if (SEEN.get(name).incrementAndGet() >= failAfter
                && CHECKPOINTED.get(name).get()
                && FAILED.get(name).compareAndSet(false, true)) {
            throw new IllegalStateException("forced failure after " + failAfter + " records");
        }
        return record;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINTED.get(name).set(true);
    }
}
