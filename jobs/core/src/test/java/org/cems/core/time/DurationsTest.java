package org.cems.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsAWholeNumberWithAUnit() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse(" 5 m ")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("0s")).isZero();
    }

    @Test
    void readsTheUnitNamesOfFlinksOwnOptions() {
        assertThat(Durations.parse("1min")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("30 s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("2 h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("10 secs")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("5 minutes")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("3 days")).isEqualTo(Duration.ofDays(3));
        assertThat(Durations.parse("250 millis")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("1 hour")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void readsIso8601() {
        assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("pt0.5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("P1D")).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void refusesAnythingElseNamingTheText() {
        for (String bad : new String[] {
            "",
            "10",
            "5x",
            "1.5h",
            "-1m",
            "PT-1H",
            "5 mins later",
            "5 fortnights",
            "99999999999999999999s",
            "106751991167301d"
        }) {
            assertThatThrownBy(() -> Durations.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("\"" + bad + "\" is not a duration like 500ms, 30s, 5m, 2h, 1d or PT1H30M");
        }
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsTheShortestExactFormWhichReadsBack() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(Durations.format(Duration.ofDays(2))).isEqualTo("2d");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        for (Duration d : new Duration[] {Duration.ofMillis(250), Duration.ofSeconds(3601), Duration.ofDays(400)}) {
            assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
        }
    }
}
