package org.cems.cli.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cems.cli.bench.BenchOptions.SinkKind;
import org.cems.cli.bench.Results.SinkRun;
import org.cems.cli.bench.Results.SourceRun;

/**
 * {@code cems bench}: runs the plan of {@link BenchOptions} on this machine, with embedded Kafka
 * and a real InfluxDB, phase by phase: decoding alone; then for each S the preload, the plain
 * consumer, InfluxDB alone, and for each sink the SQL jobs and the full job (checkpoint, state,
 * latency); then the catch-up after an outage. Writes report.md (rewritten after each S), bench.log
 * and PNG plots.
 */
public final class Bench {
    public static final String USAGE = BenchOptions.USAGE;

    /** The warm-up's backlog: an hour of 1,000 sources a minute apart, its hour's close included. */
    static final int WARM_UP_SOURCES = 1_000;

    static final int WARM_UP_INTERVAL_SECONDS = 60;

    static final int WARM_UP_RECORDS = WARM_UP_SOURCES * 3600 / WARM_UP_INTERVAL_SECONDS;

    private final BenchOptions options;
    private final Path out;
    private final Progress progress = new Progress();
    private final Results results = new Results();
    private Rig rig;

    private Bench(BenchOptions options, Path out) {
        this.options = options;
        this.out = out;
    }

    public static int run(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cems bench: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        Path out = options.out != null
                ? options.out
                : Path.of(
                        System.getProperty("cems.home", "."),
                        "target",
                        "bench",
                        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .format(Instant.now().atZone(ZoneOffset.UTC)));
        Files.createDirectories(out);
        return new Bench(options, out).run();
    }

    private int run() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        progress.say("report folder " + out.toAbsolutePath() + "; max heap " + (maxHeap >> 20) + " MB, "
                + Runtime.getRuntime().availableProcessors()
                + " cores; plan: S = " + options.sources + ", sinks "
                + options.sinks.stream().map(SinkKind::label).toList() + ", latency at "
                + options.rates + " readings/s, catch-up at S = " + options.catchUpSources() + "; every job's state "
                + options.stateBackendShown()
                + "; each job phase capped at " + options.capSeconds + " s");
        int largest = Math.max(
                options.catchUpSources(),
                options.sources.stream().mapToInt(Integer::intValue).max().orElse(0));
        if (largest >= 100_000 && maxHeap < 12L << 30) {
            // measured: at -Xmx8g the job for 100,000 sources spent minutes in full GCs while starting
            progress.say("note: S = 100,000 needs about CEMS_JAVA_OPTS=-Xmx14g; with this heap the job may not start");
        } else if (largest >= 10_000 && maxHeap < 3L << 30) {
            progress.say("note: a small heap; for 10,000 sources and more run with CEMS_JAVA_OPTS=-Xmx6g");
        }
        try (Rig r = new Rig(options, out, progress)) {
            rig = r;
            progress.phase("decode ceiling");
            results.decode = DecodeCeiling.run(rig);
            if (options.warmUp) {
                warmUp();
            }
            for (int s : options.sources) {
                SourceRun run = new SourceRun(s);
                results.runs.add(run);
                try {
                    benchSources(run);
                } catch (Exception e) {
                    progress.say("S=" + s + " failed: " + e);
                    e.printStackTrace();
                }
                writeReport();
            }
            int catchUp = options.catchUpSources();
            for (SinkKind sink : catchUp > 0 ? options.sinks : List.<SinkKind>of()) {
                progress.phase(label(catchUp, sink) + " · catch-up after a one-hour outage");
                try {
                    rig.awaitQuietInflux();
                    results.catchUps.add(
                            CatchUpPhase.run(rig, catchUp, options.catchUpIntervalSeconds(catchUp), sink, cap()));
                } catch (Exception e) {
                    progress.say("catch-up failed: " + e);
                    e.printStackTrace();
                }
                writeReport();
            }
        }
        progress.phase("");
        writeReport();
        progress.say("done in " + progress.elapsed() + ": "
                + out.resolve("report.md").toAbsolutePath());
        return 0;
    }

    /**
     * Every job once over a small backlog, not reported, so that the measured phases compare jobs
     * whose code the JIT has compiled. Cold, the full job (some 40 operators) spent a fifth of the
     * two cores in the JIT compiler over its whole 100-second phase at S = 100,000, and read 5,841
     * records/s at S = 1,000 where it read 9,101 after the SQL jobs had warmed the shared code; a job
     * that runs for months pays that once.
     */
    private void warmUp() throws Exception {
        progress.phase("warm-up (not reported)");
        Preload.Loaded data = Preload.run(
                rig,
                "bench.warm-up",
                WARM_UP_SOURCES,
                WARM_UP_INTERVAL_SECONDS,
                Preload.endHalfPastAnHour(Instant.now()));
        if (options.sql) {
            SqlPhase.run(rig, data, SinkKind.DISCARD, false, "warm_up_sql", cap());
            SqlPhase.run(rig, data, SinkKind.DISCARD, true, "warm_up_sqlr", cap());
        }
        try (RunningJob job =
                FullJob.start(rig, "warm-up", data.registryFile(), data.topic(), SinkKind.DISCARD, "warm_up_job")) {
            job.awaitRead("full job (warm-up)", data.messages(), cap());
        }
    }

    private Duration cap() {
        return Duration.ofSeconds(options.capSeconds);
    }

    private static String label(int s, SinkKind sink) {
        return String.format("S=%,d %s", s, sink.label());
    }

    private void benchSources(SourceRun run) throws Exception {
        int s = run.sources;
        String sLabel = String.format("S=%,d", s);
        progress.phase(sLabel + " · preload Kafka");
        run.data = Preload.run(
                rig, "bench.readings." + s, s, options.intervalSeconds(s), Preload.endHalfPastAnHour(Instant.now()));
        progress.phase(sLabel + " · plain consumer");
        run.consumerRate = ConsumerCeiling.run(rig, run.data.topic(), run.data.messages());
        if (options.sinks.contains(SinkKind.INFLUXDB)) {
            progress.phase(sLabel + " · InfluxDB alone");
            rig.awaitQuietInflux();
            String db = "alone_" + s;
            run.influxAlone = InfluxCeiling.measure(rig, db, run.data);
            rig.dropDatabase(db);
        }
        for (SinkKind sink : options.sinks) {
            SinkRun sr = new SinkRun(sink);
            run.bySink.put(sink, sr);
            String at = label(s, sink);
            // the SQL jobs first: the latency phase, with the full job, adds records to the topic
            if (options.sql) {
                progress.phase(at + " · SQL windows job");
                rig.awaitQuietInflux();
                sr.sql = SqlPhase.run(rig, run.data, sink, false, "sql_" + s, cap());
                progress.phase(at + " · SQL windows job with readings");
                rig.awaitQuietInflux();
                sr.sqlWithReadings = SqlPhase.run(rig, run.data, sink, true, "sqlr_" + s, cap());
                rig.dropDatabase("sql_" + s);
                rig.dropDatabase("sqlr_" + s);
            }
            try {
                fullJob(run, sr, at);
            } finally {
                rig.dropDatabase("job_" + s);
            }
        }
    }

    /** The full job over the preload, then with it running: checkpoint and state, heap, latency at each rate (InfluxDB only). */
    private void fullJob(SourceRun run, SinkRun sr, String at) throws Exception {
        int s = run.sources;
        progress.phase(at + " · full job");
        rig.awaitQuietInflux();
        System.gc();
        Thread.sleep(500);
        sr.heapBaseline = heapUsed();
        try (RunningJob job = FullJob.start(
                rig, s + "-" + sr.sink.label(), run.data.registryFile(), run.data.topic(), sr.sink, "job_" + s)) {
            InfluxLoad.CpuMark influxBefore = InfluxLoad.mark(rig);
            sr.job = job.awaitRead("full job", run.data.messages(), cap());
            if (sr.sink == SinkKind.INFLUXDB) {
                sr.influxLoad = InfluxLoad.after(rig, influxBefore, "job_" + s);
                progress.say(String.format(
                        "InfluxDB over the phase: %.2f cores, %s resident after it; %,d series: %s",
                        sr.influxLoad.cpuCores(),
                        sr.influxLoad.rssShown(),
                        sr.influxLoad.totalSeries(),
                        sr.influxLoad.seriesLine(6)));
            }
            progress.phase(at + " · checkpoint and state");
            sr.checkpoint = CheckpointPhase.run(rig, job, s);
            System.gc();
            Thread.sleep(500);
            sr.heapWithJob = heapUsed();
            progress.say(String.format(
                    "heap after GC: %,d MB before the job, %,d MB with the job and its state",
                    sr.heapBaseline >> 20, sr.heapWithJob >> 20));
            if (sr.sink == SinkKind.INFLUXDB) {
                latency(run, sr, at);
            }
            sr.jobRestarts = job.restarts();
            progress.say("full job: restarts " + sr.jobRestarts.show());
        }
    }

    private void latency(SourceRun run, SinkRun sr, String at) throws Exception {
        if (!sr.job.complete()) {
            sr.latencySkipped = "skipped: the job had not read the backlog within the cap";
            progress.say("latency " + sr.latencySkipped);
            return;
        }
        for (int rate : options.rates) {
            if (rate > run.sources) {
                progress.say("latency at " + rate + " readings/s needs at least " + rate
                        + " sources (each sends once a second): skipped");
                continue;
            }
            progress.phase(at + String.format(" · latency at %,d/s", rate));
            sr.latencies.put(
                    rate, LatencyPhase.run(rig, run.data.payloads(), run.data.topic(), "job_" + run.sources, rate));
        }
    }

    private void writeReport() throws Exception {
        Runtime rt = Runtime.getRuntime();
        String machine =
                "Machine: " + rt.availableProcessors() + " cores (" + cpuModel() + "), " + totalMemGb() + " GB RAM, "
                        + System.getProperty("java.vm.name") + ' ' + System.getProperty("java.version") + ", max heap "
                        + (rt.maxMemory() >> 20) + " MB; "
                        + "Kafka (embedded), the Flink MiniClusters and the load generator share one JVM; InfluxDB is a local process. Run "
                        + Instant.now() + ".";
        Files.writeString(
                out.resolve("report.md"), Report.markdown(results, options, machine, progress.elapsedMinutes()));
        Files.writeString(out.resolve("bench.log"), progress.log());
        ReportPlots.write(results, out);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }

    private static long totalMemGb() {
        try {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return Math.round(os.getTotalMemorySize() / 1e9);
        } catch (Exception e) {
            return -1;
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
