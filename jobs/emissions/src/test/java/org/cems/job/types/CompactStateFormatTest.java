package org.cems.job.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;
import org.cems.job.alert.FlagRun;
import org.cems.job.alert.FlagRunSerializer;
import org.cems.job.efficiency.DeviceWindow;
import org.cems.job.efficiency.DeviceWindowSerializer;
import org.cems.job.efficiency.SideFigures;
import org.cems.job.rate.SubPeriodMark;
import org.cems.job.rate.SubPeriodMarkSerializer;
import org.junit.jupiter.api.Test;

/**
 * The compact state formats of device windows, sub-period marks and flag runs: what they keep,
 * how many bytes, and that the POJO state of earlier savepoints restores by migration.
 */
class CompactStateFormatTest {

    @Test
    void deviceWindowKeepsEveryFigureInLessThanHalfThePojoBytes() throws IOException {
        DeviceWindow w = new DeviceWindow();
        w.inlet = side(812.5, null, null, true, 1, 0);
        w.outlet = side(35.25, 1.0 / 3, null, false, 0, 1);
        DeviceWindow back = roundTrip(DeviceWindowSerializer.INSTANCE, w);
        assertThat(back).usingRecursiveComparison().isEqualTo(w);
        assertThat(back.running()).isFalse();

        DeviceWindow one = new DeviceWindow();
        one.inlet = side(812.5, null, null, true, 1, 0);
        one.outlet = side(35.25, null, null, true, 1, 0);
        // a header byte, per side a flag byte, two one-byte counts and the eight bytes of the figure
        assertThat(bytes(DeviceWindowSerializer.INSTANCE, one)).isEqualTo(1 + 2 * (1 + 1 + 1 + 8));
        assertThat(bytes(pojo(DeviceWindow.class), one)).isEqualTo(51);

        DeviceWindow empty = roundTrip(DeviceWindowSerializer.INSTANCE, new DeviceWindow());
        assertThat(empty.inlet).isNull();
        assertThat(empty.outlet).isNull();
    }

    @Test
    void subPeriodMarkKeepsIntervalStopAndInvalidCodes() throws IOException {
        SubPeriodMark m = new SubPeriodMark();
        m.minutes = 1;
        assertThat(bytes(SubPeriodMarkSerializer.INSTANCE, m)).isEqualTo(2);
        assertThat(bytes(pojo(SubPeriodMark.class), m)).isEqualTo(10);

        m.minutes = 1440;
        m.stopped = true;
        m.invalidPollutants = "a21002,a21026";
        assertThat(roundTrip(SubPeriodMarkSerializer.INSTANCE, m))
                .usingRecursiveComparison()
                .isEqualTo(m);
    }

    @Test
    void flagRunKeepsItsTimesAndNulls() throws IOException {
        FlagRun flagged = new FlagRun();
        flagged.flaggedSinceMillis = 1_764_118_800_000L;
        // a flag byte, the six bytes of a time in millis and a zero incident start
        assertThat(bytes(FlagRunSerializer.INSTANCE, flagged)).isEqualTo(8);
        assertThat(bytes(pojo(FlagRun.class), flagged)).isEqualTo(22);
        assertThat(roundTrip(FlagRunSerializer.INSTANCE, flagged))
                .usingRecursiveComparison()
                .isEqualTo(flagged);

        FlagRun firing = new FlagRun();
        firing.clearSinceMillis = 1_764_119_100_000L;
        firing.firing = true;
        firing.incidentStartMillis = -5L;
        FlagRun back = roundTrip(FlagRunSerializer.INSTANCE, firing);
        assertThat(back).usingRecursiveComparison().isEqualTo(firing);
        assertThat(back.flaggedSinceMillis).isNull();
    }

    @Test
    void pojoStateOfEarlierSavepointsMigrates() throws IOException {
        TypeSerializer<DeviceWindow> old = pojo(DeviceWindow.class);
        TypeSerializerSnapshot<DeviceWindow> oldSnapshot = writtenAndRead(old.snapshotConfiguration());
        assertThat(DeviceWindowSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(oldSnapshot)
                        .isCompatibleAfterMigration())
                .isTrue();
        assertThat(FlagRunSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(
                                writtenAndRead(pojo(FlagRun.class).snapshotConfiguration()))
                        .isCompatibleAfterMigration())
                .isTrue();
        assertThat(SubPeriodMarkSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(
                                writtenAndRead(pojo(SubPeriodMark.class).snapshotConfiguration()))
                        .isCompatibleAfterMigration())
                .isTrue();

        // what migration does: read with the serializer the old snapshot restores, write in the new format
        DeviceWindow w = new DeviceWindow();
        w.outlet = side(35.25, 4.5, 0.075, true, 1, 0);
        DeviceWindow fromSavepoint =
                SerializedBytes.read(oldSnapshot.restoreSerializer(), SerializedBytes.write(old, w));
        assertThat(roundTrip(DeviceWindowSerializer.INSTANCE, fromSavepoint))
                .usingRecursiveComparison()
                .isEqualTo(w);
    }

    @Test
    void sameFormatRestoresAsItIsAndAnyOtherStateIsRefused() throws IOException {
        TypeSerializerSnapshot<DeviceWindow> current = DeviceWindowSerializer.INSTANCE.snapshotConfiguration();
        assertThat(current.resolveSchemaCompatibility(writtenAndRead(current)).isCompatibleAsIs())
                .isTrue();

        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSchemaCompatibility<DeviceWindow> foreign = current.resolveSchemaCompatibility(
                (TypeSerializerSnapshot) StringSerializer.INSTANCE.snapshotConfiguration());
        assertThat(foreign.isIncompatible()).isTrue();

        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeInt(2);
        TypeSerializerSnapshot<DeviceWindow> newer = new DeviceWindowSerializer.Snapshot();
        newer.readSnapshot(
                1, new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(current.resolveSchemaCompatibility(newer).isIncompatible()).isTrue();
        assertThatThrownBy(newer::restoreSerializer).hasMessageContaining("format 2");
    }

    @Test
    void lastReadingTakesTheRecordFormatAndItsPojoStateMigrates() throws IOException {
        SourceReading r = new SourceReading();
        r.enterprise = "E001";
        r.source = "S01";
        r.mn = "MN0000000000000000000001";
        r.cn = "2051";
        r.timeMillis = 1_764_118_800_000L;
        r.reported.put("a21026", new Measure(0, null, true, "N"));
        r.measures.put("a00000", new Measure(1250.5, null, true, "N"));
        SourceReading back = roundTrip(SourceReadingStateSerializer.INSTANCE, r);
        assertThat(back).usingRecursiveComparison().isEqualTo(r);

        TypeSerializer<SourceReading> old = pojo(SourceReading.class);
        assertThat(old).isInstanceOf(PojoSerializer.class);
        assertThat(bytes(SourceReadingStateSerializer.INSTANCE, r)).isEqualTo(94);
        assertThat(bytes(old, r)).isEqualTo(120);
        TypeSerializerSnapshot<SourceReading> oldSnapshot = writtenAndRead(old.snapshotConfiguration());
        assertThat(SourceReadingStateSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(oldSnapshot)
                        .isCompatibleAfterMigration())
                .isTrue();
        assertThat(SerializedBytes.read(oldSnapshot.restoreSerializer(), SerializedBytes.write(old, r)))
                .usingRecursiveComparison()
                .isEqualTo(r);
    }

    private static SideFigures side(
            Double conc, Double rate, Double mass, boolean valid, int validCount, int stoppedCount) {
        SideFigures f = new SideFigures();
        f.concRefMgM3 = conc;
        f.rateKgH = rate;
        f.massKg = mass;
        f.valid = valid;
        f.validCount = validCount;
        f.stoppedCount = stoppedCount;
        return f;
    }

    private static <T> TypeSerializer<T> pojo(Class<T> type) {
        return TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }

    private static <T> int bytes(TypeSerializer<T> s, T value) throws IOException {
        return SerializedBytes.write(s, value).length;
    }

    private static <T> T roundTrip(TypeSerializer<T> s, T value) throws IOException {
        T back = SerializedBytes.read(s, SerializedBytes.write(s, value));
        assertThat(s.copy(value)).usingRecursiveComparison().isEqualTo(value);
        return back;
    }

    private static <T> TypeSerializerSnapshot<T> writtenAndRead(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), CompactStateFormatTest.class.getClassLoader());
    }
}
