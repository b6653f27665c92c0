package org.cems.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cems.testkit.EmbeddedKafka;
import org.cems.testkit.FreePorts;
import org.cems.testkit.InfluxDbServer;
import org.cems.testkit.MosquittoPasswordFile;
import org.cems.testkit.MosquittoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cems check} against real servers: a good setup, broken ones, and config values that used to pass silently. */
class CheckCommandITCase {
    static final Path REGISTRY = Path.of(System.getProperty("user.dir"))
            .resolve("../../docker/config/registry.yaml")
            .normalize();

    static EmbeddedKafka kafka;
    static MosquittoServer mosquitto;
    static MosquittoServer lockedMosquitto;
    static InfluxDbServer influx;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, "cems.readings", "cems.deadletter", "cems.alerts");
        mosquitto = MosquittoServer.start();
        // a broker for known users only: the job's config connects anonymously
        Path passwords = MosquittoPasswordFile.create(dir, "cems", "not-this-test");
        lockedMosquitto = MosquittoServer.builder()
                .configLine("allow_anonymous false")
                .configLine("password_file " + passwords)
                .build();
        influx = InfluxDbServer.start();
        influx.createDatabase("cems");
    }

    @AfterAll
    static void stopServers() {
        for (AutoCloseable server : new AutoCloseable[] {influx, lockedMosquitto, mosquitto, kafka}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                // the others still stop
            }
        }
    }

    private static String config(String kafkaServers, String mqttUri, String database, String... extra) {
        return String.join(
                "\n",
                "registry: " + REGISTRY,
                "checkpoint:",
                "  interval: 1min",
                "kafka:",
                "  bootstrap_servers: " + kafkaServers,
                "mqtt:",
                "  broker_uris: [" + mqttUri + "]",
                "influxdb:",
                "  url: " + influx.url(),
                "  database: " + database,
                String.join("\n", extra),
                "");
    }

    private record Result(int exit, List<String> lines) {}

    private static Result check(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "cems-", ".yaml");
        Files.writeString(file, yaml);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = CheckCommand.run(
                new String[] {"--config", file.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(
                exit,
                bytes.toString(StandardCharsets.UTF_8)
                        .lines()
                        .map(l -> l.replace(file.toString(), "FILE"))
                        .toList());
    }

    @Test
    void aGoodSetupPassesEveryCheck() throws Exception {
        Result r = check(config(kafka.bootstrapServers(), mosquitto.uri(), "cems"));

        assertThat(r.lines())
                .containsExactly(
                        "[ OK ] config FILE: valid",
                        "[ OK ] registry " + REGISTRY + ": 3 enterprise(s), 12 monitoring point(s)",
                        "[ OK ] kafka " + kafka.bootstrapServers() + ": reachable, 1 broker(s)",
                        "[ OK ] kafka topic cems.readings (kafka.readings_topic): present, 1 partition(s)",
                        "[ OK ] kafka topic cems.deadletter (kafka.deadletter_topic): present, 1 partition(s)",
                        "[ OK ] kafka topic cems.alerts (alerts.kafka_topic): present, 1 partition(s)",
                        "[ OK ] mqtt " + mosquitto.uri() + ": connected, may subscribe to cems/+/up",
                        "[ OK ] influxdb " + influx.url()
                                + " database cems: reachable, credentials accepted, database cems present",
                        "cems check: all 8 checks passed");
        assertThat(r.exit()).isZero();
    }

    @Test
    void wrongPortsRefusedCredentialsAMissingTopicAndAMissingDatabaseEachFailTheirLine() throws Exception {
        int nothingThere = FreePorts.next();
        Result unreachable = check(config("127.0.0.1:" + nothingThere, "tcp://127.0.0.1:" + nothingThere, "cems"));
        assertThat(unreachable.lines())
                .contains("[FAIL] kafka 127.0.0.1:" + nothingThere
                        + ": no broker answered within 10 s (check kafka.bootstrap_servers and that Kafka runs)");
        assertThat(unreachable.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("[FAIL] mqtt tcp://127.0.0.1:" + nothingThere + ": cannot connect: ")
                        .endsWith("(check mqtt.broker_uris, mqtt.username, mqtt.password_env)"));
        assertThat(unreachable.exit()).isEqualTo(1);
        Result influxDown = check(
                config(kafka.bootstrapServers(), mosquitto.uri(), "cems", "  url: http://127.0.0.1:" + nothingThere)
                        .replace("  url: " + influx.url() + "\n", ""));
        assertThat(influxDown.lines())
                .contains("[FAIL] influxdb http://127.0.0.1:" + nothingThere
                        + " database cems: no answer (check influxdb.url and that InfluxDB runs): connection refused");

        Result missing = check(config(
                kafka.bootstrapServers(),
                lockedMosquitto.uri(),
                "nowhere",
                "alerts:",
                "  kafka_topic: cems.alerts.typo"));
        assertThat(missing.lines())
                .contains(
                        "[FAIL] kafka topic cems.alerts.typo (alerts.kafka_topic): missing; create it with `kafka-topics.sh --bootstrap-server "
                                + kafka.bootstrapServers()
                                + " --create --topic cems.alerts.typo --partitions 6` or set create_missing: true",
                        "[FAIL] influxdb " + influx.url()
                                + " database nowhere: database nowhere does not exist; create it with `curl -XPOST '"
                                + influx.url()
                                + "/query' --data-urlencode 'q=CREATE DATABASE \"nowhere\"'` or set create_missing: true",
                        "cems check: 3 of 8 checks failed");
        assertThat(missing.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("[FAIL] mqtt " + lockedMosquitto.uri() + ": cannot connect: MQTT broker ["
                                + lockedMosquitto.uri() + "] refused the login of user ")
                        .contains("(reason code 0x87")
                        .endsWith("(check mqtt.broker_uris, mqtt.username, mqtt.password_env)"));
        assertThat(missing.exit()).isEqualTo(1);
        // check creates nothing, whatever create_missing says
        assertThat(influx.query(null, "SHOW DATABASES")).doesNotContain("nowhere");
    }

    @Test
    void valuesThatUsedToPassSilentlyAreNamedByTheirYamlPath() throws Exception {
        Result r = check(String.join(
                "\n",
                "registry: " + REGISTRY,
                "kafka:",
                "  bootstrap_servers: \"\"",
                "  starting_offsets: lates",
                "mqtt:",
                "  broker_uris: []",
                "influxdb:",
                "  url: \"\"",
                ""));
        assertThat(r.lines())
                .containsExactly(
                        "[FAIL] config FILE: kafka.bootstrap_servers: empty; list brokers as host:port[,host:port...]",
                        "[FAIL] config FILE: kafka.starting_offsets: earliest or latest, not \"lates\"",
                        "[FAIL] config FILE: mqtt.broker_uris: empty; with mqtt.enabled at least one broker, e.g. tcp://localhost:1883",
                        "[FAIL] config FILE: influxdb.url: \"\" is not a URL like http://localhost:8086",
                        "cems check: 4 of 4 checks failed");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aValueOfTheWrongKindOrAnUnknownKeyIsNamedByPathNotByJavaClass() throws Exception {
        Result wrongKind = check("registry: " + REGISTRY + "\nkafka:\n  topic_partitions: six\n");
        assertThat(wrongKind.lines())
                .containsExactly(
                        "[FAIL] config FILE: kafka.topic_partitions: \"six\" is not a whole number",
                        "cems check: 1 of 1 checks failed");
        Result unknown = check("registry: " + REGISTRY + "\nmqtt:\n  broker_uri: tcp://x:1883\n");
        assertThat(unknown.lines().get(0))
                .startsWith("[FAIL] config FILE: mqtt.broker_uri: unknown key (known here: ")
                .contains("broker_uris")
                .doesNotContain("JobConfig")
                .doesNotContain("org.cems");
        assertThat(unknown.exit()).isEqualTo(1);
    }

    @Test
    void runStopsOnceBeforeSubmittingTheJobWhenTheDatabaseIsMissing() throws Exception {
        Path file = Files.createTempFile(dir, "cems-", ".yaml");
        Files.writeString(file, config(kafka.bootstrapServers(), mosquitto.uri(), "not_created"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = RunCommand.run(new String[] {"--config", file.toString()});
        } finally {
            System.setErr(stderr);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("cems run: influxdb " + influx.url()
                        + " database not_created: database not_created does not exist; create it with `curl -XPOST '"
                        + influx.url()
                        + "/query' --data-urlencode 'q=CREATE DATABASE \"not_created\"'` or set create_missing: true");
    }
}
