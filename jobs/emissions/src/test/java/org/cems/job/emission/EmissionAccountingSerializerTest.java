package org.cems.job.emission;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;

/** Flink's own serializer contract for {@link EmissionAccountingSerializer}. */
class EmissionAccountingSerializerTest extends SerializerTestBase<EmissionAccounting> {
    EmissionAccountingSerializerTest() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof EmissionAccounting && b instanceof EmissionAccounting,
                        (a, b, checker) -> same((EmissionAccounting) a, (EmissionAccounting) b)));
    }

    @Override
    protected TypeSerializer<EmissionAccounting> createSerializer() {
        return EmissionAccountingSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<EmissionAccounting> getTypeClass() {
        return EmissionAccounting.class;
    }

    @Override
    protected EmissionAccounting[] getTestData() {
        EmissionAccounting full = new EmissionAccounting();
        full.sawDataAt(1_700_000_000_000L);
        PollutantAccount so2 = full.account("a21026");
        for (int h = 0; h < 30; h++) {
            so2.recordValid(1_699_000_000_000L, (h * 7) % 11);
        }
        so2.recordInvalid(1_699_000_000_000L);
        so2.recordStopped(1_699_000_000_000L);
        full.account("a21002").recordInvalid(5L);
        return new EmissionAccounting[] {new EmissionAccounting(), full};
    }

    private static boolean same(EmissionAccounting a, EmissionAccounting b) {
        if (a.firstHour != b.firstHour || !a.byPollutant.keySet().equals(b.byPollutant.keySet())) {
            return false;
        }
        for (String code : a.byPollutant.keySet()) {
            PollutantAccount x = a.byPollutant.get(code);
            PollutantAccount y = b.byPollutant.get(code);
            if (x.quarterStart != y.quarterStart
                    || x.hours != y.hours
                    || x.stoppedHours != y.stoppedHours
                    || x.invalidHours != y.invalidHours
                    || x.run != y.run
                    || x.validHours != y.validHours
                    || !same(x.max180, y.max180)
                    || !same(x.max720, y.max720)
                    || !same(x.max2160, y.max2160)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(MaxWindow x, MaxWindow y) {
        var xs = x.sequences();
        var ys = y.sequences();
        var xv = x.values();
        var yv = y.values();
        while (xs.hasNext() && ys.hasNext()) {
            if (!xs.next().equals(ys.next()) || !xv.next().equals(yv.next())) {
                return false;
            }
        }
        return !xs.hasNext() && !ys.hasNext();
    }
}
