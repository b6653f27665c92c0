package org.cems.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Restarts come from the job's exception history and numRestarts, not from a counter going back. */
class RestartsTest {
    private static JsonNode resource(String name) throws Exception {
        try (InputStream in = RestartsTest.class.getResourceAsStream("/bench/" + name)) {
            return Rig.JSON.readTree(in);
        }
    }

    /**
     * Captured from Flink 2.2.1's REST API ({@code GET /jobs/:jobid/exceptions}): a job on an
     * embedded cluster whose map threw {@code IOException} (caused by {@code IllegalStateException:
     * attempt N}) in its first two attempts, with a fixed-delay restart strategy.
     */
    @Test
    void aCapturedHistoryGivesOneFailurePerRestartWithItsRootCause() throws Exception {
        JsonNode captured = resource("flink-2.2-exceptions-captured.json");
        List<Restarts.Failure> failures = Restarts.parseHistory(captured);
        // the answer lists the newest first; oldest first here
        assertThat(failures)
                .extracting(Restarts.Failure::timestampMillis)
                .containsExactly(1796514933681L, 1796514934625L);
        assertThat(failures)
                .extracting(Restarts.Failure::rootCause)
                .containsExactly(
                        "java.lang.IllegalStateException: attempt 0", "java.lang.IllegalStateException: attempt 1");
        assertThat(failures.get(0).task())
                .isEqualTo("Source: Sequence Source -> fail-twice -> Sink: Writer (1/1) - execution #0");
        assertThat(Restarts.truncated(captured)).isFalse();
        // the embedded cluster's REST API listed no job metric (the answer was []): the history counts
        Restarts r = Restarts.of(Restarts.parseNumRestarts(Rig.JSON.readTree("[]")), failures, false);
        assertThat(r.show())
                .isEqualTo(
                        "2: 1 × java.lang.IllegalStateException: attempt 0; 1 × java.lang.IllegalStateException: attempt 1");
    }

    @Test
    void theLastCausedByOrTheFirstLineOrTheExceptionName() throws Exception {
        List<Restarts.Failure> failures = Restarts.parseHistory(resource("exceptions-edge-cases.json"));
        assertThat(failures)
                .extracting(Restarts.Failure::timestampMillis)
                .containsExactly(1764979100000L, 1764979200000L, 1764979300500L);
        // no stack trace: the exception's name
        assertThat(failures.get(0).rootCause()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(failures.get(0).task()).isEqualTo("source-windows (1/2)");
        // the trace's own first line when nothing caused it
        assertThat(failures.get(1).rootCause())
                .isEqualTo("java.io.IOException: InfluxDB answered 500: {\"error\":\"timeout\"}");
        // the last "Caused by", not the JobException wrapping it
        assertThat(failures.get(2).rootCause())
                .isEqualTo("java.io.IOException: InfluxDB answered 500: {\"error\":\"timeout\"}");
    }

    @Test
    void theMetricWinsOverTheHistoryAndCausesAreGrouped() throws Exception {
        JsonNode metric = Rig.JSON.readTree("[{\"id\":\"numRestarts\",\"value\":\"3\"}]");
        Restarts r = Restarts.of(
                Restarts.parseNumRestarts(metric), Restarts.parseHistory(resource("exceptions-edge-cases.json")), true);
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.show())
                .isEqualTo(
                        "3: 1 × java.lang.OutOfMemoryError; 2 × java.io.IOException: InfluxDB answered 500: {\"error\":\"timeout\"}");
    }

    @Test
    void aTruncatedHistoryWithoutTheMetricIsALowerBound() throws Exception {
        Restarts r = Restarts.of(-1, List.of(new Restarts.Failure(1, "t", "java.io.IOException: x")), true);
        assertThat(r.show()).isEqualTo("≥ 1: 1 × java.io.IOException: x");
    }

    @Test
    void noRestartsAndUnknown() throws Exception {
        JsonNode empty = Rig.JSON.readTree("{\"exceptionHistory\":{\"entries\":[],\"truncated\":false}}");
        assertThat(Restarts.of(
                                Restarts.parseNumRestarts(
                                        Rig.JSON.readTree("[{\"id\":\"numRestarts\",\"value\":\"0\"}]")),
                                Restarts.parseHistory(empty),
                                false)
                        .show())
                .isEqualTo("0");
        assertThat(Restarts.UNKNOWN.show()).isEqualTo("—");
    }

    @Test
    void aPipeInACauseDoesNotBreakTheMarkdownTable() {
        Restarts r = Restarts.of(1, List.of(new Restarts.Failure(1, "t", "x | y")), false);
        assertThat(r.show()).isEqualTo("1: 1 × x \\| y");
    }
}
