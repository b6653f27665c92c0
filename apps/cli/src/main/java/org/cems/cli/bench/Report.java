package org.cems.cli.bench;

import java.util.List;
import org.cems.cli.bench.BenchOptions.SinkKind;
import org.cems.cli.bench.Results.SinkRun;
import org.cems.cli.bench.Results.SourceRun;

/**
 * report.md from the results: one table per sink with each ratio beside the figures it divides,
 * then checkpoints and state, latency, the catch-up, and how it was measured with the caps.
 */
final class Report {
    private Report() {}

    /** a / b to two decimals, "—" when either is missing. */
    static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b <= 0 ? "—" : String.format("%.2f", a / b);
    }

    /**
     * @param machine one line on the machine and JVM
     * @param wallMinutes the run's wall time so far
     */
    static String markdown(Results results, BenchOptions options, String machine, double wallMinutes) {
        StringBuilder md = new StringBuilder("# cems bench report\n\n");
        md.append(machine).append(String.format(" Wall time of the run: %.1f min.%n%n", wallMinutes));
        md.append("State backend of every job, the full job and the SQL jobs alike: ")
                .append(options.stateBackendShown())
                .append(".\n\n");
        DecodeCeiling.Result d = results.decode;
        if (d != null) {
            md.append(String.format(
                    "Decoding alone, one thread: JSON %,.0f records/s per core (%.0f B each), HJ 212 %,.0f records/s per core (%.0f B each).%n%n",
                    d.jsonRate(), d.jsonBytes(), d.hj212Rate(), d.hj212Bytes()));
        }
        List<SourceRun> runs = results.runs;
        if (options.sinks.contains(SinkKind.INFLUXDB)) {
            md.append(
                    "## With InfluxDB\n\nRecords/s (messages of ~12 parameters) from submission, start-up included; in brackets the 10–90 % steady rate.\n\n");
            md.append(
                    "| S | readings (interval) | plain consumer | InfluxDB alone (points/s) | full job | job / InfluxDB alone | SQL windows | SQL + readings "
                            + "| job / SQL + readings | job / SQL windows | job / consumer | restarts: job; SQL; SQL + readings |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (SourceRun r : runs) {
                SinkRun s = r.bySink.get(SinkKind.INFLUXDB);
                if (s == null) {
                    continue;
                }
                md.append(String.format(
                        "| %,d | %s | %s | %s | %s | **%s** | %s | %s | **%s** | %s | %s | %s |%n",
                        r.sources,
                        readings(r),
                        rate(r.consumerRate),
                        r.influxAlone == null
                                ? "—"
                                : String.format(
                                        "%,.0f (%,.0f)",
                                        r.influxAlone.recordsPerSecond(), r.influxAlone.pointsPerSecond()),
                        s.job.show(),
                        ratio(s.job.rate(), r.influxAloneRate()),
                        s.sql.throughput().show(),
                        s.sqlWithReadings.throughput().show(),
                        ratio(s.job.rate(), s.sqlWithReadings.throughput().rate()),
                        ratio(s.job.rate(), s.sql.throughput().rate()),
                        ratio(s.job.rate(), r.consumerRate),
                        restarts(s)));
            }
            md.append('\n');
            md.append(
                    "InfluxDB over the full job's phase: its CPU (2.00 = both cores), its resident memory after it, and the series the job "
                            + "created (\"InfluxDB alone\" creates one `reading` series per source):\n\n"
                            + "| S | InfluxDB CPU (cores) | InfluxDB resident | series | by measurement |\n|---:|---:|---:|---:|---|\n");
            for (SourceRun r : runs) {
                SinkRun s = r.bySink.get(SinkKind.INFLUXDB);
                if (s == null || s.influxLoad == InfluxLoad.NOT_MEASURED) {
                    continue;
                }
                InfluxLoad l = s.influxLoad;
                md.append(String.format(
                        "| %,d | %.2f | %s | %,d | %s |%n",
                        r.sources, l.cpuCores(), l.rssShown(), l.totalSeries(), l.seriesLine(6)));
            }
            md.append('\n');
        }
        if (options.sinks.contains(SinkKind.DISCARD)) {
            md.append(
                    "## With the discarding sink (the processing alone)\n\nThe same jobs with their points discarded: \"job / SQL + readings\" "
                            + "compares them on equal work (the SQL job builds the same reading points, plus its minute windows).\n\n");
            md.append(
                    "| S | readings (interval) | plain consumer | full job | SQL windows | SQL + readings | job / SQL + readings | job / SQL windows "
                            + "| job / consumer | restarts: job; SQL; SQL + readings |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (SourceRun r : runs) {
                SinkRun s = r.bySink.get(SinkKind.DISCARD);
                if (s == null) {
                    continue;
                }
                md.append(String.format(
                        "| %,d | %s | %s | %s | %s | %s | **%s** | %s | %s | %s |%n",
                        r.sources,
                        readings(r),
                        rate(r.consumerRate),
                        s.job.show(),
                        s.sql.throughput().show(),
                        s.sqlWithReadings.throughput().show(),
                        ratio(s.job.rate(), s.sqlWithReadings.throughput().rate()),
                        ratio(s.job.rate(), s.sql.throughput().rate()),
                        ratio(s.job.rate(), r.consumerRate),
                        restarts(s)));
            }
            md.append('\n');
        }
        md.append(
                "## Checkpoint and state after the backlog\n\n| S | sink | checkpoint size (per source) | written (incremental: the changes) "
                        + "| by operator (B per source) | checkpoint duration (longest so far) | checkpoints completed / failed | heap after GC: before → with job |\n"
                        + "|---:|---|---:|---:|---|---:|---:|---:|\n");
        for (SourceRun r : runs) {
            for (SinkRun s : r.bySink.values()) {
                CheckpointPhase.Checkpoint c = s.checkpoint;
                md.append(String.format(
                        "| %,d | %s | %s | %s | %s | %s | %s | %s |%n",
                        r.sources,
                        s.sink.label(),
                        c == null
                                ? "—"
                                : String.format("%,d KB (%,.0f B)", c.stateBytes() >> 10, c.bytesPerSource(r.sources)),
                        c == null ? "—" : String.format("%,d KB", c.checkpointedBytes() >> 10),
                        c == null ? "—" : c.byOperator(),
                        c == null ? "—" : String.format("%,d ms (%,d ms)", c.millis(), c.maxMillis()),
                        c == null ? "—" : c.completed() + " / " + c.failed(),
                        s.heapBaseline < 0
                                ? "—"
                                : String.format("%,d → %,d MB", s.heapBaseline >> 20, s.heapWithJob >> 20)));
            }
        }
        md.append(
                "\n## Latency\n\nPublished to Kafka → the reading's point visible in InfluxDB, each source once a second, with the full job running "
                        + "after it read the backlog:\n\n");
        md.append("| S | rate (achieved) | probes seen | p50 | p99 | max seen | not seen within "
                + LatencyPhase.DRAIN_MS / 1000 + " s |\n" + "|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SourceRun r : runs) {
            SinkRun s = r.bySink.get(SinkKind.INFLUXDB);
            if (s == null) {
                continue;
            }
            for (LatencyPhase.Latency l : s.latencies.values()) {
                md.append(String.format(
                        "| %,d | %,d (%,.0f) | %d | %s | %s | %,d ms | %d |%n",
                        r.sources,
                        l.rate(),
                        l.achievedRate(),
                        l.sortedMillis().length,
                        l.show(50),
                        l.show(99),
                        l.maxSeen(),
                        l.lost()));
            }
            if (s.latencySkipped != null) {
                md.append(String.format("| %,d | — | — | — | — | — | %s |%n", r.sources, s.latencySkipped));
            }
        }
        if (!results.catchUps.isEmpty()) {
            md.append(
                    "\n## Catch-up after a one-hour outage\n\nOne hour of backlog of S sources in Kafka while the job is stopped; then the sources "
                            + "send live again and the job starts (fresh state, from the earliest offsets). Live: what it has read is within 2 s of live "
                            + "records of the topic's end.\n\n");
            md.append(
                    "| S | sink | backlog (interval) | live rate | backlog read after | live after | records/s | minutes per hour of outage | restarts |\n"
                            + "|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (CatchUpPhase.Result c : results.catchUps) {
                md.append(String.format(
                        "| %,d | %s | %,d (%d s) | %,.1f/s | %s | %s | %,.0f | **%s** | %s |%n",
                        c.sources(),
                        c.sink().label(),
                        c.backlog(),
                        c.intervalSeconds(),
                        c.liveRate(),
                        seconds(c.backlogSeconds(), c.capSeconds()),
                        seconds(c.liveSeconds(), c.capSeconds()),
                        c.rate(),
                        Double.isNaN(c.liveSeconds())
                                ? "> " + String.format("%.1f", c.capSeconds() / 60.0)
                                : String.format("%.1f", c.minutesPerHourOfOutage()),
                        c.restarts().show()));
            }
        }
        md.append(
                "\nPlots: `throughput.png` (records/s against S), `latency-cdf.png`. Registries: `registry-S.yaml`. Log: `bench.log`.\n\n");
        md.append(
                "How: the jobs read one hour of readings ending at the latest half past an hour, so every run meets the hour's close halfway through the backlog; the topic has 2 partitions; the jobs, full and SQL alike, run with parallelism 2, checkpoints every 5 s (the job's default) "
                        + "to files and state in " + options.stateBackendShown() + " (`--state-backend`), each on an "
                        + "embedded cluster of its own, started once InfluxDB is quiet (under 10 % of a core for 5 s, waited for at most 5 minutes: "
                        + "it compacts what earlier phases wrote). A job's rate is the preloaded records over the time from submission until its source operators' "
                        + "numRecordsIn (summed over subtasks, read in the bench's JVM by a metric reporter, not through the REST API) reaches them (so it includes start-up); the 10–90 % figure leaves start-up out. "
                        + "The SQL job decodes with the same decoder in a table function and computes per-MN, per-parameter minute windows (TUMBLE TVF: avg, "
                        + "min, max, count, value × flow); it does not normalise, run hourly/daily windows, efficiency, roll-ups or alerts. "
                        + "\"SQL + readings\" also normalises each reading and writes it through the job's own `ReadingPoints`: the same points as the job's. "
                        + "\"InfluxDB alone\" writes the `reading` points (built by `ReadingPoints`) of the first "
                        + String.format("%,d", InfluxCeiling.RECORDS)
                        + " records, encoded beforehand, with two threads and no job running: the sink's ceiling on this machine. Each job writes into "
                        + "a database of its own, dropped after its S. Restarts are the failures in the job's exception history (`/jobs/:jobid/exceptions`; "
                        + "its `numRestarts` metric where the REST API lists it) with their root causes, read before it is cancelled; "
                        + "a record count going back is not a restart. "
                        + (options.warmUp
                                ? String.format(
                                        "Before the first S, every job ran once over an hour of %,d sources every %d s (%,d records, discarding sink, not reported), so the phases compare code the JIT has compiled (`--no-warm-up` skips it).",
                                        Bench.WARM_UP_SOURCES, Bench.WARM_UP_INTERVAL_SECONDS, Bench.WARM_UP_RECORDS)
                                : "No warm-up (`--no-warm-up`): the first phases include the JIT compiling each job's code.")
                        + "\n\n");
        md.append(String.format(
                "Caps: each job phase at most %d s (`--cap`; a capped rate is what was read by then), the plain consumer 120 s, "
                        + "latency %d s of sending + %d s to drain per rate, the checkpoint after the backlog within 60 s. Latency is measured only "
                        + "when the job read the whole backlog within its cap.%n",
                options.capSeconds, LatencyPhase.SECONDS, LatencyPhase.DRAIN_MS / 1000));
        return md.toString();
    }

    private static String readings(SourceRun r) {
        return r.data == null ? "—" : String.format("%,d (%d s)", r.data.messages(), r.data.intervalSeconds());
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "—" : String.format("%,.0f", v);
    }

    private static String seconds(double s, int cap) {
        return Double.isNaN(s) ? "> " + cap + " s" : String.format("%.1f s", s);
    }

    private static String restarts(SinkRun s) {
        return s.jobRestarts.show() + "; " + s.sql.restarts().show() + "; "
                + s.sqlWithReadings.restarts().show();
    }
}
