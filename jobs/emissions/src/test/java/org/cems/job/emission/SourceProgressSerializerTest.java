package org.cems.job.emission;

import static org.assertj.core.api.Assertions.assertThat;

import org.cems.job.types.SerializedBytes;
import org.junit.jupiter.api.Test;

/** Every value of a source's progress comes back as written, set or not, in few bytes. */
class SourceProgressSerializerTest {
    private static final long T = 1_795_000_000_000L;

    @Test
    void aFreshProgressTakesSixBytes() throws Exception {
        SourceProgress fresh = new SourceProgress();
        byte[] bytes = SerializedBytes.write(SourceProgressSerializer.INSTANCE, fresh);
        assertThat(bytes).hasSize(6);
        assertThat(SerializedBytes.read(SourceProgressSerializer.INSTANCE, bytes))
                .usingRecursiveComparison()
                .isEqualTo(fresh);
    }

    @Test
    void everyValueSetComesBack() throws Exception {
        SourceProgress p = new SourceProgress();
        p.clockMs = T;
        p.closedUpToMs = T - 60_000;
        p.lastArrivalMs = T + 5_000;
        p.idleTimerMs = T + 65_000;
        p.firstDataHourMs = T - 3_600_000;
        p.interval.observe(T - 1_200_000);
        p.interval.observe(T - 600_000);
        p.guard.acceptedArrivalMs = T + 4_000;
        p.guard.heldArrivalMs = T + 3_000;
        p.guard.heldCount = 2;
        p.guard.oldClockVotes = 3;
        p.holdsLoggerHours = true;
        p.holdsLoggerDays = true;
        byte[] bytes = SerializedBytes.write(SourceProgressSerializer.INSTANCE, p);
        assertThat(SerializedBytes.read(SourceProgressSerializer.INSTANCE, bytes))
                .usingRecursiveComparison()
                .isEqualTo(p);
        // eight times of six bytes (var-longs of epoch millis), the flags and five small counts
        assertThat(bytes.length).isLessThanOrEqualTo(8 * 6 + 1 + 5);
    }
}
