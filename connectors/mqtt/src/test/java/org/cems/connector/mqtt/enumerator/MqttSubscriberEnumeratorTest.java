package org.cems.connector.mqtt.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.cems.connector.mqtt.split.MqttSubscriberSplit;
import org.junit.jupiter.api.Test;

class MqttSubscriberEnumeratorTest {

    @Test
    void readerIGetsSubscriberI() {
        FakeContext context = new FakeContext(2);
        MqttSubscriberEnumerator enumerator = new MqttSubscriberEnumerator(context, MqttEnumeratorState.empty());
        context.register(1);
        enumerator.addReader(1);
        context.register(0);
        enumerator.addReader(0);
        assertThat(context.assigned).containsExactly("subscriber-1->1", "subscriber-0->0");
        assertThat(enumerator.snapshotState(1)).isEqualTo(new MqttEnumeratorState(Set.of(0, 1), Set.of()));
    }

    @Test
    void restoredAssignmentsAreNotRepeatedButNewReadersGetTheirSubscriber() {
        FakeContext context = new FakeContext(3);
        MqttSubscriberEnumerator enumerator =
                new MqttSubscriberEnumerator(context, new MqttEnumeratorState(Set.of(0, 1), Set.of()));
        for (int reader = 0; reader < 3; reader++) {
            context.register(reader);
            enumerator.addReader(reader);
        }
        assertThat(context.assigned).containsExactly("subscriber-2->2");
    }

    @Test
    void splitsGivenBackGoToTheRestartedReader() {
        FakeContext context = new FakeContext(2);
        MqttSubscriberEnumerator enumerator =
                new MqttSubscriberEnumerator(context, new MqttEnumeratorState(Set.of(0, 1), Set.of()));
        enumerator.addSplitsBack(List.of(new MqttSubscriberSplit(1)), 1);
        assertThat(context.assigned).isEmpty();
        assertThat(enumerator.snapshotState(2)).isEqualTo(new MqttEnumeratorState(Set.of(0), Set.of(1)));
        context.register(1);
        enumerator.addReader(1);
        assertThat(context.assigned).containsExactly("subscriber-1->1");
    }

    @Test
    void leftoverSessionsAfterScalingDownAreDrainedByIndexModuloParallelism() {
        FakeContext context = new FakeContext(2);
        MqttSubscriberEnumerator enumerator =
                new MqttSubscriberEnumerator(context, new MqttEnumeratorState(Set.of(), Set.of(2, 3)));
        for (int reader = 0; reader < 2; reader++) {
            context.register(reader);
            enumerator.addReader(reader);
        }
        assertThat(context.assigned)
                .containsExactly("subscriber-0->0", "subscriber-2->0", "subscriber-1->1", "subscriber-3->1");
    }

    /** Records assignments; everything else this enumerator never calls. */
    private static final class FakeContext implements SplitEnumeratorContext<MqttSubscriberSplit> {
        final List<String> assigned = new ArrayList<>();
        private final int parallelism;
        private final Map<Integer, ReaderInfo> readers = new HashMap<>();

        FakeContext(int parallelism) {
            this.parallelism = parallelism;
        }

        void register(int subtask) {
            readers.put(subtask, new ReaderInfo(subtask, "localhost"));
        }

        @Override
        public void assignSplits(SplitsAssignment<MqttSubscriberSplit> assignment) {
            assignment
                    .assignment()
                    .forEach(
                            (reader, splits) -> splits.forEach(split -> assigned.add(split.splitId() + "->" + reader)));
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return readers;
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> void callAsync(
                Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            throw new UnsupportedOperationException();
        }
    }
}
