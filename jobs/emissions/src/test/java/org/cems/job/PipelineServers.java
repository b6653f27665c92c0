package org.cems.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.cems.job.config.JobConfig;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.InfluxDbServer;
import org.cems.testkit.MosquittoServer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Kafka, Mosquitto and InfluxDB for one test class of the job, with the ways tests start the job,
 * publish readings and read results back, and the clock and HJ 212 frame numbers their data uses.
 */
final class PipelineServers implements BeforeAllCallback, AfterAllCallback {
    static final String DB = "cems";
    /** The test registries' time zone, in which HJ 212 DataTime and the hour and day grids are local. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    /** 10:00 local on the day every {@link #nextQn() QN} is dated. */
    static final LocalDateTime TEN = LocalDateTime.of(2026, 11, 26, 10, 0);

    private static final ObjectMapper JSON = new ObjectMapper();

    EmbeddedKafka kafka;
    MosquittoServer mosquitto;
    InfluxDbServer influx;
    private KafkaProducer<String, String> producer;
    private MqttClient gateway;
    private int frames;

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, "cems.readings");
        kafka.createTopics(1, "cems.deadletter");
        kafka.createTopics(1, "cems.alerts");
        mosquitto = MosquittoServer.start();
        influx = InfluxDbServer.start();
        influx.createDatabase(DB);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (gateway != null) {
            gateway.disconnect();
            gateway.close();
        }
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

    /** A Flink MiniCluster with the two slots the job's default parallelism needs. */
    static MiniClusterExtension flink() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }

    /** A job configuration against these servers, with the registry from a test resource. */
    JobConfig config(String registryResource) throws Exception {
        JobConfig c = new JobConfig();
        c.registry = registryFile(registryResource).toString();
        c.parallelism = 2;
        c.maxOutOfOrderness = "0s";
        c.checkpoint.interval = "1s";
        c.kafka.bootstrapServers = kafka.bootstrapServers();
        c.mqtt.brokerUris = List.of(mosquitto.uri());
        c.influxdb.url = influx.url();
        c.influxdb.database = DB;
        c.influxdb.flushInterval = "200ms";
        return c;
    }

    /**
     * The resource as a file the job can read: tests in other modules (testing/e2e) see this
     * module's resources inside its test jar, so those are copied out first.
     */
    private Path registryFile(String registryResource) throws Exception {
        URL url = getClass().getResource(registryResource);
        if ("file".equals(url.getProtocol())) {
            return Path.of(url.toURI());
        }
        Path copy = Files.createTempFile("cems-registry-", ".yaml");
        copy.toFile().deleteOnExit();
        try (InputStream in = url.openStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** The QN (request time to the millisecond) of this test class's next frame: 10:00 of {@link #TEN}'s day, the frame's number as milliseconds. */
    String nextQn() {
        return String.format("20261126100000%03d", ++frames % 1000);
    }

    /** A minute upload (CN 2051, HJ 212-2017) of SO2, O2 at the 6 % reference (so the reference value is the measured one) and flow, keyed by its MN. */
    Map.Entry<String, String> minuteUpload(String mn, LocalDateTime start, double so2) {
        Hj212Packet p = Hj212Packet.builder()
                .qn(nextQn())
                .st("31")
                .cn("2051")
                .pw("123456")
                .mn(mn)
                .flag(Hj212Edition.HJ212_2017, false)
                .dataTime(start)
                .item("a21026", Hj212Item.AVG, String.valueOf(so2))
                .item("a21026", Hj212Item.FLAG, "N")
                .item("a19001", Hj212Item.AVG, "6.0")
                .item("a19001", Hj212Item.FLAG, "N")
                .item("a00000", Hj212Item.AVG, "2000000")
                .item("a00000", Hj212Item.FLAG, "N")
                .build();
        return Map.entry(mn, new String(Hj212Encoder.encode(p), StandardCharsets.UTF_8));
    }

    /** A real-time (2011) upload asking for an answer: SO2, O2 and flow (m3/h), each flagged N. */
    static Hj212Packet realTimeUpload(
            Hj212Edition edition, String qn, String mn, LocalDateTime dataTime, double so2, double o2, double flowM3H) {
        return Hj212Packet.builder()
                .qn(qn)
                .st("31")
                .cn("2011")
                .pw("123456")
                .mn(mn)
                .flag(edition, true)
                .dataTime(dataTime)
                .item("a21026", Hj212Item.RTD, String.valueOf(so2))
                .item("a21026", Hj212Item.FLAG, "N")
                .item("a19001", Hj212Item.RTD, String.valueOf(o2))
                .item("a19001", Hj212Item.FLAG, "N")
                .item("a00000", Hj212Item.RTD, String.valueOf(flowM3H))
                .item("a00000", Hj212Item.FLAG, "N")
                .build();
    }

    /** Builds the job on {@code config} and submits it to the MiniCluster as {@code name}; the test cancels it. */
    JobClient startJob(JobConfig config, String name) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, config);
        return env.executeAsync(name);
    }

    /** Every record on a Kafka topic so far, as JSON, in order. */
    List<JsonNode> kafkaJson(String topic) {
        return kafka.readAll(topic).stream()
                .map(r -> {
                    try {
                        return JSON.readTree(r.value());
                    } catch (Exception e) {
                        throw new AssertionError(r.value(), e);
                    }
                })
                .toList();
    }

    /** Publishes to cems.readings, each payload keyed by its MN as gateways do. */
    void publishToKafka(List<Map.Entry<String, String>> mnAndPayload) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        for (Map.Entry<String, String> e : mnAndPayload) {
            producer.send(new ProducerRecord<>("cems.readings", e.getKey(), e.getValue()));
        }
        producer.flush();
    }

    /** Publishes to cems/{mn}/up at QoS 1, once the job's readers have subscribed. */
    void publishToMqtt(List<Map.Entry<String, String>> mnAndPayload) throws Exception {
        if (gateway == null) {
            mosquitto.awaitSubscriptions(1, Duration.ofSeconds(60));
            gateway = new MqttClient(mosquitto.uri(), "test-gateway", new MemoryPersistence());
            gateway.connect();
        }
        for (Map.Entry<String, String> e : mnAndPayload) {
            publishWhenWindowAllows("cems/" + e.getKey() + "/up", e.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Paho's synchronous publish can still hit the broker's receive maximum: wait for acks and go on. */
    private void publishWhenWindowAllows(String topic, byte[] payload) throws Exception {
        while (true) {
            try {
                gateway.publish(topic, payload, 1, false);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    List<Map<String, JsonNode>> rows(String influxQl) {
        return InfluxQuery.rows(influx, DB, influxQl);
    }

    /** One pollutant's figures ({@link EmissionRows}) of a source's {@code emission} points matching {@code where}. */
    List<Map<String, JsonNode>> emissionRows(String source, String pollutant, String where) {
        return EmissionRows.of(rows("SELECT * FROM emission WHERE source = '" + source + "' AND " + where), pollutant);
    }

    /** The first of {@link #emissionRows}, which must be there. */
    Map<String, JsonNode> emission(String source, String pollutant, String where) {
        List<Map<String, JsonNode>> rows = emissionRows(source, pollutant, where);
        if (rows.isEmpty()) {
            throw new AssertionError("no emission point of " + pollutant + " at " + source + " where " + where);
        }
        return rows.get(0);
    }

    /** The first of {@link #emissionRows}, once there is one. */
    Map<String, JsonNode> awaitEmission(String source, String pollutant, String where) throws Exception {
        return await(() -> {
            List<Map<String, JsonNode>> rows = emissionRows(source, pollutant, where);
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    /** The first row of a query, once there is one. */
    Map<String, JsonNode> awaitRow(String influxQl) throws Exception {
        return await(() -> {
            List<Map<String, JsonNode>> rows = rows(influxQl);
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    /** Runs {@code assertions} until they pass; after 90 s their last failure is the test's. */
    void awaitAsserted(Runnable assertions) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                assertions.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }

    <T> T await(Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not seen within 90 s; InfluxDB holds " + rows("SELECT count(*) FROM /.*/"));
    }
}
