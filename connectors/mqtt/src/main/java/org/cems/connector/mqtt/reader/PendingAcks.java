package org.cems.connector.mqtt.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Acks grouped by the checkpoint that contains their messages, as KafkaSourceReader groups
 * offsets to commit. Acks keep emission order, which is arrival order: MQTT wants PUBACKs in the
 * order the PUBLISHes came. Used on the reader's mailbox thread only; the size is read by metrics.
 */
final class PendingAcks {
    private List<PendingAck> sinceLastSnapshot = new ArrayList<>();
    private final SortedMap<Long, List<PendingAck>> byCheckpoint = new TreeMap<>();
    private volatile int size;

    void add(PendingAck ack) {
        sinceLastSnapshot.add(ack);
        size++;
    }

    /** Everything emitted so far belongs to checkpoint {@code checkpointId}. */
    void snapshot(long checkpointId) {
        byCheckpoint.put(checkpointId, sinceLastSnapshot);
        sinceLastSnapshot = new ArrayList<>();
    }

    /**
     * Removes and returns, oldest first, the acks of {@code checkpointId} and of every earlier
     * checkpoint (an aborted checkpoint's messages are contained in the next completed one).
     */
    List<PendingAck> complete(long checkpointId) {
        SortedMap<Long, List<PendingAck>> done = byCheckpoint.headMap(checkpointId + 1);
        List<PendingAck> acks = new ArrayList<>();
        done.values().forEach(acks::addAll);
        done.clear();
        size -= acks.size();
        return acks;
    }

    int size() {
        return size;
    }
}
