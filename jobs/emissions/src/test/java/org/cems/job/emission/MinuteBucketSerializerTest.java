package org.cems.job.emission;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;

/** Flink's own serializer contract (copy, snapshot, restore, concurrency) for {@link MinuteBucketSerializer}. */
class MinuteBucketSerializerTest extends SerializerTestBase<MinuteBucket> {
    MinuteBucketSerializerTest() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof MinuteBucket && b instanceof MinuteBucket,
                        (a, b, checker) -> same((MinuteBucket) a, (MinuteBucket) b)));
    }

    @Override
    protected TypeSerializer<MinuteBucket> createSerializer() {
        return MinuteBucketSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<MinuteBucket> getTypeClass() {
        return MinuteBucket.class;
    }

    @Override
    protected MinuteBucket[] getTestData() {
        MinuteBucket withLogger = new MinuteBucket();
        withLogger.realtime.byCode.put("a21026", stats(3, 2, 1, 2, 71.25, 80.5));
        withLogger.realtime.byCode.put("a00000", stats(3, 3, 0, 0, 1.5e6, 0));
        withLogger.logger = new WindowStats();
        withLogger.logger.byCode.put("a21002", stats(1, 0, 1, 0, 0, 0));
        withLogger.sampleTimes.add(1_700_000_040_000L);
        withLogger.sampleTimes.add(1_700_000_000_000L);
        withLogger.sampleTimes.add(-5L);
        MinuteBucket huge = new MinuteBucket();
        huge.realtime.byCode.put("co", stats(Integer.MAX_VALUE, 7, 0, 1, -0.0, Double.MIN_VALUE));
        return new MinuteBucket[] {new MinuteBucket(), withLogger, huge};
    }

    private static ParameterStats stats(
            int samples, int valid, int stopped, int refCount, double validSum, double refSum) {
        ParameterStats s = new ParameterStats();
        s.samples = samples;
        s.validCount = valid;
        s.stoppedCount = stopped;
        s.refCount = refCount;
        s.validSum = validSum;
        s.refSum = refSum;
        return s;
    }

    private static boolean same(MinuteBucket a, MinuteBucket b) {
        return same(a.realtime, b.realtime)
                && (a.logger == null ? b.logger == null : b.logger != null && same(a.logger, b.logger))
                && a.sampleTimes.equals(b.sampleTimes);
    }

    private static boolean same(WindowStats a, WindowStats b) {
        if (!a.byCode.keySet().equals(b.byCode.keySet())) {
            return false;
        }
        for (String code : a.byCode.keySet()) {
            ParameterStats x = a.byCode.get(code);
            ParameterStats y = b.byCode.get(code);
            if (x.samples != y.samples
                    || x.validCount != y.validCount
                    || x.stoppedCount != y.stoppedCount
                    || x.refCount != y.refCount
                    || Double.compare(x.validSum, y.validSum) != 0
                    || Double.compare(x.refSum, y.refSum) != 0) {
                return false;
            }
        }
        return true;
    }
}
