package org.cems.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.core.registry.SourceRef;
import org.cems.core.time.Durations;
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
 * {@code cems demo [--duration D]}: embedded Kafka, local Mosquitto and InfluxDB, the simulator
 * and the job on an embedded Flink cluster with its web UI, with a progress line; stops by itself
 * after D, or on Ctrl-C, and stops everything it started.
 */
final class Demo implements AutoCloseable {
    static final String USAGE = "usage: cems demo [--duration 60s]\n";
    private static final String DATABASE = "cems";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Path home = Path.of(System.getProperty("cems.home", "."));
    private final List<AutoCloseable> started = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private EmbeddedKafka kafka;
    private InfluxDbServer influx;
    private Simulator simulator;
    private JobClient job;

    static int run(String[] args) throws Exception {
        Duration duration = null;
        for (int i = 0; i < args.length; i++) {
            if ("--duration".equals(args[i]) && i + 1 < args.length) {
                duration = Durations.parse(args[++i]);
            } else {
                System.err.print(USAGE);
                return 2;
            }
        }
        try (Demo demo = new Demo()) {
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "cems-demo-stop"));
            return demo.run(duration);
        }
    }

    private int run(Duration duration) throws Exception {
        Path registryFile = home.resolve("docker/config/registry.yaml");
        Registry registry = RegistryLoader.load(registryFile);
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

        int webPort = FreePorts.next();
        Configuration flinkConf = EmissionsJob.flinkConfiguration(config);
        flinkConf.set(RestOptions.PORT, webPort);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flinkConf);
        EmissionsJob.build(env, config);
        step("starting the job on an embedded Flink cluster");
        job = env.executeAsync(EmissionsJob.JOB_NAME);

        // until the job's MQTT readers have subscribed once, the broker drops what gateways publish
        mosquitto.awaitSubscriptions(config.parallelism, Duration.ofSeconds(120));
        step("starting the simulator: " + registry.allSources().size() + " monitoring points, half over MQTT, half over Kafka");
        simulator = new Simulator(SimulatorOptions.parse(new String[] {
                "--registry", registryFile.toString(), "--mqtt", mosquitto.uri(), "--kafka", kafka.bootstrapServers(),
                "--split", "--format", "mixed", "--backfill", "3m", "--interval", "10s"}));
        simulator.start();

        printHowToLook(webPort, mosquitto);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        long endNanos = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        InfluxCounts counts = new InfluxCounts(influx, DATABASE);
        while (System.nanoTime() < endNanos && !stopped.await(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.println(progressLine(counts));
        }
        return summary(registry, counts);
    }

    private String progressLine(InfluxCounts counts) {
        return String.format("[cems] readings published %,d | points in InfluxDB: reading %,d, emission %,d, quality %,d | dead letters %,d | alerts %,d",
                simulator.stats().readingsSent(), counts.total("reading", "value"), counts.total("emission", "valid_count"),
                counts.total("quality", "count"), kafka.endOffset("cems.deadletter"), kafka.endOffset("cems.alerts"));
    }

    private int summary(Registry registry, InfluxCounts counts) {
        System.out.println(progressLine(counts));
        Map<String, Long> readings = counts.bySource("reading", "value", "");
        Map<String, Long> minutes = counts.bySource("emission", "valid_count", "\"window\" = '1m'");
        List<String> missing = new ArrayList<>();
        for (SourceRef ref : registry.allSources()) {
            String id = ref.source().id;
            if (readings.getOrDefault(id, 0L) == 0 || minutes.getOrDefault(id, 0L) == 0) {
                missing.add(id + " (reading " + readings.getOrDefault(id, 0L) + ", 1m emission " + minutes.getOrDefault(id, 0L) + ")");
            }
        }
        if (missing.isEmpty()) {
            System.out.println("[cems] summary: every one of the " + registry.allSources().size()
                    + " monitoring points has reading and 1-minute emission points in InfluxDB");
            return 0;
        }
        System.out.println("[cems] summary: points missing for " + String.join(", ", missing));
        return 1;
    }

    private void printHowToLook(int webPort, MosquittoServer mosquitto) {
        String q = "curl -sG '" + influx.url() + "/query' --data-urlencode 'db=" + DATABASE + "' --data-urlencode ";
        System.out.println();
        System.out.println("  Flink web UI:   http://localhost:" + webPort);
        System.out.println("  InfluxDB:       " + influx.url() + "  (database " + DATABASE + ")");
        System.out.println("  Kafka:          " + kafka.bootstrapServers() + "  (topics cems.readings, cems.deadletter)");
        System.out.println("  MQTT:           " + mosquitto.uri() + "  (gateways publish to cems/{mn}/up)");
        System.out.println("  Look at the data while it runs, e.g.:");
        System.out.println("    " + q + "\"q=SELECT * FROM emission WHERE \\\"window\\\"='1m' ORDER BY time DESC LIMIT 5\"");
        System.out.println("    " + q + "\"q=SELECT last(value) FROM reading WHERE code='a21026' GROUP BY source\"");
        System.out.println("    " + q + "\"q=SELECT sum(mass_kg) FROM emission WHERE pollutant='a21002' AND \\\"window\\\"='1m' GROUP BY enterprise\"");
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
