package org.cems.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.cems.cli.GatewayCommand;
import org.cems.core.security.KafkaSecurity;
import org.cems.core.security.SecurityConfig;
import org.cems.gateway.Hj212Gateway;
import org.cems.hj212.Hj212Edition;
import org.cems.hj212.Hj212Encoder;
import org.cems.hj212.Hj212Item;
import org.cems.hj212.Hj212Packet;
import org.cems.job.config.JobConfig;
import org.cems.job.endpoints.Endpoints;
import org.cems.job.endpoints.EndpointsNotReadyException;
import org.cems.simulator.Simulator;
import org.cems.simulator.SimulatorOptions;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.FreePorts;
import org.cems.testkit.InfluxDbServer;
import org.cems.testkit.MosquittoPasswordFile;
import org.cems.testkit.MosquittoServer;
import org.cems.testkit.TempDirs;
import org.cems.testkit.TlsCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17 item 3 end to end: Kafka with a SASL_SSL listener (PLAIN and SCRAM users, a throw-away
 * CA) and Mosquitto with a TLS listener and a password file. The gateway publishes over SASL_SSL
 * (PLAIN, password from a file), the simulator over MQTT TLS with a login, the job reads both and
 * writes InfluxDB, its dead letters over SASL_SSL (SCRAM-SHA-512) and its alerts over MQTT TLS. A
 * wrong password fails each of them once, with a line that names what to check. No secret is in a
 * dead letter. Secrets come from the environment variables surefire sets (pom.xml).
 */
class SecuredTransportsITCase {
    private static final String MN1 = "TESTMN000000000000000001";
    private static final String UNKNOWN_MN = "TESTMN000000000000000099";
    private static final String DB = "cems";
    private static final String KAFKA_PASSWORD_ENV = "CEMS_TEST_KAFKA_PASSWORD";
    private static final String KAFKA_WRONG_PASSWORD_ENV = "CEMS_TEST_KAFKA_WRONG_PASSWORD";
    private static final String MQTT_PASSWORD_ENV = "CEMS_TEST_MQTT_PASSWORD";
    private static final String MQTT_WRONG_PASSWORD_ENV = "CEMS_TEST_MQTT_WRONG_PASSWORD";
    private static final String STORE_PASSWORD_ENV = "CEMS_TEST_STORE_PASSWORD";
    private static final String HJ212_PW_ENV = "CEMS_TEST_HJ212_PW";
    private static final String MQTT_USER = "cems";
    /** Asia/Shanghai, as DataTime is: the gateway's frames. */
    private static final LocalDateTime GATEWAY_TIME = LocalDateTime.of(2026, 11, 26, 10, 0);
    /** The simulator's readings. */
    private static final String SIMULATOR_START = "2026-11-27T08:00:00+08:00";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineServers.flink();

    private static Path dir;
    private static TlsCertificates certificates;
    private static EmbeddedKafka kafka;
    private static MosquittoServer mosquitto;
    private static String mqttTlsUri;
    private static InfluxDbServer influx;
    private static Path registry;
    private static int frames;

    @BeforeAll
    static void startSecuredServers() throws Exception {
        dir = TempDirs.create("cems-secured-");
        certificates = TlsCertificates.generate(dir, System.getenv(STORE_PASSWORD_ENV));
        kafka = EmbeddedKafka.startWithSaslSsl(new EmbeddedKafka.SaslSslListener(
                certificates.serverKeyStore(),
                System.getenv(STORE_PASSWORD_ENV),
                Map.of("gateway", System.getenv(KAFKA_PASSWORD_ENV)),
                Map.of("cems-job", System.getenv(KAFKA_PASSWORD_ENV))));
        kafka.createTopics(2, "cems.readings");
        kafka.createTopics(1, "cems.deadletter", "cems.alerts");
        Path passwords = MosquittoPasswordFile.create(dir, MQTT_USER, System.getenv(MQTT_PASSWORD_ENV));
        int tlsPort = FreePorts.next();
        mosquitto = MosquittoServer.builder()
                .configLine("allow_anonymous false")
                .configLine("password_file " + passwords)
                .configLine("listener " + tlsPort + " 127.0.0.1")
                .configLine("cafile " + certificates.caCertificate())
                .configLine("certfile " + certificates.serverCertificate())
                .configLine("keyfile " + certificates.serverKey())
                .build();
        mqttTlsUri = "ssl://127.0.0.1:" + tlsPort;
        influx = InfluxDbServer.start();
        influx.createDatabase(DB);
        registry = Path.of(SecuredTransportsITCase.class
                .getResource("/registry-secured.yaml")
                .toURI());
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
        TempDirs.deleteRecursively(dir);
    }

    @Test
    void everyClientSpeaksSaslSslAndMqttTlsAndNoDeadLetterHoldsAPassword() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, jobConfig(KAFKA_PASSWORD_ENV, MQTT_PASSWORD_ENV));
        JobClient job = env.executeAsync("secured-transports");
        Path security = securityFile("gateway", KAFKA_PASSWORD_ENV);
        try (Hj212Gateway gateway = Hj212Gateway.builder()
                .listen("127.0.0.1", 0)
                .kafkaBootstrap(kafka.saslSslBootstrapServers())
                .kafkaSecurity(SecurityConfig.load(security).kafka())
                .passwords(GatewayCommand.stations(registry).passwordByMn())
                .start()) {
            // the registry's PW comes from CEMS_TEST_HJ212_PW; "secret" is a guess the gateway refuses
            List<Hj212Packet> answers = GatewayLogger.sendAndAwaitAnswers(
                    gateway,
                    2,
                    upload(MN1, GATEWAY_TIME, System.getenv(HJ212_PW_ENV), 20),
                    upload(MN1, GATEWAY_TIME.plusSeconds(20), "secret", 30));
            assertThat(answers).extracting(Hj212Packet::cn).containsExactlyInAnyOrder("9014", "9011");
        }
        // an MN the registry does not know, sent over SASL_SSL with the job's own user: a dead letter of the job
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(new ProducerRecord<>(
                            "cems.readings",
                            UNKNOWN_MN,
                            new String(upload(UNKNOWN_MN, GATEWAY_TIME, "hunter2", 10), StandardCharsets.US_ASCII)))
                    .get(30, TimeUnit.SECONDS);
        }
        try {
            String atGateway = "time = '"
                    + OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant() + "'";
            Map<String, JsonNode> fromGateway =
                    awaitRow("SELECT a21026 FROM reading WHERE mn = '" + MN1 + "' AND " + atGateway, null);
            assertThat(fromGateway.get("a21026").asDouble()).isEqualTo(20.0);
            assertThat(rows("SELECT a21026 FROM reading WHERE time = '"
                            + OffsetDateTime.parse("2026-11-26T10:00:20+08:00").toInstant() + "'"))
                    .as("the refused frame")
                    .isEmpty();

            // the job subscribes over TLS a moment after it starts: the simulator sends its reading until it is in
            String atSimulator =
                    "time = '" + OffsetDateTime.parse(SIMULATOR_START).toInstant() + "'";
            awaitRow(
                    "SELECT a21026 FROM reading WHERE mn = '" + MN1 + "' AND " + atSimulator,
                    () -> simulate(MQTT_PASSWORD_ENV));

            List<JsonNode> deadLetters = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline
                    && deadLetters.stream()
                            .noneMatch(d -> "unknown_mn".equals(d.path("reason").asText()))) {
                Thread.sleep(500);
                deadLetters.clear();
                kafka.readAll("cems.deadletter").forEach(r -> deadLetters.add(json(r.value())));
            }
            assertThat(deadLetters)
                    .filteredOn(d -> d.path("reason").asText().equals("bad_password"))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.path("origin").asText()).startsWith("tcp:");
                        assertThat(d.path("payload").asText())
                                .contains(";PW=***;")
                                .doesNotContain("secret");
                    });
            assertThat(deadLetters)
                    .filteredOn(d -> d.path("reason").asText().equals("unknown_mn"))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.path("origin").asText()).startsWith("kafka:cems.readings/");
                        assertThat(d.path("payload").asText())
                                .contains(";PW=***;")
                                .doesNotContain("hunter2");
                    });
            // the simulator's frames carry the registry's PW; any dead letter of theirs (duplicates of a resend) hides
            // it too
            assertThat(deadLetters)
                    .allSatisfy(d -> assertThat(d.toString())
                            .doesNotContain(System.getenv(HJ212_PW_ENV))
                            .doesNotContainPattern("PW=[^*]"));
            // the alert sink logged in over TLS when the job started: a refused login would have failed the job
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void aWrongPasswordFailsOnceWithALineSayingWhatToCheck() throws Exception {
        // the job: a refused Kafka login stops its start (Endpoints.prepare), instead of restarting it for ever
        assertThatThrownBy(() -> Endpoints.prepare(jobConfig(KAFKA_WRONG_PASSWORD_ENV, MQTT_PASSWORD_ENV)))
                .isInstanceOf(EndpointsNotReadyException.class)
                .hasMessageStartingWith("kafka " + kafka.saslSslBootstrapServers() + ": Kafka at "
                        + kafka.saslSslBootstrapServers() + " refused the SCRAM-SHA-512 login of user cems-job")
                .hasMessageEndingWith(
                        "check kafka.security.username and the password in env " + KAFKA_WRONG_PASSWORD_ENV)
                .hasMessageNotContaining(System.getenv(KAFKA_WRONG_PASSWORD_ENV));

        // the job: a refused MQTT login fails it once (no restarts), naming broker, user and variable
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        EmissionsJob.build(env, jobConfig(KAFKA_PASSWORD_ENV, MQTT_WRONG_PASSWORD_ENV));
        JobClient job = env.executeAsync("refused-mqtt-login");
        assertThatThrownBy(() -> job.getJobExecutionResult().get(90, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(causeMessages(e))
                        .anySatisfy(m -> assertThat(m)
                                .startsWith("MQTT broker [" + mqttTlsUri + "] refused the login of user " + MQTT_USER)
                                .contains("environment variable " + MQTT_WRONG_PASSWORD_ENV)));
        assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.FAILED);

        // the gateway: it does not start
        Path security = securityFile("gateway", KAFKA_WRONG_PASSWORD_ENV);
        assertThatThrownBy(() -> Hj212Gateway.builder()
                        .listen("127.0.0.1", 0)
                        .kafkaBootstrap(kafka.saslSslBootstrapServers())
                        .kafkaSecurity(SecurityConfig.load(security).kafka())
                        .start())
                .hasMessageStartingWith(
                        "Kafka at " + kafka.saslSslBootstrapServers() + " refused the PLAIN login of user gateway")
                .hasMessageNotContaining(System.getenv(KAFKA_WRONG_PASSWORD_ENV));

        // the simulator: it does not start
        assertThatThrownBy(() -> simulate(MQTT_WRONG_PASSWORD_ENV))
                .hasMessageStartingWith("MQTT broker " + mqttTlsUri + " refused the login of user " + MQTT_USER)
                .hasMessageContaining("environment variable " + MQTT_WRONG_PASSWORD_ENV);
    }

    /** The job against the secured servers: SCRAM-SHA-512 over TLS to Kafka, a login over TLS to MQTT. */
    private static JobConfig jobConfig(String kafkaPasswordEnv, String mqttPasswordEnv) {
        JobConfig c = new JobConfig();
        c.registry = registry.toString();
        c.parallelism = 1;
        c.maxOutOfOrderness = "0s";
        c.checkpoint.interval = "1s";
        c.kafka.bootstrapServers = kafka.saslSslBootstrapServers();
        c.kafka.security = jobKafkaSecurity(kafkaPasswordEnv);
        c.mqtt.brokerUris = List.of(mqttTlsUri);
        c.mqtt.username = MQTT_USER;
        c.mqtt.passwordEnv = mqttPasswordEnv;
        c.mqtt.tls.caFile = certificates.caCertificate().toString();
        c.influxdb.url = influx.url();
        c.influxdb.database = DB;
        return c;
    }

    private static KafkaSecurity jobKafkaSecurity(String passwordEnv) {
        KafkaSecurity s = new KafkaSecurity();
        s.protocol = "SASL_SSL";
        s.saslMechanism = "SCRAM-SHA-512";
        s.username = "cems-job";
        s.passwordEnv = passwordEnv;
        s.truststore = certificates.trustStore().toString();
        s.truststorePasswordEnv = STORE_PASSWORD_ENV;
        return s;
    }

    private static Properties producerProperties() {
        Properties p = jobKafkaSecurity(KAFKA_PASSWORD_ENV).asProperties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.saslSslBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    /**
     * The security file the gateway and the simulator take ({@code --security}): PLAIN with its password
     * in a file (as a Docker secret would be), the CA as a PKCS12 trust store, MQTT with the CA's PEM.
     */
    private static Path securityFile(String kafkaUser, String kafkaPasswordEnv) throws Exception {
        Path folder = Files.createTempDirectory(dir, "security-");
        Files.writeString(folder.resolve("kafka-password"), System.getenv(kafkaPasswordEnv));
        return Files.writeString(folder.resolve("security.yaml"), """
                kafka:
                  bootstrap_servers: ignored-here
                  security:
                    protocol: SASL_SSL
                    sasl_mechanism: PLAIN
                    username: %s
                    password_file: kafka-password
                    truststore: %s
                    truststore_password_env: %s
                mqtt:
                  username: %s
                  password_env: %s
                  tls:
                    ca_file: %s
                """.formatted(
                        kafkaUser,
                        certificates.trustStore(),
                        STORE_PASSWORD_ENV,
                        MQTT_USER,
                        MQTT_PASSWORD_ENV,
                        certificates.caCertificate()));
    }

    /** One reading per point of the registry, HJ 212 over MQTT TLS, at {@link #SIMULATOR_START}. */
    private static void simulate(String mqttPasswordEnv) throws Exception {
        Path security = securityFile("gateway", KAFKA_PASSWORD_ENV);
        if (!MQTT_PASSWORD_ENV.equals(mqttPasswordEnv)) {
            Files.writeString(security, Files.readString(security).replace(MQTT_PASSWORD_ENV, mqttPasswordEnv));
        }
        try (Simulator simulator = new Simulator(SimulatorOptions.parse(new String[] {
            "--mqtt",
            mqttTlsUri,
            "--security",
            security.toString(),
            "--registry",
            registry.toString(),
            "--format",
            "hj212",
            "--count",
            "1",
            "--speed",
            "max",
            "--start",
            SIMULATOR_START
        }))) {
            simulator.run();
        }
    }

    /** A real-time upload asking for an answer: SO2, O2 and flow. */
    private static byte[] upload(String mn, LocalDateTime dataTime, String pw, double so2) {
        Hj212Packet p = Hj212Packet.builder()
                .qn(String.format("20261126100000%03d", ++frames))
                .st("31")
                .cn("2011")
                .pw(pw)
                .mn(mn)
                .flag(Hj212Edition.HJ212_2017, true)
                .dataTime(dataTime)
                .item("a21026", Hj212Item.RTD, String.valueOf(so2))
                .item("a21026", Hj212Item.FLAG, "N")
                .item("a19001", Hj212Item.RTD, "8")
                .item("a19001", Hj212Item.FLAG, "N")
                .item("a00000", Hj212Item.RTD, "2000000")
                .item("a00000", Hj212Item.FLAG, "N")
                .build();
        return Hj212Encoder.encode(p);
    }

    private interface Attempt {
        void run() throws Exception;
    }

    /** The first row of a query, running {@code attempt} (when given) before each look; fails after 90 s. */
    private static Map<String, JsonNode> awaitRow(String influxQl, Attempt attempt) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (attempt != null) {
                attempt.run();
            }
            List<Map<String, JsonNode>> rows = rows(influxQl);
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no row for " + influxQl + " within 90 s");
    }

    private static List<Map<String, JsonNode>> rows(String influxQl) {
        return InfluxQuery.rows(influx, DB, influxQl);
    }

    private static List<String> causeMessages(Throwable t) {
        List<String> messages = new ArrayList<>();
        for (Throwable c = t; c != null && messages.size() < 20; c = c.getCause()) {
            messages.add(String.valueOf(c.getMessage()));
        }
        return messages;
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
