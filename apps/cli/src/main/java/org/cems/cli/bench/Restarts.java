package org.cems.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The real restarts of one job during one phase, from Flink's own record of them: the job's
 * {@code numRestarts} metric and its exception history ({@code GET /jobs/:jobid/exceptions},
 * {@code exceptionHistory.entries}: one entry per failure that made the job restart, with its
 * time, the failing task and the stack trace whose last "Caused by" is the root cause).
 *
 * On the embedded cluster the REST API lists no job-level metrics, so the count is usually the
 * history's; the history keeps the latest {@code web.exception-history-size} (16) failures and
 * says when it dropped older ones.
 *
 * @param count {@code numRestarts}, or the number of history entries when the metric is missing (-1: not known)
 * @param atLeast the count is a lower bound: the history was truncated and there was no metric
 * @param causes root cause of each failure in the history, oldest first
 */
record Restarts(long count, boolean atLeast, List<Failure> causes) {
    static final Restarts UNKNOWN = new Restarts(-1, false, List.of());

    /** One failure of the exception history. */
    record Failure(long timestampMillis, String task, String rootCause) {}

    /** Reads the failures of an exceptions answer; entries come newest first, the result is oldest first. */
    static List<Failure> parseHistory(JsonNode exceptions) {
        List<Failure> failures = new ArrayList<>();
        for (JsonNode e : exceptions.path("exceptionHistory").path("entries")) {
            failures.add(new Failure(
                    e.path("timestamp").asLong(),
                    e.path("taskName").asText(""),
                    rootCause(
                            e.path("stacktrace").asText(""),
                            e.path("exceptionName").asText(""))));
        }
        failures.sort((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis()));
        return failures;
    }

    /** {@code numRestarts} from a {@code /jobs/:jobid/metrics?get=numRestarts} answer; -1 when absent. */
    static long parseNumRestarts(JsonNode metrics) {
        for (JsonNode m : metrics) {
            if ("numRestarts".equals(m.path("id").asText())) {
                return m.path("value").asLong(-1);
            }
        }
        return -1;
    }

    /** Whether the exception history dropped older failures. */
    static boolean truncated(JsonNode exceptions) {
        return exceptions.path("exceptionHistory").path("truncated").asBoolean(false);
    }

    static Restarts of(long numRestarts, List<Failure> failures, boolean historyTruncated) {
        return numRestarts >= 0
                ? new Restarts(numRestarts, false, List.copyOf(failures))
                : new Restarts(failures.size(), historyTruncated, List.copyOf(failures));
    }

    /**
     * The innermost cause of a Java stack trace: the first line of its last "Caused by:" (or of
     * the trace itself), shortened to 160 characters; the exception name when there is no trace.
     */
    static String rootCause(String stacktrace, String exceptionName) {
        String line = null;
        for (String l : stacktrace.split("\n")) {
            if (line == null && !l.isBlank()) {
                line = l.trim();
            }
            if (l.startsWith("Caused by: ")) {
                line = l.substring("Caused by: ".length()).trim();
            }
        }
        if (line == null || line.isEmpty()) {
            line = exceptionName;
        }
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    /** "0", or "2: 2 × java.io.IOException: …" with each distinct cause and how often it came; "≥ 16: …" when truncated. */
    String show() {
        if (count < 0) {
            return "—";
        }
        String total = (atLeast ? "≥ " : "") + count;
        if (causes.isEmpty()) {
            return total;
        }
        Map<String, Integer> byCause = new LinkedHashMap<>();
        causes.forEach(f -> byCause.merge(f.rootCause(), 1, Integer::sum));
        StringJoiner b = new StringJoiner("; ", total + ": ", "");
        byCause.forEach((cause, n) -> b.add(n + " × " + cause));
        return b.toString().replace("|", "\\|");
    }
}
