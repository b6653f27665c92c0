package org.cems.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cems.core.registry.Registry;
import org.cems.core.registry.RegistryLoader;
import org.cems.core.registry.SourceRef;
import org.cems.hj212.ParameterCodes;
import org.cems.job.EmissionsJob;
import org.cems.job.config.JobConfig;
import org.cems.simulator.Simulator;
import org.cems.simulator.SimulatorOptions;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.InfluxDbServer;
import org.cems.testkit.MosquittoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every query of every dashboard and alert rule, with Grafana's macros and template variables
 * expanded, runs on a real InfluxDB filled by a real run of the job (the demo registry's plants
 * from the simulator over MQTT and Kafka, 66 minutes of event time) and returns series; every
 * measurement, tag and field it names is one the job writes. Queries for what the job does not
 * write yet (contract measurements in progress) are skipped, naming what they wait for.
 */
class DashboardQueriesITCase {
    static final String DB = "cems";
    /**
     * Midnight in Ordos: a reading a minute for 25.5 h closes a whole local day (daily KPIs, the
     * equipment efficiency gain) and the hours after it.
     */
    static final Instant START = Instant.parse("2026-11-25T16:00:00Z");

    static final int READINGS_PER_POINT = 1530;
    static final long INTERVAL_MS = 60_000L;
    static final long FROM = START.minus(Duration.ofDays(1)).toEpochMilli();
    /**
     * The dashboards' range covers the simulated day and now: `quality` counts dead letters per
     * minute of arrival, so they sit at the test's wall-clock time, not at START.
     */
    static final long TO = Math.max(
            START.plus(Duration.ofDays(1)).toEpochMilli(),
            System.currentTimeMillis() + Duration.ofHours(1).toMillis());

    static final Pattern ALIAS = Pattern.compile("\\bAS\\s+\"[^\"]*\"", Pattern.CASE_INSENSITIVE);
    static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    static EmbeddedKafka kafka;
    static MosquittoServer mosquitto;
    static InfluxDbServer influx;
    static InfluxSchema schema;

    @BeforeAll
    static void runTheJob() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, "cems.readings");
        kafka.createTopics(1, "cems.deadletter");
        mosquitto = MosquittoServer.start();
        influx = InfluxDbServer.start();
        influx.createDatabase(DB);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, jobConfig());
        JobClient job = env.executeAsync("dashboard-data");
        try (KafkaProducer<String, String> gateway = producer()) {
            mosquitto.awaitSubscriptions(2, Duration.ofSeconds(60));
            try (Simulator sim = new Simulator(SimulatorOptions.parse(new String[] {
                "--registry",
                RepoFiles.REGISTRY.toString(),
                "--mqtt",
                mosquitto.uri(),
                "--kafka",
                kafka.bootstrapServers(),
                "--split",
                "--format",
                "mixed",
                "--speed",
                "max",
                "--interval",
                "60s",
                "--count",
                String.valueOf(READINGS_PER_POINT),
                "--start",
                START.toString(),
                // incidents that fire and resolve within the run: an analyser fault of 20 min
                // (instrument alert) and an FGD pump trip of 30 min (efficiency-drop alert)
                "--scenario",
                "analyser-fault@0m",
                "--scenario",
                "fgd-pump-trip@5m:u1-fgd"
            }))) {
                sim.run();
            }
            // the registry's names and coordinates, written once when the job starts
            awaitRows(
                    "SELECT count(\"enterprise_name\") FROM \"registry_enterprise\"",
                    "SELECT count(\"source_name\") FROM \"registry_source\"",
                    "SELECT count(\"device_name\") FROM \"registry_device\"");
            sendPlantComputerFeed(gateway);
            sendBadPayloads(gateway);
            awaitRows(
                    "SELECT count(\"coal_rate_net_gce_kwh\") FROM \"carbon\" WHERE \"window\" = '1d'",
                    "SELECT count(\"value\") FROM \"kpi\" WHERE \"indicator\" = 'coal_rate_net_gce_kwh'",
                    "SELECT count(\"value\") FROM \"kpi\" WHERE \"indicator\" = 'vocs_reduction_t'",
                    "SELECT count(\"conc_ref_mg_m3\") FROM \"emission\" WHERE \"window\" = '1h' AND \"exceeded\" = true",
                    "SELECT count(\"value\") FROM \"alert\" WHERE \"state\" = 'resolved' AND \"type\" = 'efficiency_drop'",
                    "SELECT count(\"value\") FROM \"kpi\" WHERE \"indicator\" = 'equipment_efficiency_gain_pct'");
            // a retransmission and a reading from long before the closed windows: duplicate and late
            String mn = largeUnitMns().get(0);
            send(gateway, mn, "[" + plantComputerReading(mn, START.toEpochMilli() + 5_000, true) + "]");
            send(
                    gateway,
                    mn,
                    "["
                            + plantComputerReading(
                                    mn, START.minus(Duration.ofDays(3)).toEpochMilli(), false) + "]");
            awaitRows(
                    "SELECT count(\"count\") FROM \"quality\" WHERE \"reason\" = 'late'",
                    "SELECT count(\"count\") FROM \"quality\" WHERE \"reason\" = 'duplicate'");
            // the duty dashboard: rates of the simulated day, and the no_data incidents of the plants now silent
            awaitRows(
                    "SELECT count(\"transmission_pct\") FROM \"data_rate\" WHERE \"scope\" = 'city' AND \"window\" = '1d'",
                    "SELECT count(\"transmission_pct\") FROM \"data_rate\" WHERE \"scope\" = 'source' AND \"window\" = '1h'",
                    "SELECT count(\"open_minutes\") FROM (SELECT last(\"open\") AS \"open\", last(\"open_minutes\") AS \"open_minutes\" "
                            + "FROM \"incident_open\" GROUP BY \"enterprise\", \"source\", \"device\", \"pollutant\", \"type\") WHERE \"open\" = 1",
                    "SELECT count(\"open\") FROM \"incident_count\" WHERE \"open\" > 0");
        } finally {
            job.cancel().get();
        }
        schema = new InfluxSchema(influx, DB);
    }

    @AfterAll
    static void stopServers() {
        if (influx != null) {
            influx.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    static JobConfig jobConfig() {
        JobConfig c = new JobConfig();
        c.registry = RepoFiles.REGISTRY.toString();
        c.parallelism = 2;
        c.maxOutOfOrderness = "0s";
        c.idleTimeout = "3s";
        // the plant-computer feed follows the simulator's whole day: it corrects closed windows
        c.allowedLateness = "2d";
        c.checkpoint.interval = "1s";
        // plants silent once the simulator is done open no_data incidents the duty dashboard lists
        c.alerts.noData.silentFor = "20s";
        c.incidents.snapshotInterval = "5s";
        c.kafka.bootstrapServers = kafka.bootstrapServers();
        c.mqtt.brokerUris = List.of(mosquitto.uri());
        c.influxdb.url = influx.url();
        c.influxdb.database = DB;
        c.influxdb.flushInterval = "200ms";
        return c;
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    static void send(KafkaProducer<String, String> gateway, String mn, String payload) throws Exception {
        gateway.send(new ProducerRecord<>("cems.readings", mn, payload)).get();
    }

    /** MNs of the registry's units of 600 MW and more (the overview's coal-rate indicator). */
    static List<String> largeUnitMns() {
        Registry registry = RegistryLoader.load(RepoFiles.REGISTRY);
        return registry.allSources().stream()
                .filter(r -> r.source().capacityMw != null && r.source().capacityMw >= 600)
                .map(SourceRef::source)
                .map(s -> s.mn)
                .toList();
    }

    /**
     * What the simulator does not send: the large units' plant computers report coal feed and its
     * calorific value (5 s after each CEMS reading), and the first unit's SO2 reads far above its
     * limit for the first hour, so the coal-rate and exceedance panels have data.
     */
    static void sendPlantComputerFeed(KafkaProducer<String, String> gateway) throws Exception {
        for (String mn : largeUnitMns()) {
            boolean exceeding = mn.equals(largeUnitMns().get(0));
            for (int i = 0; i < READINGS_PER_POINT; i += 40) {
                List<String> batch = new ArrayList<>();
                for (int j = i; j < Math.min(i + 40, READINGS_PER_POINT); j++) {
                    long time = START.toEpochMilli() + j * INTERVAL_MS + 5_000;
                    batch.add(plantComputerReading(mn, time, exceeding && j < 60));
                }
                send(gateway, mn, "[" + String.join(",", batch) + "]");
            }
        }
    }

    static String plantComputerReading(String mn, long time, boolean so2AboveLimit) {
        String so2 = so2AboveLimit ? "," + value(ParameterCodes.SO2, 400.0) : "";
        return "{\"mn\":\"" + mn + "\",\"cn\":\"2011\",\"time\":" + time + ",\"values\":{"
                + value(ParameterCodes.COAL_T_H, 190.0) + "," + value(ParameterCodes.COAL_NCV_MJ_KG, 20.9) + so2 + "}}";
    }

    /** One entry of a JSON reading's {@code values}, flagged normal. */
    static String value(String code, double rtd) {
        return "\"" + code + "\":{\"rtd\":" + rtd + ",\"flag\":\"N\"}";
    }

    /** Payloads a misconfigured gateway sends: they become dead letters and quality counts. */
    static void sendBadPayloads(KafkaProducer<String, String> gateway) throws Exception {
        send(gateway, "bad", "{\"mn\": \"150621A89001D3F3A51C0001\", \"values\": ");
        send(gateway, "bad", "hello");
        send(
                gateway,
                "UNREGISTERED0000000000001",
                "{\"mn\":\"UNREGISTERED0000000000001\",\"time\":" + START.toEpochMilli() + ",\"values\":{"
                        + value(ParameterCodes.SO2, 20.0) + "}}");
    }

    static void awaitRows(String... queries) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (String q : queries) {
            while (InfluxQl.column(influx, DB, q, "count").isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no rows within 90 s for " + q);
                }
                Thread.sleep(250);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyQueryRunsAndReturnsSeries() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Dashboard d : Dashboard.all()) {
            Map<String, List<String>> values = new HashMap<>();
            for (JsonNode v : d.variables()) {
                String name = v.path("name").asText();
                PanelQuery q = new PanelQuery(
                        d.uid(), "variable $" + name, v.path("query").asText());
                switch (v.path("type").asText()) {
                    case "query" -> {
                        tests.add(DynamicTest.dynamicTest(
                                q.toString(), () -> check(q, new QueryExpander(FROM, TO, "1m", values))));
                        resolve(q, v, values);
                    }
                    case "custom" -> values.put(name, selected(v, customValues(v)));
                    case "constant" -> values.put(name, List.of(q.query()));
                    default -> throw new AssertionError(q + ": unexpected variable type " + v.path("type"));
                }
            }
            QueryExpander expander = new QueryExpander(FROM, TO, "1m", values);
            d.panelQueries().forEach(q -> tests.add(DynamicTest.dynamicTest(q.toString(), () -> check(q, expander))));
        }
        QueryExpander noVariables = new QueryExpander(FROM, TO, "1m", Map.of());
        Dashboard.alertRuleQueries()
                .forEach(q -> tests.add(DynamicTest.dynamicTest(q.toString(), () -> check(q, noVariables))));
        assertThat(tests).hasSizeGreaterThan(40);
        return tests.stream();
    }

    /**
     * Names only what the job writes (or the contract announces); then, unless it waits for
     * something not written yet, runs without error and returns at least one series.
     */
    static void check(PanelQuery q, QueryExpander expander) {
        List<String> measurements = PanelQuery.measurementsNamed(q.query());
        assertThat(measurements).as(q + ": names no measurement").isNotEmpty();
        Set<String> keys = new HashSet<>(measurements);
        for (String m : measurements) {
            assertThat(schema.known(m))
                    .as(q + ": the job writes no measurement " + m)
                    .isTrue();
            keys.addAll(schema.keys(m));
        }
        Matcher quoted = QUOTED.matcher(ALIAS.matcher(q.query()).replaceAll(""));
        while (quoted.find()) {
            assertThat(keys)
                    .as(q + ": \"" + quoted.group(1) + "\" is no tag or field of " + measurements)
                    .contains(quoted.group(1));
        }
        Set<String> missing = schema.notWrittenYet(measurements, q.query());
        Assumptions.assumeTrue(
                missing.isEmpty(), () -> q + " skipped: the job does not write " + String.join(", ", missing) + " yet");
        String expanded;
        try {
            expanded = expander.expand(q.query());
        } catch (QueryExpander.UnresolvedVariable e) {
            Assumptions.abort(
                    q + " skipped: " + e.getMessage() + " (its variable reads what the job does not write yet)");
            return;
        }
        JsonNode result = schema.run(expanded);
        assertThat(result.path("error").isMissingNode())
                .as(q + ": " + expanded + " -> " + result.path("error"))
                .isTrue();
        assertThat(result.path("series")).as(q + ": no series for " + expanded).isNotEmpty();
    }

    /** A query variable's values as Grafana lists them; nothing when it reads what is not written yet. */
    static void resolve(PanelQuery q, JsonNode variable, Map<String, List<String>> values) {
        if (!schema.notWrittenYet(PanelQuery.measurementsNamed(q.query()), q.query())
                .isEmpty()) {
            return;
        }
        String expanded;
        try {
            expanded = new QueryExpander(FROM, TO, "1m", values).expand(q.query());
        } catch (QueryExpander.UnresolvedVariable e) {
            return;
        }
        List<String> options = new ArrayList<>(schema.column(expanded, "value"));
        if (!options.isEmpty()) {
            values.put(variable.path("name").asText(), selected(variable, options));
        }
    }

    /** All options for a multi-value variable (its default is All); else the saved current value, or the first option. */
    static List<String> selected(JsonNode variable, List<String> options) {
        if (variable.path("multi").asBoolean() || variable.path("includeAll").asBoolean()) {
            return options;
        }
        String current = variable.path("current").path("value").asText();
        return List.of(options.contains(current) ? current : options.get(0));
    }

    static List<String> customValues(JsonNode variable) {
        Map<String, String> byText = new LinkedHashMap<>();
        for (String option : variable.path("query").asText().split(",")) {
            String[] textValue = option.split(" : ", 2);
            byText.put(textValue[0].trim(), textValue[textValue.length - 1].trim());
        }
        return new ArrayList<>(byText.values());
    }
}
