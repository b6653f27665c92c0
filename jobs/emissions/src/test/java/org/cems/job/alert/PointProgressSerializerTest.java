package org.cems.job.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.cems.job.types.SerializedBytes;
import org.junit.jupiter.api.Test;

/** Every value of a point's progress comes back as written, set or not. */
class PointProgressSerializerTest {
    private static final long T = 1_795_000_000_000L;

    @Test
    void aFreshProgressTakesTwoBytes() throws Exception {
        PointProgress fresh = new PointProgress();
        byte[] bytes = SerializedBytes.write(PointProgressSerializer.INSTANCE, fresh);
        assertThat(bytes).hasSize(2);
        assertThat(SerializedBytes.read(PointProgressSerializer.INSTANCE, bytes))
                .usingRecursiveComparison()
                .isEqualTo(fresh);
    }

    @Test
    void everyValueSetComesBack() throws Exception {
        PointProgress p = new PointProgress();
        p.newestMs = T;
        p.lastArrivalMs = T + 4_000;
        p.noDataTimerMs = T + 1_804_000;
        p.noDataFiring = true;
        p.flagRuns = 0b10101;
        p.clockChangingSinceMs = T - 60_000;
        p.clockFiringSinceMs = T - 7_200_000;
        byte[] bytes = SerializedBytes.write(PointProgressSerializer.INSTANCE, p);
        assertThat(SerializedBytes.read(PointProgressSerializer.INSTANCE, bytes))
                .usingRecursiveComparison()
                .isEqualTo(p);
        assertThat(bytes.length).isLessThanOrEqualTo(1 + 5 * 6 + 1);
    }
}
