package org.cems.job.emission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cems.job.emission.SourceWindowsTest.HOUR;
import static org.cems.job.emission.SourceWindowsTest.HOUR10;
import static org.cems.job.emission.SourceWindowsTest.MINUTE;
import static org.cems.job.emission.SourceWindowsTest.MN1;
import static org.cems.job.emission.SourceWindowsTest.reading;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
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
import org.cems.core.normalize.Normalizer;
import org.cems.core.normalize.SourceReading;
import org.cems.core.reading.FacilityStatus;
import org.cems.core.reading.Reading;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.decode.DeadLetter;
import org.cems.job.decode.DecodePayloads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A savepoint of the separate value states that the windows kept before {@link SourceProgress}
 * (clock, closed-up-to time, arrival, timer, minute interval, the clock guard's arrival) restores:
 * the source goes on from where they left it, and they are cleared. On the heap and in RocksDB.
 */
class SourceProgressMigrationTest {
    private static final long LATENESS = 2 * HOUR;
    private static final long THIRTEEN = HOUR10 + 3 * HOUR;

    private final Normalizer normalizer = new Normalizer();

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aSourceGoesOnFromItsSeparateStates(String backend) throws Exception {
        goesOn(backend, false);
    }

    /** A facility status, which changes none of the values, may be the first record after the restore. */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aFacilityStatusFirstKeepsWhatTheStatesHeld(String backend) throws Exception {
        goesOn(backend, true);
    }

    private void goesOn(String backend, boolean facilityStatusFirst) throws Exception {
        OperatorSubtaskState separate;
        try (var h = harness(new SeparateStates(true), backend)) {
            h.open();
            h.processElement1(sourceReading(reading(MN1, "2051", THIRTEEN - 10 * MINUTE, 10, "N", 1_000_000)), 0);
            separate = h.snapshot(1, 1);
        }
        OperatorSubtaskState migrated;
        try (var h = harness(windows(), backend)) {
            h.initializeState(separate);
            h.open();
            h.setProcessingTime(3 * HOUR);
            if (facilityStatusFirst) {
                h.processElement2(new FacilityStatus(MN1, "SB1", THIRTEEN, FacilityStatus.RUNNING), THIRTEEN);
            }
            // closed up to 13:00: 10:59 is more than the 2 h lateness behind
            send(h, reading(MN1, "2011", HOUR10 + 59 * MINUTE, 10, "N", 1_000_000));
            assertThat(deadLetterReasons(h)).containsExactly("late");
            // the clock is at 13:00 and the guard accepted a reading at this arrival: 15:00 is a jump, held
            send(h, reading(MN1, "2011", THIRTEEN + 2 * HOUR, 10, "N", 1_000_000));
            assertThat(h.extractOutputValues()).isEmpty();
            // the learned 10-minute interval: the 13:00 record covers to 13:10, and its minute closes
            send(h, reading(MN1, "2051", THIRTEEN, 10, "N", 1_000_000));
            List<EmissionRecord> minutes = h.extractOutputValues().stream()
                    .filter(r -> r.window.equals("1m"))
                    .toList();
            assertThat(minutes).isNotEmpty().allSatisfy(r -> {
                assertThat(r.windowStartMillis).isEqualTo(THIRTEEN);
                assertThat(r.durationMinutes).isEqualTo(10);
            });
            migrated = h.snapshot(2, 2);
        }
        try (var h = harness(new SeparateStates(false), backend)) {
            h.initializeState(migrated);
            h.open();
            h.processElement1(sourceReading(reading(MN1, "2011", THIRTEEN, 10, "N", 1_000_000)), 0);
            assertThat(h.extractOutputValues()).as("separate states left").isEmpty();
        }
    }

    private SourceWindows windows() throws Exception {
        Registry registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-test.yaml").toURI()));
        return new SourceWindows(registry, new WindowSettings(0, LATENESS, 5 * MINUTE, "Asia/Shanghai", 1));
    }

    private void send(
            KeyedTwoInputStreamOperatorTestHarness<String, SourceReading, FacilityStatus, EmissionRecord> h, Reading r)
            throws Exception {
        h.processElement1(sourceReading(r), r.timeMillis);
    }

    private SourceReading sourceReading(Reading r) throws Exception {
        return normalizer.normalize(
                r,
                RegistryLoader.load(Path.of(
                                getClass().getResource("/registry-test.yaml").toURI()))
                        .byMn(r.mn));
    }

    private static List<String> deadLetterReasons(KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, ?> h) {
        var side = h.getSideOutput(DecodePayloads.DEAD_LETTERS);
        return side == null
                ? List.of()
                : side.stream().map(rec -> ((DeadLetter) rec.getValue()).reason).toList();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, SourceReading, FacilityStatus, EmissionRecord>
            harness(
                    KeyedCoProcessFunction<String, SourceReading, FacilityStatus, EmissionRecord> function,
                    String backend)
                    throws Exception {
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(function), r -> r.mn, f -> f.mn, Types.STRING);
        h.setStateBackend(backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
        return h;
    }

    /**
     * The separate states as the windows described them before: writes what a 10-minute source
     * whose 12:50 record arrived at 3 h of processing time left, or, reading, emits a record for
     * each of them still set.
     */
    static final class SeparateStates
            extends KeyedCoProcessFunction<String, SourceReading, FacilityStatus, EmissionRecord> {
        private final boolean write;
        private transient List<ValueState<?>> states;
        private transient ValueState<Long> clock;
        private transient ValueState<Long> closedUpTo;
        private transient ValueState<Long> lastArrival;
        private transient ValueState<Long> idleTimer;
        private transient ValueState<MinuteInterval> interval;
        private transient ValueState<EmissionAccounting> accounting;
        private transient ValueState<Long> acceptedArrival;

        SeparateStates(boolean write) {
            this.write = write;
        }

        @Override
        public void open(OpenContext ctx) {
            clock = getRuntimeContext().getState(new ValueStateDescriptor<>("clock", Long.class));
            closedUpTo = getRuntimeContext().getState(new ValueStateDescriptor<>("closedUpTo", Long.class));
            lastArrival = getRuntimeContext().getState(new ValueStateDescriptor<>("lastArrival", Long.class));
            idleTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("idleTimer", Long.class));
            interval = getRuntimeContext().getState(new ValueStateDescriptor<>("minuteInterval", MinuteInterval.class));
            accounting = getRuntimeContext()
                    .getState(new ValueStateDescriptor<>(
                            "accounting",
                            SerializerTypeInfo.of(EmissionAccounting.class, EmissionAccountingSerializer.INSTANCE)));
            acceptedArrival =
                    getRuntimeContext().getState(new ValueStateDescriptor<>("clockGuardAcceptedArrival", Long.class));
            states = List.of(clock, closedUpTo, lastArrival, idleTimer, interval, acceptedArrival);
        }

        @Override
        public void processElement1(SourceReading r, Context ctx, Collector<EmissionRecord> out) throws Exception {
            if (!write) {
                for (ValueState<?> s : states) {
                    if (s.value() != null) {
                        out.collect(new EmissionRecord());
                    }
                }
                return;
            }
            clock.update(THIRTEEN);
            closedUpTo.update(THIRTEEN);
            lastArrival.update(3 * HOUR);
            idleTimer.update(3 * HOUR + 5 * MINUTE);
            MinuteInterval learned = new MinuteInterval();
            learned.observe(THIRTEEN - 20 * MINUTE);
            learned.observe(THIRTEEN - 10 * MINUTE);
            interval.update(learned);
            EmissionAccounting a = new EmissionAccounting();
            a.sawDataAt(HOUR10);
            accounting.update(a);
            acceptedArrival.update(3 * HOUR);
        }

        @Override
        public void processElement2(FacilityStatus f, Context ctx, Collector<EmissionRecord> out) {}
    }
}
