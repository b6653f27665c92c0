package org.cems.connector.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

/** Flink's own serializer contract (copy, snapshot, restore, concurrency) for {@link InfluxPointSerializer}. */
class InfluxPointSerializerTest extends SerializerTestBase<InfluxPoint> {
    @Override
    protected TypeSerializer<InfluxPoint> createSerializer() {
        return InfluxPointSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<InfluxPoint> getTypeClass() {
        return InfluxPoint.class;
    }

    @Override
    protected InfluxPoint[] getTestData() {
        return new InfluxPoint[] {
            InfluxPoint.measurement("m").field("v", 1.5).timeMillis(0).build(),
            InfluxPoint.measurement("reading")
                    .tag("mn", "MN 1,=x")
                    .tag("code", "a21026")
                    .tag("empty", "")
                    .field("value", -0.0)
                    .field("count", Long.MIN_VALUE)
                    .field("valid", true)
                    .field("flag", "N 排放")
                    .timeMillis(1_700_000_000_123L)
                    .build(),
            InfluxPoint.measurement("nan")
                    .field("v", Double.NaN)
                    .field("inf", Double.NEGATIVE_INFINITY)
                    .field("b", false)
                    .timeMillis(-1)
                    .build(),
        };
    }

    @Test
    void flinkFindsThisSerializerNotKryo() {
        assertThat(TypeInformation.of(InfluxPoint.class).createSerializer(new SerializerConfigImpl()))
                .isSameAs(InfluxPointSerializer.INSTANCE);
    }
}
