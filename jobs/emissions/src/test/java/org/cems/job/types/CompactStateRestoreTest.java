package org.cems.job.types;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.cems.connector.base.SerializerTypeInfo;
import org.cems.job.efficiency.DeviceWindow;
import org.cems.job.efficiency.DeviceWindowSerializer;
import org.cems.job.efficiency.SideFigures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A checkpoint whose map state the POJO serializer wrote (as before issue 18) restores under the
 * compact serializer with the same state name, on the heap and in RocksDB, and the next
 * checkpoint restores as it is.
 */
class CompactStateRestoreTest {

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void pojoStateRestoresUnderTheCompactSerializer(String backend) throws Exception {
        OperatorSubtaskState old;
        try (var h = harness(false, backend)) {
            h.open();
            h.processElement("put", 0);
            old = h.snapshot(1, 1);
        }
        OperatorSubtaskState migrated;
        try (var h = harness(true, backend)) {
            h.initializeState(old);
            h.open();
            h.processElement("get", 1);
            assertThat(h.extractOutputValues()).containsExactly("812.5 35.25 1 true");
            migrated = h.snapshot(2, 2);
        }
        try (var h = harness(true, backend)) {
            h.initializeState(migrated);
            h.open();
            h.processElement("get", 2);
            assertThat(h.extractOutputValues()).containsExactly("812.5 35.25 1 true");
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> harness(
            boolean compact, String backend) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Windows(compact)), v -> "E001/S01", Types.STRING);
        StateBackend b = backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
        h.setStateBackend(b);
        return h;
    }

    /** Device-efficiency's {@code windows} state, described as before (POJO) or as now. */
    static final class Windows extends KeyedProcessFunction<String, String, String> {
        private final boolean compact;
        private transient MapState<String, DeviceWindow> windows;

        Windows(boolean compact) {
            this.compact = compact;
        }

        @Override
        public void open(OpenContext ctx) {
            windows = getRuntimeContext()
                    .getMapState(
                            compact
                                    ? new MapStateDescriptor<>(
                                            "windows",
                                            Types.STRING,
                                            SerializerTypeInfo.of(DeviceWindow.class, DeviceWindowSerializer.INSTANCE))
                                    : new MapStateDescriptor<>("windows", String.class, DeviceWindow.class));
        }

        @Override
        public void processElement(String command, Context ctx, Collector<String> out) throws Exception {
            if (command.equals("put")) {
                DeviceWindow w = new DeviceWindow();
                w.inlet = new SideFigures();
                w.inlet.concRefMgM3 = 812.5;
                w.inlet.validCount = 1;
                w.inlet.valid = true;
                w.outlet = new SideFigures();
                w.outlet.concRefMgM3 = 35.25;
                w.outlet.validCount = 1;
                w.outlet.valid = true;
                windows.put("1m|0", w);
                return;
            }
            DeviceWindow w = windows.get("1m|0");
            out.collect(
                    w.inlet.concRefMgM3 + " " + w.outlet.concRefMgM3 + " " + w.outlet.validCount + " " + w.running());
        }
    }
}
