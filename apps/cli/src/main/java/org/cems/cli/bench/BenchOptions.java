package org.cems.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cems.job.config.JobConfig;

/**
 * The parsed options of {@code cems bench}. The defaults are the whole issue-18 matrix: S = 1,000,
 * 10,000 and 100,000, each with InfluxDB and with the discarding sink, latency at 1,000 and 10,000
 * readings/s, and the catch-up after a one-hour outage at the largest S.
 */
final class BenchOptions {
    /** Where the jobs' points go. */
    enum SinkKind {
        INFLUXDB,
        DISCARD;

        String label() {
            return name().toLowerCase();
        }
    }

    static final String USAGE = """
            usage: cems bench [--sources 1000,10000,100000] [--sink influxdb,discard] [--rate 1000,10000]
                              [--catch-up-sources N] [--catch-up-interval SECONDS] [--cap SECONDS]
                              [--max-messages N] [--state-backend rocksdb|hashmap] [--no-sql] [--no-warm-up]
                              [--out DIR]
              Throughput, latency, checkpoints and catch-up of the job on this machine, against Kafka
              alone, InfluxDB alone and the same minute windows as Flink SQL (docs/benchmark.md).
              With no options it runs the whole matrix, each job phase capped (estimated 45 minutes on an
              idle 2-core machine); progress on stderr.
              --sources LIST        numbers of synthetic sources S, one run each (default 1000,10000,100000)
              --sink LIST           influxdb, discard or both (default both): where the jobs' points go
              --rate LIST           readings/s of the latency phase, with InfluxDB only (default 1000,10000)
              --catch-up-sources N  S of the catch-up after a one-hour outage (default: the largest of --sources; 0 skips it)
              --catch-up-interval S seconds between two readings of a source in the catch-up (default: as the preload)
              --cap SECONDS         longest a job may take over one phase (default 300)
              --max-messages N      the preload's size cap: the interval grows with S to stay under it (default 600000)
              --state-backend NAME  keyed state of every job, the full job and the SQL jobs alike: rocksdb (incremental
                                    checkpoints) or hashmap (the heap, full checkpoints); default the job's, rocksdb
              --no-sql              skip the Flink SQL jobs
              --no-warm-up          skip the warm-up (every job once over %,d records first, not reported)
              --out DIR             report folder (default target/bench/DATE-TIME)
            """.formatted(Bench.WARM_UP_RECORDS);

    List<Integer> sources = List.of(1000, 10000, 100000);
    List<SinkKind> sinks = List.of(SinkKind.INFLUXDB, SinkKind.DISCARD);
    List<Integer> rates = List.of(1000, 10000);
    /** -1: the largest of {@link #sources}. */
    int catchUpSources = -1;
    /** -1: the preload's interval for that S. */
    int catchUpIntervalSeconds = -1;

    int capSeconds = 300;
    long maxMessages = 600_000;
    /** {@code checkpoint.state_backend} of every job of the run; RocksDB keeps the job's incremental checkpoints. */
    String stateBackend = new JobConfig.Checkpoint().stateBackend;

    boolean sql = true;
    /** Every job once over a small backlog before the measured phases, so they compare compiled code. */
    boolean warmUp = true;

    Path out;

    /** The options, or an {@link IllegalArgumentException} naming what is wrong. */
    static BenchOptions parse(String... args) {
        BenchOptions o = new BenchOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--no-sql".equals(a)) {
                o.sql = false;
                continue;
            }
            if ("--no-warm-up".equals(a)) {
                o.warmUp = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--sources" -> o.sources = distinct(a, positives(a, v));
                case "--rate" -> o.rates = positives(a, v);
                case "--sink" -> o.sinks = sinks(v);
                case "--catch-up-sources" -> o.catchUpSources = number(a, v, 0);
                case "--catch-up-interval" -> o.catchUpIntervalSeconds = number(a, v, 1);
                case "--cap" -> o.capSeconds = number(a, v, 1);
                case "--max-messages" -> o.maxMessages = number(a, v, 1);
                case "--state-backend" -> o.stateBackend = stateBackend(v);
                case "--out" -> o.out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option: " + a);
            }
        }
        return o;
    }

    /** The state backend of every job of the run, as the plan and the report show it. */
    String stateBackendShown() {
        JobConfig.Checkpoint c = new JobConfig.Checkpoint();
        boolean incremental = JobConfig.Checkpoint.STATE_BACKEND_ROCKSDB.equals(stateBackend) && c.incremental;
        return stateBackend + (incremental ? " with incremental checkpoints" : " with full checkpoints");
    }

    /** The S of the catch-up phase; 0 when it is skipped. */
    int catchUpSources() {
        return catchUpSources >= 0
                ? catchUpSources
                : sources.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Seconds between two readings of one source when S sources may send at most {@link #maxMessages} in an hour (at least 30). */
    int intervalSeconds(int s) {
        return (int) Math.max(30, (long) Math.ceil(3600.0 * s / maxMessages));
    }

    int catchUpIntervalSeconds(int s) {
        return catchUpIntervalSeconds > 0 ? catchUpIntervalSeconds : intervalSeconds(s);
    }

    private static String stateBackend(String name) {
        if (!JobConfig.Checkpoint.STATE_BACKEND_ROCKSDB.equals(name)
                && !JobConfig.Checkpoint.STATE_BACKEND_HASHMAP.equals(name)) {
            throw new IllegalArgumentException("--state-backend takes rocksdb or hashmap, not " + name);
        }
        return name;
    }

    private static List<SinkKind> sinks(String csv) {
        List<SinkKind> list = new ArrayList<>();
        for (String s : csv.split(",")) {
            switch (s.trim()) {
                case "influxdb" -> list.add(SinkKind.INFLUXDB);
                case "discard" -> list.add(SinkKind.DISCARD);
                default -> throw new IllegalArgumentException("--sink takes influxdb, discard or both, not " + s);
            }
        }
        return List.copyOf(list);
    }

    private static List<Integer> positives(String option, String csv) {
        return Arrays.stream(csv.split(",")).map(s -> number(option, s, 1)).toList();
    }

    /** Each S once: a second run of an S would preload a topic that exists already. */
    private static List<Integer> distinct(String option, List<Integer> values) {
        if (values.stream().distinct().count() < values.size()) {
            throw new IllegalArgumentException(option + " names a value twice: " + values);
        }
        return values;
    }

    private static int number(String option, String text, int min) {
        try {
            int n = Integer.parseInt(text.trim().replace("_", ""));
            if (n < min) {
                throw new IllegalArgumentException(option + " must be at least " + min + ": " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number: " + text);
        }
    }
}
