package org.cems.connector.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The builder sorts tags and fields once, at build: what was added in any order, again or removed. */
class InfluxPointBuilderTest {
    static final long TIME = 1_700_000_000_000L;

    @Test
    void aWidePointIsSortedWhateverTheOrderOfItsFields() {
        List<String> keys = new ArrayList<>();
        for (String code : List.of("a21026", "a21002", "a34013", "a24088", "a05001", "a19001", "a01012")) {
            for (String figure : List.of("valid_count", "conc_ref_mg_m3", "mass_kg", "limit_mg_m3", "exceeded")) {
                keys.add(code + "_" + figure);
            }
        }
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(7));
        InfluxPoint.Builder inOrder = InfluxPoint.measurement("emission").timeMillis(TIME);
        InfluxPoint.Builder anyOrder = InfluxPoint.measurement("emission").timeMillis(TIME);
        Collections.sort(keys);
        keys.forEach(k -> inOrder.field(k, (long) k.hashCode()));
        shuffled.forEach(k -> anyOrder.field(k, (long) k.hashCode()));

        InfluxPoint point = anyOrder.build();
        assertThat(point).isEqualTo(inOrder.build());
        String line = LineProtocol.encode(point, WritePrecision.MILLISECONDS);
        List<Integer> at = keys.stream().map(k -> line.indexOf(k + "=")).toList();
        assertThat(at).doesNotContain(-1).isSorted();
    }

    @Test
    void aKeyAddedAgainKeepsItsLastValue() {
        InfluxPoint point = InfluxPoint.measurement("m")
                .tag("source", "s1")
                .tag("enterprise", "e1")
                .tag("source", "s2")
                .field("z", 1L)
                .field("a", 1.5)
                .field("z", 2L)
                .field("a", 2.5)
                .timeMillis(TIME)
                .build();

        assertThat(LineProtocol.encode(point, WritePrecision.MILLISECONDS))
                .isEqualTo("m,enterprise=e1,source=s2 a=2.5,z=2i 1700000000000");
    }

    @Test
    void aRemovedKeyIsGoneUntilAddedAgain() {
        InfluxPoint point = InfluxPoint.measurement("m")
                .tag("b", "1")
                .tag("a", "1")
                .tag("b", null)
                .tag("c", "1")
                .tag("a", "")
                .tag("a", "2")
                .field("s", "x")
                .field("s", (String) null)
                .field("n", 1L)
                .timeMillis(TIME)
                .build();

        assertThat(LineProtocol.encode(point, WritePrecision.MILLISECONDS)).isEqualTo("m,a=2,c=1 n=1i 1700000000000");
    }

    @Test
    void anyMixOfOrderAndRepeatsEndsAsAMapWouldHoldIt() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            TreeMap<String, Object> expected = new TreeMap<>();
            InfluxPoint.Builder builder = InfluxPoint.measurement("m").timeMillis(TIME);
            int n = random.nextInt(120);
            for (int i = 0; i < n; i++) {
                // few distinct keys in some rounds, so that repeats and runs of equal keys occur
                String key = "k" + random.nextInt(round % 2 == 0 ? 8 : 200);
                long value = random.nextLong();
                expected.put(key, value);
                builder.field(key, value);
            }
            assertThat(builder.build().fields()).containsExactlyEntriesOf(expected);
        }
    }
}
