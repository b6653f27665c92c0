package org.cems.job.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.junit.jupiter.api.Test;

class SourcePeriodTest {
    private static EmissionRecord record(String pollutant, boolean valid, int stoppedCount) {
        EmissionRecord r = new EmissionRecord();
        r.enterprise = "e1";
        r.source = "u1-stack";
        r.pollutant = pollutant;
        r.window = "1m";
        r.windowStartMillis = 600_000L;
        r.durationMinutes = 10;
        r.valid = valid;
        r.stoppedCount = stoppedCount;
        r.fromLogger = true;
        return r;
    }

    @Test
    void oneSourceMinuteSumsUpItsPollutants_theInvalidOnesSortedAndTheLongestStop() {
        SourcePeriod p = SourcePeriod.of(
                List.of(record("a34013", false, 0), record("a21002", true, 1), record("a21026", false, 0)), 52_000.0);

        assertThat(p.sourceKey()).isEqualTo("e1/u1-stack");
        assertThat(p.window).isEqualTo("1m");
        assertThat(p.windowStartMillis).isEqualTo(600_000L);
        assertThat(p.durationMinutes).isEqualTo(10);
        assertThat(p.fromLogger).isTrue();
        assertThat(p.flowM3H).isEqualTo(52_000.0);
        assertThat(p.stoppedCount).isEqualTo(1);
        assertThat(p.invalidPollutants).isEqualTo("a21026,a34013");
        assertThat(p.valid()).isFalse();
    }

    @Test
    void aPeriodWhosePollutantsAreAllValidIsValid() {
        SourcePeriod p = SourcePeriod.of(List.of(record("a21026", true, 0), record("a21002", true, 0)), null);

        assertThat(p.invalidPollutants).isEmpty();
        assertThat(p.valid()).isTrue();
        assertThat(p.flowM3H).isNull();
    }

    @Test
    void travelsBetweenOperatorsAsAPojo_notThroughKryo() {
        assertThat(TypeExtractor.createTypeInfo(SourcePeriod.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
