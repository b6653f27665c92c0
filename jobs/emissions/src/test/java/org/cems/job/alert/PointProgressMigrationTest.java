package org.cems.job.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cems.job.alert.AlertEnginesTest.HOUR;
import static org.cems.job.alert.AlertEnginesTest.MINUTE;
import static org.cems.job.alert.AlertEnginesTest.T0;
import static org.cems.job.alert.AlertEnginesTest.reading;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.core.normalize.SourceReading;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.config.JobConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A savepoint of the separate value states that the reading alerts kept before
 * {@link PointProgress} (newest DataTime, arrival, timer, clock-skew times) restores: each rule
 * goes on from where they left it (a firing no-data alert resolves, a fault run fires from its
 * start, a firing clock-skew alert resolves with its start), and they are cleared. On the heap
 * and in RocksDB.
 */
class PointProgressMigrationTest {
    private static final long CLOCK_FIRING_SINCE = T0 - 2 * HOUR;
    private static final long SILENT_SINCE = T0 - HOUR;

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void eachRuleGoesOnFromTheSeparateStates(String backend) throws Exception {
        OperatorSubtaskState separate;
        try (var h = harness(new SeparateStates(true), backend)) {
            h.open();
            h.processElement1(reading(T0 + 10 * MINUTE, "D"), 0);
            separate = h.snapshot(1, 1);
        }
        OperatorSubtaskState migrated;
        try (var h = harness(readingAlerts(), backend)) {
            h.initializeState(separate);
            h.open();
            h.setProcessingTime(T0 + 20 * MINUTE);
            h.processElement1(reading(T0 + 20 * MINUTE, "D"), 0);
            // D since 10:00, allowed 10 min: fires from 10:00; the point's silence ends
            assertThat(events(h))
                    .containsExactlyInAnyOrder("no_data resolved " + SILENT_SINCE, "instrument_fault firing " + T0);
            h.setProcessingTime(T0 + 50 * MINUTE);
            h.processElement1(reading(T0 + 50 * MINUTE, "D"), 0);
            // on time for the 30 min sustain: the clock-skew alert that fired at 08:00 resolves
            assertThat(events(h)).contains("clock_skew resolved " + CLOCK_FIRING_SINCE);
            migrated = h.snapshot(2, 2);
        }
        try (var h = harness(new SeparateStates(false), backend)) {
            h.initializeState(migrated);
            h.open();
            h.processElement1(reading(T0 + 60 * MINUTE, "N"), 0);
            assertThat(h.extractOutputValues()).as("separate states left").isEmpty();
        }
    }

    private static List<String> events(KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, AlertEvent> h) {
        return h.extractOutputValues().stream()
                .map(a -> a.type + " " + a.state + " " + a.startMillis)
                .toList();
    }

    private ReadingAlerts readingAlerts() throws Exception {
        return new ReadingAlerts(
                RegistryLoader.load(
                        Path.of(getClass().getResource("/registry-devices.yaml").toURI())),
                AlertSettings.of(new JobConfig.Alerts(), "Asia/Shanghai"));
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, SourceReading, SourceReading, AlertEvent> harness(
            KeyedCoProcessFunction<String, SourceReading, SourceReading, AlertEvent> function, String backend)
            throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(function), r -> r.mn, r -> r.mn, Types.STRING);
        h.setStateBackend(backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
        return h;
    }

    /**
     * The states as the rules described them before: writes what a point left that has been
     * silent since 09:00, flagged D since 10:00 and has had its clock off since 08:00, or,
     * reading, emits an event for each separate value still set.
     */
    static final class SeparateStates extends KeyedCoProcessFunction<String, SourceReading, SourceReading, AlertEvent> {
        private final boolean write;
        private transient List<ValueState<Long>> separate;
        private transient ValueState<Long> newest;
        private transient ValueState<Long> lastArrival;
        private transient ValueState<Long> timer;
        private transient ValueState<AlertEvent> firing;
        private transient MapState<String, FlagRun> runs;
        private transient ValueState<Long> clockFiringSince;

        SeparateStates(boolean write) {
            this.write = write;
        }

        @Override
        public void open(OpenContext ctx) {
            newest = getRuntimeContext().getState(new ValueStateDescriptor<>("newest", Long.class));
            lastArrival = getRuntimeContext().getState(new ValueStateDescriptor<>("lastArrival", Long.class));
            timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Long.class));
            firing = getRuntimeContext().getState(new ValueStateDescriptor<>("firing", AlertEvent.class));
            runs = getRuntimeContext()
                    .getMapState(new MapStateDescriptor<>(
                            "flagRuns",
                            Types.STRING,
                            SerializerTypeInfo.of(FlagRun.class, FlagRunSerializer.INSTANCE)));
            ValueState<Long> clockChangingSince =
                    getRuntimeContext().getState(new ValueStateDescriptor<>("clockChangingSince", Long.class));
            clockFiringSince = getRuntimeContext().getState(new ValueStateDescriptor<>("clockFiringSince", Long.class));
            separate = List.of(newest, lastArrival, timer, clockChangingSince, clockFiringSince);
        }

        @Override
        public void processElement1(SourceReading r, Context ctx, Collector<AlertEvent> out) throws Exception {
            if (!write) {
                for (ValueState<Long> s : separate) {
                    if (s.value() != null) {
                        out.collect(new AlertEvent());
                    }
                }
                return;
            }
            newest.update(T0 + 10 * MINUTE);
            lastArrival.update(T0 + 10 * MINUTE);
            timer.update(T0 + 40 * MINUTE);
            firing.update(AlertEvents.of(
                    AlertType.NO_DATA, AlertEvent.FIRING, "power/u1-fgd-in", SILENT_SINCE, SILENT_SINCE));
            FlagRun fault = new FlagRun();
            fault.flaggedSinceMillis = T0;
            runs.put("D", fault);
            clockFiringSince.update(CLOCK_FIRING_SINCE);
        }

        @Override
        public void processElement2(SourceReading r, Context ctx, Collector<AlertEvent> out) {}
    }
}
