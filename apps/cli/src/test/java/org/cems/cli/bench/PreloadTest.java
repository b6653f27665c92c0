package org.cems.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The jobs' backlog has its hour boundary halfway, whatever the minute the run starts at. */
class PreloadTest {
    @Test
    void theJobsBacklogEndsAtTheLatestHalfPastAnHour() {
        assertThat(end("2026-12-07T10:17:42Z")).isEqualTo("2026-12-07T09:30:00Z");
        assertThat(end("2026-12-07T10:30:00Z")).isEqualTo("2026-12-07T10:30:00Z");
        assertThat(end("2026-12-07T10:59:59Z")).isEqualTo("2026-12-07T10:30:00Z");
        assertThat(end("2026-12-08T00:05:00Z")).isEqualTo("2026-12-07T23:30:00Z");
    }

    @Test
    void theCatchUpsBacklogEndsAtTheCurrentMinute() {
        assertThat(Instant.ofEpochMilli(Preload.endNow(Instant.parse("2026-12-07T10:17:42Z"))))
                .isEqualTo("2026-12-07T10:17:00Z");
    }

    private static Instant end(String now) {
        return Instant.ofEpochMilli(Preload.endHalfPastAnHour(Instant.parse(now)));
    }
}
