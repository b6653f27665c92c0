package org.cems.job.emission;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Minute buckets in state from before issue 14 (format 1) are read and migrated. */
class MinuteBucketFormatTest {
    @Test
    void aSavepointOfFormat1IsMigrated() throws Exception {
        // a snapshot as SimpleTypeSerializerSnapshot wrote it (its version 3, no content)
        MinuteBucketSerializer.Snapshot old = new MinuteBucketSerializer.Snapshot();
        old.readSnapshot(3, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
        TypeSerializer<MinuteBucket> format1 = old.restoreSerializer();
        assertThat(format1).isNotEqualTo(MinuteBucketSerializer.INSTANCE);
        assertThat(new MinuteBucketSerializer.Snapshot().resolveSchemaCompatibility(old).isCompatibleAfterMigration()).isTrue();

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
                new DataInputDeserializer(snap.getSharedBuffer(), 0, snap.length()), getClass().getClassLoader());
        assertThat(back.restoreSerializer()).isEqualTo(MinuteBucketSerializer.INSTANCE);
        assertThat(new MinuteBucketSerializer.Snapshot().resolveSchemaCompatibility(back).isCompatibleAsIs()).isTrue();
    }
}
