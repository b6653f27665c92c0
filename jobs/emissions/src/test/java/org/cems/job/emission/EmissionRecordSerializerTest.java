package org.cems.job.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/** Flink's own serializer contract (copy, snapshot, restore, concurrency) for {@link EmissionRecordSerializer}. */
class EmissionRecordSerializerTest extends SerializerTestBase<EmissionRecord> {
    EmissionRecordSerializerTest() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof EmissionRecord && b instanceof EmissionRecord,
                        (a, b, checker) -> same(a, b)));
    }

    @Test
    void flinkFindsItForTheType() {
        assertThat(TypeInformation.of(EmissionRecord.class)
                        .createSerializer(new org.apache.flink.api.common.serialization.SerializerConfigImpl()))
                .isSameAs(EmissionRecordSerializer.INSTANCE);
    }

    @Override
    protected TypeSerializer<EmissionRecord> createSerializer() {
        return EmissionRecordSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<EmissionRecord> getTypeClass() {
        return EmissionRecord.class;
    }

    @Override
    protected EmissionRecord[] getTestData() {
        EmissionRecord hour = new EmissionRecord();
        hour.enterprise = "ordos-power";
        hour.park = "达拉特";
        hour.industry = "power";
        hour.source = "unit1-stack";
        hour.stack = true;
        hour.pollutant = "a21026";
        hour.window = "1h";
        hour.windowStartMillis = 1_700_000_000_000L;
        hour.concMgM3 = 20.5;
        hour.concRefMgM3 = 22.25;
        hour.flowM3H = 1.5e6;
        hour.rateKgH = 30.75;
        hour.massKg = 30.75;
        hour.massAccountedKg = -0.0;
        hour.substituted = false;
        hour.massLoggerKg = Double.NaN;
        hour.validCount = 58;
        hour.stoppedCount = 2;
        hour.valid = true;
        hour.o2Capped = true;
        hour.limitMgM3 = 35.0;
        hour.exceeded = true;
        EmissionRecord minute = new EmissionRecord();
        minute.source = "s";
        minute.window = "1m";
        minute.durationMinutes = 1;
        minute.fromLogger = true;
        minute.substituted = true;
        minute.exceeded = false;
        return new EmissionRecord[] {new EmissionRecord(), hour, minute};
    }

    private static boolean same(Object a, Object b) {
        try {
            for (Field f : EmissionRecord.class.getFields()) {
                if (!Objects.equals(f.get(a), f.get(b))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
