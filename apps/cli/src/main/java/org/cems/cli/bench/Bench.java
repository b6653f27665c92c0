package org.cems.cli.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cems.connector.influxdb.InfluxPoint;
import org.cems.core.reading.PayloadDecoder;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.job.EmissionsJob;
import org.cems.job.config.JobConfig;
import org.cems.job.io.InfluxSinks;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.FreePorts;
import org.cems.testkit.InfluxDbServer;

/**
 * {@code cems bench [--sources 1000,10000] [--rate 1000,10000] [--out DIR]}: on this machine, with
 * embedded Kafka and a real InfluxDB, for each number of sources S: preloads one hour of readings,
 * measures a plain consumer (the ceiling), decoding alone, the whole job and the same minute
 * windows as Flink SQL, end-to-end latency at fixed rates, checkpoint size and duration and heap;
 * writes report.md and PNG plots.
 */
public final class Bench {
    private static final String DB = "bench";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLELISM = 2;
    /** Records whose reading points are written to InfluxDB alone, for the sink's ceiling. */
    private static final int CEILING_RECORDS = 100_000;
    private static final int BATCH_POINTS = new JobConfig().influxdb.batchPoints;
    /** The job config's default checkpoint interval (5 s). */
    private static final long CHECKPOINT_MS = 5000;
    /** How often the REST API refreshes metrics (10 s by default: too coarse to time a run). */
    private static final Duration METRICS_EVERY = Duration.ofSeconds(1);
    private static final Duration CONSUME_CAP = Duration.ofSeconds(120);
    private static final Duration JOB_CAP = Duration.ofSeconds(360);
    private static final int LATENCY_SECONDS = 25;
    private static final int LATENCY_WARMUP_SECONDS = 5;
    private static final int PROBES_PER_SECOND = 20;
    /** How long after the last send probes may still turn up. */
    private static final long DRAIN_MS = 15_000;

    private final List<Integer> sourceCounts;
    private final List<Integer> rates;
    private final Path out;
    private final long maxMessages;
    private final boolean runSql;
    private final boolean discard;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuilder log = new StringBuilder();
    private EmbeddedKafka kafka;
    private InfluxDbServer influx;

    /** Everything measured for one S. */
    static final class Run {
        int sources;
        long messages;
        long bytes;
        int intervalSeconds;
        double preloadSeconds;
        long startMillis;
        double consumerRate;
        InfluxCeiling.Result influxCeiling;
        double jobRate;
        double jobSteadyRate;
        double jobSeconds;
        boolean jobComplete;
        /** The SQL job with minute windows only, and with the reading points too. */
        SqlRate sql = SqlRate.NOT_RUN;
        SqlRate sqlWithReadings = SqlRate.NOT_RUN;
        long checkpointBytes = -1;
        long checkpointFullBytes = -1;
        long checkpointMillis = -1;
        long checkpointMaxMillis = -1;
        String stateByOperator = "";
        long heapBaseline;
        long heapWithJob;
        final Map<Integer, Latency> latencies = new LinkedHashMap<>();
    }

    record SqlRate(double rate, double steadyRate, boolean complete, String error) {
        static final SqlRate NOT_RUN = new SqlRate(Double.NaN, Double.NaN, false, null);

        static SqlRate failed(Exception e) {
            return new SqlRate(Double.NaN, Double.NaN, false, e.toString());
        }

        String show() {
            return error != null ? "failed" : Bench.rate(rate, steadyRate, complete);
        }
    }

    record Latency(int rate, double achievedRate, long[] sortedMillis, int probes, int lost) {
        /** Probes never seen count as slower than any seen one; -1 when the percentile falls among them. */
        long percentile(double p) {
            int n = sortedMillis.length + lost;
            if (n == 0) {
                return -1;
            }
            int i = Math.max(0, (int) Math.ceil(p / 100.0 * n) - 1);
            return i < sortedMillis.length ? sortedMillis[i] : -1;
        }

        String show(double p) {
            long v = percentile(p);
            return v >= 0 ? String.format("%,d ms", v) : String.format("> %,d ms (not seen)", DRAIN_MS);
        }
    }

    private Bench(List<Integer> sourceCounts, List<Integer> rates, Path out, long maxMessages, boolean runSql, boolean discard) {
        this.sourceCounts = sourceCounts;
        this.rates = rates;
        this.out = out;
        this.maxMessages = maxMessages;
        this.runSql = runSql;
        this.discard = discard;
    }

    /** Where the jobs' points go: InfluxDB, or (--sink discard) nowhere, to measure the processing alone. */
    private Supplier<Sink<InfluxPoint>> pointSinks(JobConfig config) {
        return discard ? DiscardingSink::new : () -> InfluxSinks.create(config.influxdb, config.kafka);
    }

    public static final String USAGE = "usage: cems bench [--sources 1000,10000,100000] [--rate 1000,10000] [--out DIR]"
            + " [--max-messages N] [--no-sql] [--sink influxdb|discard]\n";

    public static int run(String[] args) throws Exception {
        List<Integer> sources = List.of(1000, 10000);
        List<Integer> rates = List.of(1000, 10000);
        Path out = null;
        long maxMessages = 600_000;
        boolean sql = true;
        boolean discard = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--sources".equals(a) && i + 1 < args.length) {
                sources = ints(args[++i]);
            } else if ("--rate".equals(a) && i + 1 < args.length) {
                rates = ints(args[++i]);
            } else if ("--out".equals(a) && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if ("--max-messages".equals(a) && i + 1 < args.length) {
                maxMessages = Long.parseLong(args[++i].replace("_", ""));
            } else if ("--no-sql".equals(a)) {
                sql = false;
            } else if ("--sink".equals(a) && i + 1 < args.length && List.of("influxdb", "discard").contains(args[i + 1])) {
                discard = "discard".equals(args[++i]);
            } else {
                System.err.print(USAGE);
                return 2;
            }
        }
        if (out == null) {
            out = Path.of(System.getProperty("cems.home", "."), "target", "bench",
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atZone(ZoneOffset.UTC)));
        }
        Files.createDirectories(out);
        return new Bench(sources, rates, out, maxMessages, sql, discard).run();
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(s -> Integer.parseInt(s.trim().replace("_", ""))).toList();
    }

    private int run() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        say("report folder " + out.toAbsolutePath() + "; max heap " + mb(maxHeap) + " MB, " + Runtime.getRuntime().availableProcessors() + " cores");
        if (maxHeap < 3L << 30) {
            say("note: a small heap; for 10,000 sources and more run with CEMS_JAVA_OPTS=-Xmx6g");
        }
        List<Run> runs = new ArrayList<>();
        double[] decode;
        try {
            say("starting Kafka (embedded) and InfluxDB");
            kafka = EmbeddedKafka.start();
            influx = InfluxDbServer.start();
            influx.createDatabase(DB);
            decode = decodeAlone();
            for (int s : sourceCounts) {
                Run r = new Run();
                r.sources = s;
                runs.add(r);
                try {
                    benchSources(r);
                } catch (Exception e) {
                    say("S=" + s + " failed: " + e);
                    e.printStackTrace();
                }
                writeReport(runs, decode);
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            if (influx != null) {
                influx.close();
            }
        }
        writeReport(runs, decode);
        say("done: " + out.resolve("report.md").toAbsolutePath());
        return 0;
    }

    // ---------------------------------------------------------------- decoding alone

    private double[] decodeAlone() {
        Path file = SyntheticRegistry.write(out.resolve("registry-decode.yaml"), 200);
        Payloads payloads = new Payloads(RegistryLoader.load(file));
        long t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toEpochMilli();
        List<byte[]> json = new ArrayList<>();
        List<byte[]> hj = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            for (int i = 0; i < payloads.size(); i++) {
                (Payloads.isHj212(i) ? hj : json).add(payloads.payload(i, t0 + k * 1000L));
            }
        }
        double j = decodeRate("JSON", json);
        double h = decodeRate("HJ 212", hj);
        return new double[] {j, h, avg(json), avg(hj)};
    }

    private static double avg(List<byte[]> list) {
        return list.stream().mapToInt(b -> b.length).average().orElse(0);
    }

    private double decodeRate(String name, List<byte[]> samples) {
        PayloadDecoder decoder = new PayloadDecoder(java.time.ZoneId.of("Asia/Shanghai"), 1 << 20);
        long sink = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            sink += decoder.decode(samples.get(i++ % samples.size())).readings().size();
        }
        long n = 0;
        long start = System.nanoTime();
        long end = start + 4_000_000_000L;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 1000; k++) {
                sink += decoder.decode(samples.get(i++ % samples.size())).readings().size();
            }
            n += 1000;
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        say(String.format("decoding alone, %s: %,.0f records/s on one thread (%d)", name, rate, sink & 1));
        return rate;
    }

    // ---------------------------------------------------------------- one S

    private void benchSources(Run r) throws Exception {
        int s = r.sources;
        say("=== S = " + String.format("%,d", s) + " sources ===");
        Path registryFile = SyntheticRegistry.write(out.resolve("registry-" + s + ".yaml"), s);
        Registry registry = RegistryLoader.load(registryFile);
        Payloads payloads = new Payloads(registry);
        String topic = "bench.readings." + s;
        createTopic(topic);
        preload(r, payloads, topic);
        r.consumerRate = plainConsumer(topic, r.messages);
        if (!discard) {
            r.influxCeiling = InfluxCeiling.measure(influx, "ceiling_" + s, payloads, registry, r.startMillis, r.intervalSeconds,
                    (int) Math.min(r.messages, CEILING_RECORDS), BATCH_POINTS, this::say);
        }

        System.gc();
        Thread.sleep(500);
        r.heapBaseline = heapUsed();
        JobConfig config = jobConfig(registryFile, topic, "bench-job-" + s);
        config.checkpoint.storage = out.resolve("checkpoints-" + s).toUri().toString();
        int port = FreePorts.next();
        Configuration conf = EmissionsJob.flinkConfiguration(config);
        conf.set(RestOptions.PORT, port);
        conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, METRICS_EVERY);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        EmissionsJob.build(env, config, pointSinks(config));
        say("full job: starting EmissionsJob (parallelism " + PARALLELISM + ", checkpoints every " + CHECKPOINT_MS + " ms) on an embedded cluster");
        long submitted = System.nanoTime();
        JobClient job = env.executeAsync(EmissionsJob.JOB_NAME + "-bench-" + s);
        try {
            Consumed c = awaitConsumed("full job", "http://localhost:" + port, job.getJobID().toString(), r.messages, submitted, JOB_CAP);
            r.jobRate = c.rate;
            r.jobSteadyRate = c.steadyRate;
            r.jobSeconds = c.seconds;
            r.jobComplete = c.complete;
            String base = "http://localhost:" + port;
            checkpointStats(r, base, job.getJobID().toString(), System.currentTimeMillis());
            System.gc();
            Thread.sleep(500);
            r.heapWithJob = heapUsed();
            say(String.format("heap after GC: %,d MB before the job, %,d MB with the job and its state", mb(r.heapBaseline), mb(r.heapWithJob)));
            for (int rate : discard ? List.<Integer>of() : rates) {
                if (rate > s) {
                    say("latency at " + rate + " readings/s needs at least " + rate + " sources (each sends once a second): skipped for S=" + s);
                    continue;
                }
                r.latencies.put(rate, latency(payloads, topic, rate, s));
            }
        } finally {
            cancel(job);
        }
        if (runSql) {
            r.sql = sqlJob(r, registryFile, topic, false);
            r.sqlWithReadings = sqlJob(r, registryFile, topic, true);
        }
    }

    private JobConfig jobConfig(Path registryFile, String topic, String group) {
        JobConfig config = new JobConfig();
        config.registry = registryFile.toString();
        config.parallelism = PARALLELISM;
        config.checkpoint.interval = CHECKPOINT_MS + "ms";
        config.kafka.bootstrapServers = kafka.bootstrapServers();
        config.kafka.readingsTopic = topic;
        config.kafka.groupId = group;
        config.kafka.deadletterTopic = "bench.deadletter";
        config.alerts.kafkaTopic = "bench.alerts";
        config.mqtt.enabled = false;
        config.alerts.mqttEnabled = false;
        config.influxdb.url = influx.url();
        config.influxdb.database = DB;
        return config;
    }

    private void createTopic(String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARALLELISM, (short) 1)
                    .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")))).all().get(60, TimeUnit.SECONDS);
            admin.createTopics(List.of(new NewTopic("bench.deadletter", 1, (short) 1), new NewTopic("bench.alerts", 1, (short) 1)))
                    .values().values().forEach(f -> {
                        try {
                            f.get(30, TimeUnit.SECONDS);
                        } catch (Exception ignored) {
                            // exists already
                        }
                    });
        }
    }

    private KafkaProducer<String, byte[]> producer(int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L << 20));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** One hour of event time ending at the current minute, every source every interval, keyed by MN. */
    private void preload(Run r, Payloads payloads, String topic) {
        int s = payloads.size();
        r.intervalSeconds = (int) Math.max(30, (long) Math.ceil(3600.0 * s / maxMessages));
        long end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toEpochMilli();
        long start = end - 3_600_000L;
        r.startMillis = start;
        int steps = 3600 / r.intervalSeconds;
        long total = (long) steps * s;
        say(String.format("preloading %,d readings: %,d sources every %d s over one hour of event time (JSON and HJ 212, half each)",
                total, s, r.intervalSeconds));
        long t0 = System.nanoTime();
        long lastSay = t0;
        long bytes = 0;
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = producer(20)) {
            for (int step = 0; step < steps; step++) {
                long time = start + step * r.intervalSeconds * 1000L;
                for (int i = 0; i < s; i++) {
                    byte[] payload = payloads.payload(i, time);
                    bytes += payload.length;
                    producer.send(new ProducerRecord<>(topic, null, time, payloads.mn(i), payload));
                    sent++;
                }
                if (System.nanoTime() - lastSay > 5_000_000_000L) {
                    lastSay = System.nanoTime();
                    say(String.format("  preload %,d / %,d (%.0f%%)", sent, total, 100.0 * sent / total));
                }
            }
            producer.flush();
        }
        r.messages = total;
        r.bytes = bytes;
        r.preloadSeconds = (System.nanoTime() - t0) / 1e9;
        say(String.format("preloaded %,d readings (%,d MB, %.0f B each) in %.1f s", total, bytes >> 20, (double) bytes / total, r.preloadSeconds));
    }

    private double plainConsumer(String topic, long expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        double best = 0;
        for (int round = 1; round <= 2; round++) {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
                List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                        .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                long n = 0;
                long bytes = 0;
                long start = System.nanoTime();
                long cap = start + CONSUME_CAP.toNanos();
                while (n < expected && System.nanoTime() < cap) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                    for (var rec : records) {
                        bytes += rec.value().length;
                        n++;
                    }
                }
                double rate = n / ((System.nanoTime() - start) / 1e9);
                say(String.format("plain KafkaConsumer (round %d): %,d records in %.1f s = %,.0f records/s", round, n, (System.nanoTime() - start) / 1e9, rate));
                best = Math.max(best, rate);
            }
        }
        return best;
    }

    record Consumed(double rate, double steadyRate, double seconds, boolean complete) {}

    /**
     * Polls the source operator's numRecordsIn (summed over subtasks, from the REST API) until the
     * whole topic has been read.
     */
    private Consumed awaitConsumed(String what, String base, String jobId, long total, long submittedNanos, Duration cap) throws Exception {
        long t10 = -1;
        long t90 = -1;
        long lastSay = System.nanoTime();
        String metricUrl = null;
        long read = 0;
        while (System.nanoTime() - submittedNanos < cap.toNanos()) {
            try {
                if (metricUrl == null) {
                    metricUrl = sourceMetricUrl(base, jobId);
                }
                if (metricUrl != null) {
                    JsonNode m = getJson(metricUrl);
                    if (m.size() > 0) {
                        long now = m.path(0).path("sum").asLong(read);
                        if (now < read) {
                            say("  " + what + ": the count went back from " + read + " to " + now + ": the job restarted (see its exceptions in the web UI)");
                        }
                        read = now;
                    }
                }
            } catch (Exception e) {
                // not up yet
            }
            long now = System.nanoTime();
            if (t10 < 0 && read >= total / 10) {
                t10 = now;
            }
            if (t90 < 0 && read >= total * 9 / 10) {
                t90 = now;
            }
            if (read >= total) {
                double secs = (now - submittedNanos) / 1e9;
                double steady = t90 > t10 ? 0.8 * total / ((t90 - t10) / 1e9) : Double.NaN;
                say(String.format("%s: read all %,d records in %.1f s from submission = %,.0f records/s (10%%-90%%: %,.0f records/s)",
                        what, total, secs, total / secs, steady));
                return new Consumed(total / secs, steady, secs, true);
            }
            if (now - lastSay > 5_000_000_000L) {
                lastSay = now;
                say(String.format("  %s: read %,d / %,d (%.0f%%) after %.0f s", what, read, total, 100.0 * read / total, (now - submittedNanos) / 1e9));
            }
            Thread.sleep(200);
        }
        double secs = cap.toSeconds();
        say(String.format("%s: time cap %d s reached with %,d / %,d records read = %,.0f records/s", what, cap.toSeconds(), read, total, read / secs));
        return new Consumed(read / secs, Double.NaN, secs, false);
    }

    /** The REST URL of the source operator's numRecordsIn, summed over subtasks; null until it exists. */
    private String sourceMetricUrl(String base, String jobId) throws Exception {
        for (JsonNode v : getJson(base + "/jobs/" + jobId).path("vertices")) {
            if (!v.path("name").asText().startsWith("Source")) {
                continue;
            }
            String url = base + "/jobs/" + jobId + "/vertices/" + v.path("id").asText() + "/subtasks/metrics";
            for (JsonNode m : getJson(url)) {
                String id = m.path("id").asText();
                if (id.startsWith("Source") && id.endsWith(".numRecordsIn")) {
                    return url + "?get=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&agg=sum";
                }
            }
        }
        return null;
    }

    private void checkpointStats(Run r, String base, String jobId, long afterMillis) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode cp = getJson(base + "/jobs/" + jobId + "/checkpoints");
            JsonNode latest = cp.path("latest").path("completed");
            if (!latest.isMissingNode() && !latest.isNull() && latest.path("trigger_timestamp").asLong() > afterMillis) {
                r.checkpointBytes = latest.path("checkpointed_size").asLong(-1);
                r.checkpointFullBytes = latest.path("state_size").asLong(-1);
                r.checkpointMillis = latest.path("end_to_end_duration").asLong(-1);
                r.checkpointMaxMillis = cp.path("summary").path("end_to_end_duration").path("max").asLong(-1);
                say(String.format("checkpoint %d after the backlog: state %,d B (%.0f B per source), checkpointed %,d B, %d ms (max so far %d ms); %d completed, %d failed",
                        latest.path("id").asLong(), r.checkpointFullBytes, (double) r.checkpointFullBytes / r.sources, r.checkpointBytes,
                        r.checkpointMillis, r.checkpointMaxMillis, cp.path("counts").path("completed").asLong(), cp.path("counts").path("failed").asLong()));
                r.stateByOperator = stateByOperator(base, jobId, latest.path("id").asLong(), r.sources);
                say("state per source by operator: " + r.stateByOperator);
                return;
            }
            Thread.sleep(500);
        }
        say("no checkpoint completed within 60 s after the backlog");
    }

    /** The operators holding the most state in one checkpoint, in bytes per source, largest first. */
    private String stateByOperator(String base, String jobId, long checkpointId, int sources) throws Exception {
        Map<String, String> names = new HashMap<>();
        for (JsonNode v : getJson(base + "/jobs/" + jobId).path("vertices")) {
            names.put(v.path("id").asText(), v.path("name").asText());
        }
        List<Map.Entry<String, Long>> sizes = new ArrayList<>();
        getJson(base + "/jobs/" + jobId + "/checkpoints/details/" + checkpointId).path("tasks").fields()
                .forEachRemaining(t -> sizes.add(Map.entry(names.getOrDefault(t.getKey(), t.getKey()), t.getValue().path("state_size").asLong())));
        sizes.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : sizes.subList(0, Math.min(4, sizes.size()))) {
            String name = e.getKey().length() > 40 ? e.getKey().substring(0, 40) + "…" : e.getKey();
            b.append(b.length() == 0 ? "" : ", ").append(String.format("%s %,.0f B", name, (double) e.getValue() / sources));
        }
        return b.toString();
    }

    private JsonNode getJson(String url) throws Exception {
        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(resp.body());
    }

    // ---------------------------------------------------------------- latency

    /**
     * Each of the first {@code rate} sources sends one reading a second (event time = the second),
     * paced over the second in 100 slots; 20 of them are probes: published = when send() was called,
     * visible = when a poll of InfluxDB (every 20 ms) first returns the probe's reading point.
     */
    private Latency latency(Payloads payloads, String topic, int rate, int s) throws Exception {
        say(String.format("latency at %,d readings/s for %d s (%d probes a second; the first %d s are warm-up)",
                rate, LATENCY_SECONDS, PROBES_PER_SECOND, LATENCY_WARMUP_SECONDS));
        int[] probeIdx = new int[PROBES_PER_SECOND];
        Map<Integer, String> probeSource = new HashMap<>();
        Registry registry = null;
        for (int k = 0; k < PROBES_PER_SECOND; k++) {
            probeIdx[k] = (int) ((long) k * rate / PROBES_PER_SECOND);
        }
        // source ids of the probes, from the registry order (the same order as the plant model's points)
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < PROBES_PER_SECOND; k++) {
            int i = probeIdx[k];
            String id = String.format("e%06d-%d", i / 4, i % 4);
            probeSource.put(i, id);
            ids.add(id);
        }
        Map<String, Long> published = new ConcurrentHashMap<>(); // "source@millis" -> publish time
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        AtomicLong sentCount = new AtomicLong();
        long startSecond = (System.currentTimeMillis() / 1000 + 1) * 1000;
        long warmupEnd = startSecond + LATENCY_WARMUP_SECONDS * 1000L;
        Thread poller = new Thread(() -> pollInflux(ids, published, latencies, startSecond), "bench-latency-poller");
        poller.setDaemon(true);
        long sendStart;
        long sendEnd;
        try (KafkaProducer<String, byte[]> producer = producer(0)) {
            poller.start();
            sleepUntil(startSecond);
            sendStart = System.nanoTime();
            for (int sec = 0; sec < LATENCY_SECONDS; sec++) {
                long time = startSecond + sec * 1000L;
                for (int slot = 0; slot < 100; slot++) {
                    sleepUntil(time + slot * 10L);
                    int from = (int) ((long) slot * rate / 100);
                    int to = (int) ((long) (slot + 1) * rate / 100);
                    for (int i = from; i < to; i++) {
                        byte[] payload = payloads.payload(i, time);
                        String probe = probeSource.get(i);
                        if (probe != null && time >= warmupEnd) {
                            published.put(probe + "@" + time, System.currentTimeMillis());
                        }
                        producer.send(new ProducerRecord<>(topic, null, time, payloads.mn(i), payload));
                        sentCount.incrementAndGet();
                    }
                }
                if (sec % 5 == 4) {
                    say(String.format("  %d s: sent %,d, probes seen %d / %d", sec + 1, sentCount.get(), latencies.size(), published.size()));
                }
            }
            producer.flush();
            sendEnd = System.nanoTime();
        }
        long drainUntil = System.currentTimeMillis() + DRAIN_MS;
        while (latencies.size() < published.size() && System.currentTimeMillis() < drainUntil) {
            Thread.sleep(100);
        }
        poller.interrupt();
        poller.join(2000);
        long[] sorted = latencies.values().stream().mapToLong(Long::longValue).sorted().toArray();
        double achieved = sentCount.get() / ((sendEnd - sendStart) / 1e9);
        Latency l = new Latency(rate, achieved, sorted, published.size(), published.size() - sorted.length);
        say(String.format("latency at %,d readings/s (achieved %,.0f): p50 %s, p99 %s, max seen %d ms over %d probes (%d not seen within %d s)",
                rate, achieved, l.show(50), l.show(99), sorted.length == 0 ? -1 : sorted[sorted.length - 1], l.probes, l.lost, DRAIN_MS / 1000));
        return l;
    }

    private void pollInflux(List<String> ids, Map<String, Long> published, Map<String, Long> latencies, long fromMillis) {
        String regex = String.join("|", ids);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long since = fromMillis;
                String q = "SELECT \"a01012\" FROM \"reading\" WHERE \"source\" =~ /^(" + regex + ")$/ AND time >= "
                        + since + "ms GROUP BY \"source\"";
                String body = http.send(HttpRequest.newBuilder(URI.create(influx.url() + "/query?epoch=ms&db=" + DB + "&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                long now = System.currentTimeMillis();
                for (JsonNode series : JSON.readTree(body).path("results").path(0).path("series")) {
                    String source = series.path("tags").path("source").asText();
                    for (JsonNode row : series.path("values")) {
                        String key = source + "@" + row.path(0).asLong();
                        Long sent = published.get(key);
                        if (sent != null && !latencies.containsKey(key)) {
                            latencies.put(key, now - sent);
                        }
                    }
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a slow or failed poll is retried
            }
        }
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long d = millis - System.currentTimeMillis();
        if (d > 0) {
            Thread.sleep(d);
        }
    }

    // ---------------------------------------------------------------- SQL

    private SqlRate sqlJob(Run r, Path registryFile, String topic, boolean withReadings) {
        try {
            return runSqlJob(r, registryFile, topic, withReadings);
        } catch (Exception e) {
            say("SQL job failed: " + e);
            e.printStackTrace();
            return SqlRate.failed(e);
        }
    }

    private SqlRate runSqlJob(Run r, Path registryFile, String topic, boolean withReadings) throws Exception {
        String name = withReadings ? "SQL job + readings" : "SQL job";
        String group = "bench-sql-" + (withReadings ? "readings-" : "") + r.sources;
        JobConfig config = jobConfig(registryFile, topic, group);
        Configuration conf = new Configuration();
        int port = FreePorts.next();
        conf.set(RestOptions.PORT, port);
        conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, METRICS_EVERY);
        // as for the job: in-memory checkpoint storage refuses state over 5 MB
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, out.resolve("checkpoints-" + group).toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(CHECKPOINT_MS);
        SqlJob.build(env, config, topic, group, withReadings, pointSinks(config));
        say(name + ": minute TUMBLE window TVF over the same topic, the same decoder as a table function, to InfluxDB"
                + (withReadings ? ", and every decoded reading as a point built like the job's reading points" : ""));
        long submitted = System.nanoTime();
        JobClient job = env.executeAsync("cems-bench-" + group);
        try {
            // the whole topic: the preload plus what the latency phase published
            long total = endOffsets(topic);
            Consumed c = awaitConsumed(name, "http://localhost:" + port, job.getJobID().toString(), total, submitted, JOB_CAP);
            if (total != r.messages) {
                // compare like with like: the job read only the preload; scale to records/s anyway
                say(String.format("  (the topic holds %,d records with the latency phase's; SQL rates are over all of them)", total));
            }
            return new SqlRate(c.rate, c.steadyRate, c.complete, null);
        } finally {
            cancel(job);
        }
    }

    private long endOffsets(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo pi : c.partitionsFor(topic)) {
                parts.add(new TopicPartition(topic, pi.partition()));
            }
            Collection<Long> ends = c.endOffsets(parts).values();
            return ends.stream().mapToLong(Long::longValue).sum();
        }
    }

    private void cancel(JobClient job) {
        try {
            job.cancel().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            say("cancelling the job: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- report

    private void writeReport(List<Run> runs, double[] decode) throws Exception {
        StringBuilder md = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        md.append("# cems bench report\n\n");
        md.append("Machine: ").append(rt.availableProcessors()).append(" cores (").append(cpuModel()).append("), ")
                .append(totalMemGb()).append(" GB RAM, ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(", max heap ").append(mb(rt.maxMemory())).append(" MB; ")
                .append("Kafka (embedded), the Flink MiniCluster and the load generator share one JVM; InfluxDB is a local process. ")
                .append(discard ? "**Sink: discarding** (`--sink discard`): the jobs' points go nowhere, so this measures the processing alone; "
                        + "no InfluxDB-alone or latency phase. " : "")
                .append("Run ").append(Instant.now()).append(".\n\n");
        md.append(String.format("Decoding alone, one thread: JSON %,.0f records/s per core (%.0f B each), HJ 212 %,.0f records/s per core (%.0f B each).%n%n",
                decode[0], decode[2], decode[1], decode[3]));
        md.append("| S sources | readings (interval) | plain consumer rec/s | InfluxDB alone rec/s (points/s) | full job rec/s (10–90 %) "
                + "| SQL windows rec/s (10–90 %) | SQL windows + readings rec/s (10–90 %) | job / consumer | job / InfluxDB alone "
                + "| job / SQL windows | job / SQL + readings "
                + "| checkpoint size (per source) | checkpoint duration (max) | heap after GC: before → with job |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : runs) {
            double influxRate = r.influxCeiling == null ? Double.NaN : r.influxCeiling.recordsPerSecond();
            md.append(String.format("| %,d | %,d (%d s) | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %,d → %,d MB |%n",
                    r.sources, r.messages, r.intervalSeconds, r.consumerRate,
                    r.influxCeiling == null ? "—" : String.format("%,.0f (%,.0f)", influxRate, r.influxCeiling.pointsPerSecond()),
                    rate(r.jobRate, r.jobSteadyRate, r.jobComplete),
                    r.sql.show(), r.sqlWithReadings.show(),
                    ratio(r.jobRate, r.consumerRate), ratio(r.jobRate, influxRate), ratio(r.jobRate, r.sql.rate()),
                    ratio(r.jobRate, r.sqlWithReadings.rate()),
                    r.checkpointFullBytes < 0 ? "—" : String.format("%,d KB (%,.0f B)", r.checkpointFullBytes >> 10, (double) r.checkpointFullBytes / r.sources),
                    r.checkpointMillis < 0 ? "—" : String.format("%,d ms (%,d ms)", r.checkpointMillis, r.checkpointMaxMillis),
                    mb(r.heapBaseline), mb(r.heapWithJob)));
        }
        md.append("\nEnd-to-end latency (published to Kafka → the reading's point visible in InfluxDB), each source once a second:\n\n");
        md.append("| S sources | rate (achieved) | probes seen | p50 | p99 | max seen | not seen within " + DRAIN_MS / 1000 + " s |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run r : runs) {
            for (Latency l : r.latencies.values()) {
                md.append(String.format("| %,d | %,d (%,.0f) | %d | %s | %s | %,d ms | %d |%n", r.sources, l.rate, l.achievedRate, l.sortedMillis.length,
                        l.show(50), l.show(99), l.sortedMillis.length == 0 ? -1 : l.sortedMillis[l.sortedMillis.length - 1], l.lost));
            }
        }
        md.append("\nPlots: `throughput.png` (records/s against S), `latency-cdf.png`. Registries: `registry-S.yaml`. Log: `bench.log`.\n\n");
        md.append("How: the topic has 2 partitions; the jobs run with parallelism 2 and checkpoints every 5 s (the job's default); their rate is the preloaded "
                + "records over the time from submission until the source operator's numRecordsIn (REST API, summed over subtasks) reaches them "
                + "(so it includes start-up); the 10–90 % figure leaves start-up out. The SQL job decodes with the same "
                + "decoder in a table function and computes per-MN, per-parameter minute windows (TUMBLE TVF: avg, min, max, count, value × flow) into "
                + "InfluxDB; it does not normalise, run hourly/daily windows, efficiency, roll-ups or alerts. \"SQL windows + readings\" also writes every decoded reading as a point "
                + "built by the job's own `ReadingPoints` (one per reading; enterprise and source from the registry), as `sql_reading`: "
                + "the same volume into InfluxDB. The SQL jobs' topic also holds the latency "
                + "phase's records. \"InfluxDB alone\" writes the reading points of the first " + String.format("%,d", CEILING_RECORDS)
                + " records, encoded beforehand, with two threads and no job running: the sink's ceiling on this machine.\n");
        Files.writeString(out.resolve("report.md"), md);
        Files.writeString(out.resolve("bench.log"), log);
        plots(runs);
    }

    private void plots(List<Run> runs) throws Exception {
        List<Run> done = runs.stream().filter(r -> r.messages > 0).toList();
        double[] x = done.stream().mapToDouble(r -> r.sources).toArray();
        Plot t = new Plot("Throughput against number of sources", "sources S (log scale)", "records/s", true);
        t.add("plain KafkaConsumer", x, done.stream().mapToDouble(r -> r.consumerRate).toArray());
        List<Run> ceiling = done.stream().filter(r -> r.influxCeiling != null).toList();
        if (!ceiling.isEmpty()) {
            t.add("InfluxDB alone (reading points)", ceiling.stream().mapToDouble(r -> r.sources).toArray(),
                    ceiling.stream().mapToDouble(r -> r.influxCeiling.recordsPerSecond()).toArray());
        }
        t.add("full job", x, done.stream().mapToDouble(r -> r.jobRate).toArray());
        List<Run> sql = done.stream().filter(r -> !Double.isNaN(r.sql.rate())).toList();
        t.add("Flink SQL: minute windows", sql.stream().mapToDouble(r -> r.sources).toArray(), sql.stream().mapToDouble(r -> r.sql.rate()).toArray());
        List<Run> sqlR = done.stream().filter(r -> !Double.isNaN(r.sqlWithReadings.rate())).toList();
        t.add("Flink SQL: windows + reading points", sqlR.stream().mapToDouble(r -> r.sources).toArray(),
                sqlR.stream().mapToDouble(r -> r.sqlWithReadings.rate()).toArray());
        t.save(out.resolve("throughput.png"));
        Plot c = new Plot("Latency CDF: published -> visible in InfluxDB", "latency (ms)", "fraction of probes", false).yMax(1.0);
        for (Run r : done) {
            for (Latency l : r.latencies.values()) {
                int n = l.sortedMillis.length;
                double[] lx = new double[n];
                double[] ly = new double[n];
                for (int i = 0; i < n; i++) {
                    lx[i] = l.sortedMillis[i];
                    ly[i] = (i + 1) / (double) n;
                }
                c.add(String.format("S=%,d, %,d/s", r.sources, l.rate), lx, ly);
            }
        }
        c.save(out.resolve("latency-cdf.png"));
    }

    private static String rate(double all, double steady, boolean complete) {
        if (Double.isNaN(all)) {
            return "—";
        }
        return String.format("%,.0f (%s)%s", all, Double.isNaN(steady) ? "—" : String.format("%,.0f", steady), complete ? "" : " capped");
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b <= 0 ? "—" : String.format("%.2f", a / b);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
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

    private static long mb(long bytes) {
        return bytes >> 20;
    }

    private void say(String line) {
        String s = "[bench " + DateTimeFormatter.ofPattern("HH:mm:ss").format(Instant.now().atZone(ZoneOffset.UTC)) + "] " + line;
        System.out.println(s);
        synchronized (log) {
            log.append(s).append('\n');
        }
    }
}
