package org.cems.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cems.cli.bench.BenchOptions.SinkKind;
import org.cems.cli.bench.Results.SinkRun;
import org.cems.cli.bench.Results.SourceRun;
import org.junit.jupiter.api.Test;

/** report.md: each ratio beside the figures it divides, checked by hand. */
class ReportTest {
    @Test
    void ratiosToTwoDecimalsAndADashWhenAFigureIsMissing() {
        assertThat(Report.ratio(6611, 25102)).isEqualTo("0.26");
        assertThat(Report.ratio(11418, 14122)).isEqualTo("0.81");
        assertThat(Report.ratio(Double.NaN, 1)).isEqualTo("—");
        assertThat(Report.ratio(1, Double.NaN)).isEqualTo("—");
        assertThat(Report.ratio(1, 0)).isEqualTo("—");
    }

    @Test
    void throughputShowsTheSteadyRateAndTheCap() {
        assertThat(new Throughput(6611.4, 8180.2, 18, true, null).show()).isEqualTo("6,611 (8,180)");
        assertThat(new Throughput(102, Double.NaN, 300, false, null).show()).isEqualTo("102 (—) capped");
        assertThat(Throughput.failed(new IllegalStateException("x")).show()).isEqualTo("failed");
        assertThat(Throughput.NOT_RUN.show()).isEqualTo("—");
    }

    @Test
    void percentilesCountProbesNeverSeenAsSlowest() {
        LatencyPhase.Latency l = new LatencyPhase.Latency(1000, 998, new long[] {100, 110, 120, 400}, 5, 1);
        // 5 probes: p50 is the 3rd (120 ms), p99 the 5th, never seen
        assertThat(l.show(50)).isEqualTo("120 ms");
        assertThat(l.percentile(99)).isEqualTo(-1);
        assertThat(l.show(99)).isEqualTo("> 15,000 ms (not seen)");
        assertThat(l.maxSeen()).isEqualTo(400);
    }

    @Test
    void catchUpRateAndMinutesPerHourOfOutage() {
        // 600,000 backlog + live records read in 90 s: 6,800 records/s, 1.5 minutes per hour of outage
        CatchUpPhase.Result c = new CatchUpPhase.Result(
                100_000, 600, SinkKind.DISCARD, 600_000, 166.7, 80, 90, 612_000, 300, Restarts.of(0, List.of(), false));
        assertThat(c.rate()).isEqualTo(6800.0);
        assertThat(c.minutesPerHourOfOutage()).isEqualTo(1.5);
        // not live within the cap: the rate is over the cap
        CatchUpPhase.Result capped = new CatchUpPhase.Result(
                100_000,
                600,
                SinkKind.INFLUXDB,
                600_000,
                166.7,
                Double.NaN,
                Double.NaN,
                150_000,
                300,
                Restarts.UNKNOWN);
        assertThat(capped.rate()).isEqualTo(500.0);
    }

    @Test
    void eachRatioStandsBesideItsFigures() {
        Results results = new Results();
        SourceRun r = new SourceRun(1000);
        r.data = new Preload.Loaded(1000, null, null, null, "t", 120_000, 70_000_000, 30, 0, 3_600_000, 5);
        r.consumerRate = 889_030;
        r.influxAlone = new InfluxCeiling.Result(276_122, 25_102, 11);
        SinkRun influx = new SinkRun(SinkKind.INFLUXDB);
        influx.job = new Throughput(6611, 8180, 18, true, null);
        influx.sql =
                new SqlPhase.Result(new Throughput(11437, 13672, 10, true, null), Restarts.of(0, List.of(), false));
        influx.sqlWithReadings =
                new SqlPhase.Result(new Throughput(6882, 7490, 17, true, null), Restarts.of(0, List.of(), false));
        influx.jobRestarts =
                Restarts.of(1, List.of(new Restarts.Failure(5, "sink", "java.io.IOException: boom")), false);
        influx.checkpoint =
                new CheckpointPhase.Checkpoint(14_321_000, 2_000_000, 110, 505, "source-windows 11,675 B", 9, 0);
        influx.heapBaseline = 193L << 20;
        influx.heapWithJob = 326L << 20;
        influx.latencies.put(1000, new LatencyPhase.Latency(1000, 1000, new long[] {119, 223}, 2, 0));
        Map<String, Long> series = new LinkedHashMap<>();
        series.put("emission", 440_519L);
        series.put("data_rate", 250_002L);
        series.put("reading", 100_000L);
        influx.influxLoad = new InfluxLoad(series, 1.75, 6_945_536L << 10);
        r.bySink.put(SinkKind.INFLUXDB, influx);
        SinkRun discard = new SinkRun(SinkKind.DISCARD);
        discard.job = new Throughput(11418, 17853, 10, true, null);
        discard.sql =
                new SqlPhase.Result(new Throughput(14500, 18345, 8, true, null), Restarts.of(0, List.of(), false));
        discard.sqlWithReadings =
                new SqlPhase.Result(new Throughput(14122, 18531, 8, true, null), Restarts.of(0, List.of(), false));
        discard.jobRestarts = Restarts.of(0, List.of(), false);
        r.bySink.put(SinkKind.DISCARD, discard);
        results.runs.add(r);
        results.catchUps.add(new CatchUpPhase.Result(
                1000, 30, SinkKind.DISCARD, 120_000, 33.3, 20, 24, 120_800, 300, Restarts.of(0, List.of(), false)));
        String md = Report.markdown(results, BenchOptions.parse("--sources", "1000"), "Machine: test.", 12.34);

        assertThat(md).contains("Wall time of the run: 12.3 min.");
        // job 6,611 / InfluxDB alone 25,102 = 0.26; / SQL + readings 6,882 = 0.96; / SQL windows 11,437 = 0.58; /
        // consumer 889,030 = 0.01
        assertThat(md)
                .contains(
                        "| 1,000 | 120,000 (30 s) | 889,030 | 25,102 (276,122) | 6,611 (8,180) | **0.26** | 11,437 (13,672) | 6,882 (7,490) "
                                + "| **0.96** | 0.58 | 0.01 | 1: 1 × java.io.IOException: boom; 0; 0 |");
        // discarding: 11,418 / 14,122 = 0.81, / 14,500 = 0.79
        assertThat(md)
                .contains(
                        "| 1,000 | 120,000 (30 s) | 889,030 | 11,418 (17,853) | 14,500 (18,345) | 14,122 (18,531) | **0.81** | 0.79 | 0.01 | 0; 0; 0 |");
        // 14,321,000 B = 13,985 KB, 14,321 B per source; 2,000,000 B written = 1,953 KB
        assertThat(md)
                .contains(
                        "| 1,000 | influxdb | 13,985 KB (14,321 B) | 1,953 KB | source-windows 11,675 B | 110 ms (505 ms) | 9 / 0 | 193 → 326 MB |");
        assertThat(md).contains("| 1,000 | discard | — | — | — | — | — | — |");
        // 6,945,536 KB = 6,782 MB; up to six measurements named, largest first (seriesLine(2): the rest summed)
        assertThat(md)
                .contains(
                        "| 1,000 | 1.75 | 6,782 MB | 790,521 | emission 440,519, data_rate 250,002, reading 100,000 |");
        assertThat(influx.influxLoad.seriesLine(2)).isEqualTo("emission 440,519, data_rate 250,002, others 100,000");
        assertThat(md).contains("| 1,000 | 1,000 (1,000) | 2 | 119 ms | 223 ms | 223 ms | 0 |");
        // 120,800 records in 24 s = 5,033/s; 24 s = 0.4 min per hour of outage
        assertThat(md)
                .contains("| 1,000 | discard | 120,000 (30 s) | 33.3/s | 20.0 s | 24.0 s | 5,033 | **0.4** | 0 |");
        assertThat(md).contains("Caps: each job phase at most 300 s");
        // the full job and the SQL jobs on one state backend, the job's default
        assertThat(md)
                .contains(
                        "State backend of every job, the full job and the SQL jobs alike: rocksdb with incremental checkpoints.");
        assertThat(Report.markdown(results, BenchOptions.parse("--state-backend", "hashmap"), "Machine: test.", 1))
                .contains("the SQL jobs alike: hashmap with full checkpoints.");
    }
}
