package org.cems.job.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

/** What Flink's StringValue wrote reads back the same: null, empty, ASCII, Chinese, surrogates, long. */
class WireStringsTest {

    @Test
    void readsWhatStringValueWrote() throws Exception {
        Random random = new Random(18);
        List<String> strings = new ArrayList<>(List.of(
                "", "a21026", "N", "power/u1-stack", "测试电厂", "a21026 测试 N", "😀", "x".repeat(127), "é".repeat(300)));
        strings.add(null);
        for (int i = 0; i < 500; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(i < 450 ? 40 : 20_000);
            for (int k = 0; k < length; k++) {
                s.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(128)));
            }
            strings.add(s.toString());
        }
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        for (String s : strings) {
            StringValue.writeString(s, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        List<String> read = new ArrayList<>();
        for (int i = 0; i < strings.size(); i++) {
            read.add(WireStrings.read(in));
        }
        assertThat(read).isEqualTo(strings);
        assertThat(in.available()).isZero();
    }
}
