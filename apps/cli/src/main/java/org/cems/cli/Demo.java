package org.cems.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.core.registry.SourceRef;
import org.cems.core.time.Durations;
import org.cems.core.time.Window;
import org.cems.job.EmissionsJob;
import org.cems.job.config.JobConfig;
import org.cems.job.endpoints.Endpoints;
import org.cems.simulator.Simulator;
import org.cems.simulator.SimulatorOptions;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.FreePorts;
import org.cems.testkit.InfluxDbServer;
import org.cems.testkit.MosquittoServer;

/**
 * {@code cems demo [--replay 24h|0] [--duration D]}: embedded Kafka, local Mosquitto and InfluxDB,
 * the simulator and the job on an embedded Flink cluster with its web UI. The simulator first
 * replays the last 24 h of the plants in fast-forward with one incident per alert type
 * ({@link DemoIncidents}), then goes live at real speed. Stops by itself after D, or on Ctrl-C,
 * prints what it wrote ({@link DemoSummary}) and stops everything it started.
 */
final class Demo implements AutoCloseable {
    private static final String DATABASE = "cems";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration REPLAY_PROGRESS_EVERY = Duration.ofSeconds(2);
    /** Without a replay, this much backfill still closes the first minutes at once. */
    private static final Duration LIVE_ONLY_BACKFILL = Duration.ofMinutes(3);
    /**
     * The replay is in when the job has closed the minute this long before the live start (the
     * last minutes close with the first live readings, after the watermark's out-of-orderness).
     */
    private static final Duration REPLAY_DONE_WITHIN = Duration.ofMinutes(2);

    private static final Duration KPIS_WITHIN = Duration.ofSeconds(60);
    /** The demo shows a 1-hour C and M period as an alert: the defaults (60m, 240m) would not fire. */
    private static final String DEMO_CALIBRATION_AND_MAINTENANCE = "30m";

    private final Path home = Path.of(System.getProperty("cems.home", "."));
    private final List<AutoCloseable> started = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch summaryDone = new CountDownLatch(1);
    private EmbeddedKafka kafka;
    private InfluxDbServer influx;
    private Simulator simulator;
    private JobClient job;
    private Registry registry;
    private ZoneId zone;
    private boolean everyPointWritten;
    /** The latest whole summary, for Ctrl-C: it stops InfluxDB (its process group gets the signal) while the demo reads. */
    private DemoSummary latest = new DemoSummary(Map.of(), List.of());

    private Instant latestAt = Instant.now();

    static int run(String[] args) throws Exception {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(DemoOptions.USAGE);
            return 0;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, Instant.now());
        } catch (IllegalArgumentException e) {
            System.err.println("cems demo: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            return 2;
        }
        try (Demo demo = new Demo()) {
            // Ctrl-C: let the main thread print the summary while the servers still run, then stop them
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                demo.stopRequested.countDown();
                                demo.awaitSummary();
                                demo.close();
                            },
                            "cems-demo-stop"));
            demo.run(options);
            return demo.everyPointWritten ? 0 : 1;
        }
    }

    /** Runs the demo until its duration, the end of the replay (tests) or Ctrl-C; returns what it wrote. */
    DemoSummary run(DemoOptions options) throws Exception {
        try {
            return runAndSummarize(options);
        } finally {
            summaryDone.countDown();
        }
    }

    private DemoSummary runAndSummarize(DemoOptions options) throws Exception {
        Path registryFile = home.resolve("docker/config/registry.yaml");
        registry = RegistryLoader.load(registryFile);
        zone = ZoneId.of(registry.timezone);
        step("starting Kafka (embedded, KRaft)");
        kafka = keep(EmbeddedKafka.start());
        step("starting Mosquitto");
        MosquittoServer mosquitto = keep(MosquittoServer.start());
        step("starting InfluxDB");
        influx = keep(InfluxDbServer.start());

        JobConfig config = new JobConfig();
        config.registry = registryFile.toString();
        config.checkpoint.interval = "10s";
        config.parallelism = 2;
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.mqtt.brokerUris = List.of(mosquitto.uri());
        config.influxdb.url = influx.url();
        config.influxdb.database = DATABASE;
        // fresh servers: the job creates its topics and database, as a first run with create_missing does
        config.createMissing = true;
        config.kafka.topicPartitions = config.parallelism;
        Endpoints.prepare(config).forEach(check -> System.out.println("[cems] " + check.line()));
        config.alerts.instrument.calibration = DEMO_CALIBRATION_AND_MAINTENANCE;
        config.alerts.instrument.maintenance = DEMO_CALIBRATION_AND_MAINTENANCE;

        int webPort = FreePorts.next();
        Configuration flinkConf = EmissionsJob.flinkConfiguration(config);
        flinkConf.set(RestOptions.PORT, webPort);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flinkConf);
        EmissionsJob.build(env, config);
        step("starting the job on an embedded Flink cluster");
        job = env.executeAsync(EmissionsJob.JOB_NAME);

        // until the job's MQTT readers have subscribed once, the broker drops what gateways publish
        mosquitto.awaitSubscriptions(config.parallelism, Duration.ofSeconds(120));
        DemoIncidents incidents = DemoIncidents.forReplay(options.replay());
        step("starting the simulator: " + registry.allSources().size()
                + " monitoring points, half over MQTT, half over Kafka"
                + (options.replay().isZero() ? "" : ", " + options.replay().toHours() + " h replayed first"));
        System.out.println("[cems] incidents played (docs/demo.md):");
        incidents.expected().forEach(line -> System.out.println("    " + line));
        simulator = new Simulator(SimulatorOptions.parse(simulatorArgs(registryFile, mosquitto, options, incidents)));
        simulator.start();
        long endNanos =
                options.duration().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);

        printHowToLook(webPort, mosquitto);
        InfluxCounts counts = new InfluxCounts(influx, DATABASE);
        boolean replayed = options.replay().isZero() || awaitReplay(options, counts, endNanos);
        if (replayed && options.stopAfterReplay()) {
            awaitOpenAlertsResolved(counts, endNanos);
            awaitKpis(counts, endNanos);
            return summary(counts);
        }
        while (System.nanoTime() < endNanos && !stopRequested.await(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
            refresh(counts);
            System.out.println(progressLine(latest));
        }
        return summary(counts);
    }

    private String[] simulatorArgs(
            Path registryFile, MosquittoServer mosquitto, DemoOptions options, DemoIncidents incidents) {
        List<String> args = new ArrayList<>(List.of(
                "--registry",
                registryFile.toString(),
                "--mqtt",
                mosquitto.uri(),
                "--kafka",
                kafka.bootstrapServers(),
                "--split",
                "--format",
                "mixed",
                "--interval",
                "10s",
                "--start",
                options.liveStart().atOffset(ZoneOffset.UTC).toString(),
                "--backfill",
                Durations.format(options.replay().isZero() ? LIVE_ONLY_BACKFILL : options.replay())));
        for (String scenario : incidents.scenarios()) {
            args.add("--scenario");
            args.add(scenario);
        }
        return args.toArray(String[]::new);
    }

    /** Prints the replay's progress (the job's closed minutes) until it is in; false when stopped first. */
    private boolean awaitReplay(DemoOptions options, InfluxCounts counts, long endNanos) throws InterruptedException {
        Instant replayStart = options.liveStart().minus(options.replay());
        Instant doneAt = options.liveStart().minus(REPLAY_DONE_WITHIN);
        long wallStart = System.nanoTime();
        long totalHours = options.replay().toHours();
        while (System.nanoTime() < endNanos) {
            Optional<Instant> latest = counts.latestMinute();
            if (latest.isPresent() && !latest.get().isBefore(doneAt)) {
                System.out.printf(
                        "[cems] replayed %d h in %d s; live at real speed from %s%n",
                        totalHours,
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - wallStart),
                        options.liveStart().atZone(zone).toLocalTime().withNano(0));
                return true;
            }
            long doneMinutes = latest.map(t -> Duration.between(replayStart, t).toMinutes())
                    .orElse(0L);
            long pct = Math.max(
                    0, Math.min(99, doneMinutes * 100 / options.replay().toMinutes()));
            System.out.printf(
                    "[cems] replaying %d h: %d %% (%d h of %d) | readings published %,d | alerts %,d%n",
                    totalHours,
                    pct,
                    Math.max(0, doneMinutes / 60),
                    totalHours,
                    simulator.stats().readingsSent(),
                    kafka.endOffset("cems.alerts"));
            refresh(counts);
            if (stopRequested.await(REPLAY_PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Until every alert the replay fired has resolved. Alert engines run on the job's watermark,
     * the slowest of its inputs, which may trail the sources' own clocks (the windows') during a
     * replay: their last resolutions land a little after the last minutes.
     */
    private void awaitOpenAlertsResolved(InfluxCounts counts, long endNanos) throws InterruptedException {
        pollUntil(endNanos, () -> counts.alerts().stream().noneMatch(i -> i.resolved() == null));
    }

    /**
     * Until the replay's first KPIs are written: the year-to-date figures follow the days by up to
     * 10 s (their shards sum every enterprise), so the last minutes can be in before them.
     */
    private void awaitKpis(InfluxCounts counts, long endNanos) throws InterruptedException {
        long until = Math.min(endNanos, System.nanoTime() + KPIS_WITHIN.toNanos());
        pollUntil(until, () -> !counts.byTag("kpi", "indicator", "").isEmpty());
    }

    /** Polls InfluxDB once a second until {@code done}, {@code untilNanos} or a stop. */
    private void pollUntil(long untilNanos, BooleanSupplier done) throws InterruptedException {
        while (System.nanoTime() < untilNanos && !done.getAsBoolean() && !stopRequested.await(1, TimeUnit.SECONDS)) {
            // polling InfluxDB
        }
    }

    private void refresh(InfluxCounts counts) {
        DemoSummary.read(counts).ifPresent(summary -> {
            latest = summary;
            latestAt = Instant.now();
        });
    }

    private String progressLine(DemoSummary summary) {
        return String.format(
                "[cems] readings published %,d | points in InfluxDB: reading %,d, emission 1m %,d 1h %,d 1d %,d, "
                        + "efficiency %,d, kpi %,d | dead letters %,d | alert events %,d",
                simulator.stats().readingsSent(),
                summary.count("reading", DemoSummary.ALL),
                summary.count("emission", Window.MINUTE.label()),
                summary.count("emission", Window.HOUR.label()),
                summary.count("emission", Window.DAY.label()),
                summary.total("efficiency"),
                summary.total("kpi"),
                kafka.endOffset("cems.deadletter"),
                kafka.endOffset("cems.alerts"));
    }

    private DemoSummary summary(InfluxCounts counts) {
        Optional<DemoSummary> now = DemoSummary.read(counts);
        if (now.isEmpty()) {
            System.out.println("[cems] InfluxDB no longer answers (Ctrl-C stops it too): the summary as of "
                    + latestAt.atZone(zone).toLocalTime().withNano(0));
        }
        DemoSummary summary = now.orElse(latest);
        System.out.println(progressLine(summary));
        summary.print(System.out, zone);
        everyPointWritten = now.isEmpty() || checkEveryPointWritten(counts);
        return summary;
    }

    /** Every point of the registry has readings and 1-minute emissions: says which do not. */
    private boolean checkEveryPointWritten(InfluxCounts counts) {
        Map<String, Long> readings = counts.bySource("reading", "");
        Map<String, Long> minutes = counts.bySource("emission", "\"window\" = '1m'");
        List<String> missing = new ArrayList<>();
        for (SourceRef ref : registry.allSources()) {
            String id = ref.source().id;
            if (readings.getOrDefault(id, 0L) == 0 || minutes.getOrDefault(id, 0L) == 0) {
                missing.add(id + " (reading " + readings.getOrDefault(id, 0L) + ", 1m emission "
                        + minutes.getOrDefault(id, 0L) + ")");
            }
        }
        if (missing.isEmpty()) {
            System.out.println(
                    "[cems] every one of the " + registry.allSources().size()
                            + " monitoring points has reading and 1-minute emission points in InfluxDB");
            return true;
        }
        System.out.println("[cems] points missing for " + String.join(", ", missing));
        return false;
    }

    private void awaitSummary() {
        try {
            summaryDone.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void printHowToLook(int webPort, MosquittoServer mosquitto) {
        String q = "curl -sG '" + influx.url() + "/query' --data-urlencode 'db=" + DATABASE + "' --data-urlencode ";
        System.out.println();
        System.out.println("  Flink web UI:   http://localhost:" + webPort);
        System.out.println("  InfluxDB:       " + influx.url() + "  (database " + DATABASE + ")");
        System.out.println(
                "  Kafka:          " + kafka.bootstrapServers() + "  (topics cems.readings, cems.deadletter)");
        System.out.println("  MQTT:           " + mosquitto.uri() + "  (gateways publish to cems/{mn}/up)");
        System.out.println("  Look at the data while it runs, e.g.:");
        System.out.println(
                "    " + q + "\"q=SELECT * FROM emission WHERE \\\"window\\\"='1m' ORDER BY time DESC LIMIT 5\"");
        System.out.println("    " + q + "\"q=SELECT last(a21026) FROM reading GROUP BY source\"");
        System.out.println("    " + q
                + "\"q=SELECT sum(a21002_mass_kg) FROM emission WHERE \\\"window\\\"='1m' GROUP BY enterprise\"");
        System.out.println("  Ctrl-C stops everything.");
        System.out.println();
    }

    private <T extends AutoCloseable> T keep(T server) {
        started.add(server);
        return server;
    }

    private static void step(String what) {
        System.out.println("[cems] " + what + " ...");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (simulator != null) {
            simulator.close();
        }
        if (job != null) {
            try {
                job.cancel().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("[cems] cancelling the job: " + e.getMessage());
            }
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("[cems] stopping: " + e.getMessage());
            }
        }
        System.out.println("[cems] stopped everything the demo started");
    }
}
