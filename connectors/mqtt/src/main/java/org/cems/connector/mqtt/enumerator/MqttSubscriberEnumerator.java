package org.cems.connector.mqtt.enumerator;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.cems.connector.mqtt.split.MqttSubscriberSplit;

/**
 * Gives reader i subscriber i, so client ids are stable, plus any subscriber handed back whose
 * index maps to it ({@code index % parallelism}), so sessions left over after scaling down are
 * still drained. Splits never finish: the source is unbounded.
 */
@Internal
public final class MqttSubscriberEnumerator implements SplitEnumerator<MqttSubscriberSplit, MqttEnumeratorState> {
    private final SplitEnumeratorContext<MqttSubscriberSplit> context;
    private final Set<Integer> assigned;
    private final Set<Integer> unassigned;

    public MqttSubscriberEnumerator(SplitEnumeratorContext<MqttSubscriberSplit> context, MqttEnumeratorState state) {
        this.context = context;
        this.assigned = new TreeSet<>(state.assigned());
        this.unassigned = new TreeSet<>(state.unassigned());
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // splits are pushed when readers register
    }

    @Override
    public void addSplitsBack(List<MqttSubscriberSplit> splits, int subtaskId) {
        for (MqttSubscriberSplit split : splits) {
            assigned.remove(split.index());
            unassigned.add(split.index());
        }
        if (context.registeredReaders().containsKey(subtaskId)) {
            assignTo(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        assignTo(subtaskId);
    }

    private void assignTo(int subtaskId) {
        int parallelism = context.currentParallelism();
        Set<Integer> indexes = new TreeSet<>();
        if (!assigned.contains(subtaskId)) {
            indexes.add(subtaskId);
        }
        for (int index : unassigned) {
            if (index % parallelism == subtaskId) {
                indexes.add(index);
            }
        }
        for (int index : indexes) {
            context.assignSplit(new MqttSubscriberSplit(index), subtaskId);
            unassigned.remove(index);
            assigned.add(index);
        }
    }

    @Override
    public MqttEnumeratorState snapshotState(long checkpointId) {
        return new MqttEnumeratorState(assigned, unassigned);
    }

    @Override
    public void close() {}
}
