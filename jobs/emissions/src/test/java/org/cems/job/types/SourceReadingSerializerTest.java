package org.cems.job.types;

import java.util.Objects;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.cems.core.normalize.Measure;
import org.cems.core.normalize.SourceReading;

/** Flink's own serializer contract (copy, snapshot, restore, concurrency) for {@link SourceReadingSerializer}. */
class SourceReadingSerializerTest extends SerializerTestBase<SourceReading> {
    SourceReadingSerializerTest() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof SourceReading && b instanceof SourceReading,
                        (a, b, checker) -> same((SourceReading) a, (SourceReading) b)));
    }

    @Override
    protected TypeSerializer<SourceReading> createSerializer() {
        return SourceReadingSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<SourceReading> getTypeClass() {
        return SourceReading.class;
    }

    @Override
    protected SourceReading[] getTestData() {
        SourceReading full = new SourceReading();
        full.enterprise = "ordos-power";
        full.park = "达拉特";
        full.industry = "power";
        full.source = "unit1-stack";
        full.mn = "MN0001";
        full.cn = "2011";
        full.timeMillis = 1_700_000_000_000L;
        full.origin = "cems.readings/1@42";
        full.reported.put("a21026", new Measure(35.5, null, true, "N"));
        full.reported.put("a34013", new Measure(-0.0, null, false, "F"));
        full.measures.put("a21026", new Measure(38.25, 41.0, true, "N"));
        full.measures.put("a19001", new Measure(6.1, null, true, null));
        return new SourceReading[] {new SourceReading(), full};
    }

    private static boolean same(SourceReading a, SourceReading b) {
        return Objects.equals(a.enterprise, b.enterprise)
                && Objects.equals(a.park, b.park)
                && Objects.equals(a.industry, b.industry)
                && Objects.equals(a.source, b.source)
                && Objects.equals(a.mn, b.mn)
                && Objects.equals(a.cn, b.cn)
                && a.timeMillis == b.timeMillis
                && Objects.equals(a.origin, b.origin)
                && a.reported.equals(b.reported)
                && a.measures.equals(b.measures)
                && a.reported.keySet().stream()
                        .toList()
                        .equals(b.reported.keySet().stream().toList());
    }
}
