package org.cems.job.emission;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Minute buckets in state from before issue 14 (format 1) and issue 18 (format 2) are read and migrated; format 3 keeps every bit. */
class MinuteBucketFormatTest {
    @Test
    void aSavepointOfFormat1IsMigrated() throws Exception {
        // a snapshot as SimpleTypeSerializerSnapshot wrote it (its version 3, no content)
        MinuteBucketSerializer.Snapshot old = new MinuteBucketSerializer.Snapshot();
        old.readSnapshot(3, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
        TypeSerializer<MinuteBucket> format1 = old.restoreSerializer();
        assertThat(format1).isNotEqualTo(MinuteBucketSerializer.INSTANCE);
        assertThat(new MinuteBucketSerializer.Snapshot()
                        .resolveSchemaCompatibility(old)
                        .isCompatibleAfterMigration())
                .isTrue();

        MinuteBucket bucket = new MinuteBucket();
        ParameterStats so2 = new ParameterStats();
        so2.add(20.0, 22.0, true, "N", null);
        so2.add(0.0, null, false, "F", null);
        bucket.realtime.byCode.put("a21026", so2);
        bucket.sampleTimes.add(1_700_000_000_000L);
        DataOutputSerializer out = new DataOutputSerializer(64);
        format1.serialize(bucket, out);
        MinuteBucket read = format1.deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        ParameterStats s = read.realtime.byCode.get("a21026");
        assertThat(s.validMean()).isEqualTo(20.0);
        assertThat(s.stoppedCount).isEqualTo(1);
        assertThat(s.allMean()).isNaN(); // unknown in format 1: never corroborates a stop
        assertThat(read.sampleTimes).containsExactly(1_700_000_000_000L);

        // the current snapshot round-trips its format
        DataOutputSerializer snap = new DataOutputSerializer(16);
        TypeSerializerSnapshot.writeVersionedSnapshot(snap, MinuteBucketSerializer.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot<MinuteBucket> back = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(snap.getSharedBuffer(), 0, snap.length()),
                getClass().getClassLoader());
        assertThat(back.restoreSerializer()).isEqualTo(MinuteBucketSerializer.INSTANCE);
        assertThat(new MinuteBucketSerializer.Snapshot()
                        .resolveSchemaCompatibility(back)
                        .isCompatibleAsIs())
                .isTrue();
    }

    @Test
    void aSavepointOfFormat2IsMigrated() throws Exception {
        DataOutputSerializer snap = new DataOutputSerializer(8);
        snap.writeInt(2); // snapshot version 4 wrote the format alone
        MinuteBucketSerializer.Snapshot old = new MinuteBucketSerializer.Snapshot();
        old.readSnapshot(
                4,
                new DataInputDeserializer(snap.getSharedBuffer(), 0, snap.length()),
                getClass().getClassLoader());
        TypeSerializer<MinuteBucket> format2 = old.restoreSerializer();
        assertThat(format2).isNotEqualTo(MinuteBucketSerializer.INSTANCE);
        assertThat(new MinuteBucketSerializer.Snapshot()
                        .resolveSchemaCompatibility(old)
                        .isCompatibleAfterMigration())
                .isTrue();

        MinuteBucket bucket = bucket();
        MinuteBucket read = roundTrip(format2, bucket);
        assertThat(read.realtime.byCode.get("a21026").allSum).isEqualTo(20.0);
        assertThat(read.realtime.byCode.get("a21026").couSum).isEqualTo(0.25);
    }

    @Test
    void format3KeepsEverySumBitForBitInAThirdOfTheBytes() throws Exception {
        MinuteBucket bucket = bucket();
        ParameterStats odd = new ParameterStats();
        odd.add(0.1, 0.2, true, "N", null);
        odd.add(0.2, 1.0 / 3.0, true, "N", null); // 0.1 + 0.2 is not 0.3 in binary: written whole
        odd.add(Double.NaN, null, false, "D", null);
        odd.add(-0.0, -1e300, true, "N", null);
        bucket.realtime.byCode.put("x99999", odd); // not a windowed code: written as a string
        bucket.sampleTimes.add(1_700_000_030_500L); // not a whole second: the times go in ms
        DataOutputSerializer out = new DataOutputSerializer(64);
        MinuteBucketSerializer.INSTANCE.serialize(bucket, out);
        MinuteBucket read = roundTrip(MinuteBucketSerializer.INSTANCE, bucket);
        for (String code : bucket.realtime.byCode.keySet()) {
            ParameterStats a = bucket.realtime.byCode.get(code);
            ParameterStats b = read.realtime.byCode.get(code);
            assertThat(new long[] {
                        a.samples,
                        a.validCount,
                        a.stoppedCount,
                        a.refCount,
                        a.couCount,
                        Double.doubleToRawLongBits(a.validSum),
                        Double.doubleToRawLongBits(a.refSum),
                        Double.doubleToRawLongBits(a.allSum),
                        Double.doubleToRawLongBits(a.couSum)
                    })
                    .as(code)
                    .containsExactly(
                            b.samples,
                            b.validCount,
                            b.stoppedCount,
                            b.refCount,
                            b.couCount,
                            Double.doubleToRawLongBits(b.validSum),
                            Double.doubleToRawLongBits(b.refSum),
                            Double.doubleToRawLongBits(b.allSum),
                            Double.doubleToRawLongBits(b.couSum));
        }
        assertThat(read.sampleTimes).isEqualTo(bucket.sampleTimes);

        MinuteBucket typical = bucket();
        DataOutputSerializer format2 = new DataOutputSerializer(64);
        new MinuteBucketSerializer.Snapshot(2, java.util.List.of())
                .restoreSerializer()
                .serialize(typical, format2);
        DataOutputSerializer format3 = new DataOutputSerializer(64);
        MinuteBucketSerializer.INSTANCE.serialize(typical, format3);
        // format 2: codes 1, SO2 7 + counts 4 + three sums 24 + Cou 1 + 8, logger 1, times 1 + 6 = 53 bytes;
        // format 3: header 1, time in s 5, codes 1, SO2 1 + flags 1 + samples 1 + 20 as 2, 22.25 as 3, Cou 1 + 0.25 as
        // 2 = 18
        assertThat(format2.length()).isEqualTo(53);
        assertThat(format3.length()).isEqualTo(18);
    }

    /** Two SO2 samples of a minute, one with the logger's total, at whole seconds. */
    private static MinuteBucket bucket() {
        MinuteBucket bucket = new MinuteBucket();
        ParameterStats so2 = new ParameterStats();
        so2.add(12.5, 14.25, true, "N", 0.25);
        so2.add(7.5, 8.0, true, "N", null);
        bucket.realtime.byCode.put("a21026", so2);
        bucket.sampleTimes.add(1_700_000_000_000L);
        return bucket;
    }

    private static MinuteBucket roundTrip(TypeSerializer<MinuteBucket> serializer, MinuteBucket bucket)
            throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(bucket, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
        MinuteBucket read = serializer.deserialize(in);
        assertThat(in.available()).isZero();
        return read;
    }
}
