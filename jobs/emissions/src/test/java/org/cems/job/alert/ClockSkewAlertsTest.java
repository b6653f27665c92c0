package org.cems.job.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cems.core.deadletter.DeadLetterReason;
import org.cems.core.normalize.SourceReading;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.config.JobConfig;
import org.cems.job.decode.DeadLetter;
import org.junit.jupiter.api.Test;

/** Clock skew with the defaults: tolerance 5 min, sustain 30 min of wall time. */
class ClockSkewAlertsTest {
    static final long MINUTE = 60_000L;
    static final long T0 = 1_764_500_000_000L;

    static SourceReading reading(String cn, long dataTime) {
        SourceReading r = new SourceReading();
        r.enterprise = "power";
        r.source = "u1-stack";
        r.mn = "DEVMN0000000000000000002"; // in the registry: the instrument rule looks up its source
        r.cn = cn;
        r.timeMillis = dataTime;
        return r;
    }

    @Test
    void aClockEightMinutesAheadFiresAfterHalfAnHourAndResolvesWhenSetRight() throws Exception {
        var registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-devices.yaml").toURI()));
        var settings = AlertSettings.of(new JobConfig.Alerts(), "Asia/Shanghai");
        var h = AlertEnginesTest.readingAlerts(registry, settings);
        for (int m = 0; m <= 30; m++) {
            h.setProcessingTime(T0 + m * MINUTE);
            h.processElement1(reading("2011", T0 + (m + 8) * MINUTE), 0);
            if (m == 15) {
                // a backfilled minute record an hour behind is off too; a live one 3 min behind is not
                h.processElement1(reading("2051", T0 - 60 * MINUTE), 0);
            }
        }
        assertThat(h.extractOutputValues())
                .extracting(a -> a.type + " " + a.state + " " + a.value)
                .containsExactly("clock_skew firing 8.0");
        assertThat(h.extractOutputValues().get(0).startMillis).isEqualTo(T0);

        // one reading on time does not resolve it; 30 minutes of them do
        for (int m = 31; m <= 61; m++) {
            h.setProcessingTime(T0 + m * MINUTE);
            h.processElement1(reading("2011", T0 + m * MINUTE), 0);
        }
        assertThat(h.extractOutputValues()).extracting(a -> a.state).containsExactly("firing", "resolved");
        assertThat(h.extractOutputValues().get(1).timeMillis).isEqualTo(T0 + 31 * MINUTE);
        h.close();
    }

    @Test
    void aBackfillBetweenLiveReadingsSaysNothing_andFutureTimeDeadLettersCount() throws Exception {
        var registry = RegistryLoader.load(
                Path.of(getClass().getResource("/registry-devices.yaml").toURI()));
        var settings = AlertSettings.of(new JobConfig.Alerts(), "Asia/Shanghai");
        var h = AlertEnginesTest.readingAlerts(registry, settings);
        for (int m = 0; m <= 40; m++) {
            h.setProcessingTime(T0 + m * MINUTE);
            h.processElement1(reading("2011", T0 - 24 * 60 * MINUTE + m * MINUTE), 0); // yesterday's data
            h.processElement1(reading("2011", T0 + m * MINUTE), 0); // live
        }
        assertThat(h.extractOutputValues()).isEmpty();

        DeadLetter future = DeadLetter.of(DeadLetterReason.FUTURE_TIME, "", "kafka:x", new byte[0], T0);
        future.enterprise = "power";
        future.source = "u1-stack";
        future.mn = "DEVMN0000000000000000003";
        for (int m = 0; m <= 30; m++) {
            h.setProcessingTime(T0 + m * MINUTE);
            future.dataTimeMillis = T0 + 365L * 24 * 60 * MINUTE;
            assertThat(ClockSkewAlerts.isFutureTime(future)).isTrue();
            h.processElement2(ClockSkewAlerts.fromFutureTime(future), 0);
        }
        assertThat(h.extractOutputValues())
                .extracting(a -> a.mn + " " + a.state)
                .containsExactly("DEVMN0000000000000000003 firing");
        h.close();
    }
}
