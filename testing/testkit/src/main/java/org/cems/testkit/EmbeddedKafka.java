package org.cems.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * A single-node Kafka 4.x broker in this JVM (KRaft, broker and controller combined) on free
 * loopback ports, with its log folder in a temp directory.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path dir;
    private final int brokerPort;
    private final int controllerPort;
    private final SaslSslListener secured;
    private final int securedPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(SaslSslListener secured) {
        this.dir = TempDirs.create("cems-kafka-");
        this.brokerPort = FreePorts.next();
        this.controllerPort = FreePorts.next();
        this.secured = secured;
        this.securedPort = secured == null ? -1 : FreePorts.next();
    }

    public static EmbeddedKafka start() {
        EmbeddedKafka kafka = new EmbeddedKafka(null);
        kafka.startServer();
        return kafka;
    }

    /**
     * A broker with a SASL_SSL listener besides its plaintext one (which the test helpers here
     * keep using): TLS with {@code listener}'s key store, users for PLAIN and for SCRAM-SHA-256/512.
     */
    public static EmbeddedKafka startWithSaslSsl(SaslSslListener listener) {
        EmbeddedKafka kafka = new EmbeddedKafka(listener);
        kafka.startServer();
        kafka.addScramUsers();
        return kafka;
    }

    /**
     * The secured listener's settings.
     *
     * @param keyStore      PKCS12 store with the broker's certificate and key
     * @param storePassword its password
     * @param plainUsers    user to password for SASL/PLAIN
     * @param scramUsers    user to password for SCRAM-SHA-256 and SCRAM-SHA-512
     */
    public record SaslSslListener(
            Path keyStore, String storePassword, Map<String, String> plainUsers, Map<String, String> scramUsers) {}

    private void startServer() {
        ServerTests.requireIntegrationTest("Kafka");
        // the broker calls Exit on fatal errors; in a test or the demo that must not end the JVM
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka wanted to exit " + code + ": " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka wanted to halt " + code + ": " + message);
        });
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        if (secured != null) {
            addSaslSslListener(props);
        }
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dir.resolve("logs").toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "true");
        props.put("log.flush.interval.messages", "100000");
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            props.store(out, "cems-stream embedded Kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String clusterId = Uuid.randomUuid().toString();
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        int formatted = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", file.toString()}, quiet);
        if (formatted != 0) {
            throw new IllegalStateException("formatting Kafka storage failed with " + formatted);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not become ready", e);
        }
    }

    private void addSaslSslListener(Properties props) {
        props.put("listeners", props.get("listeners") + ",SASL_SSL://127.0.0.1:" + securedPort);
        props.put("advertised.listeners", props.get("advertised.listeners") + ",SASL_SSL://127.0.0.1:" + securedPort);
        props.put("listener.security.protocol.map", props.get("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
        props.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256,SCRAM-SHA-512");
        StringBuilder plain = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        secured.plainUsers()
                .forEach((user, password) -> plain.append(" user_")
                        .append(user)
                        .append("=\"")
                        .append(password)
                        .append('"'));
        props.put(
                "listener.name.sasl_ssl.plain.sasl.jaas.config",
                plain.append(';').toString());
        String scram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
        props.put("listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config", scram);
        props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scram);
        props.put(
                "listener.name.sasl_ssl.ssl.keystore.location",
                secured.keyStore().toString());
        props.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        props.put("listener.name.sasl_ssl.ssl.keystore.password", secured.storePassword());
        props.put("listener.name.sasl_ssl.ssl.key.password", secured.storePassword());
    }

    /** SCRAM credentials live in the cluster metadata: added through the plaintext listener, one mechanism a request. */
    private void addScramUsers() {
        for (ScramMechanism mechanism : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
            List<UserScramCredentialAlteration> upserts = new ArrayList<>();
            secured.scramUsers()
                    .forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(
                            user, new ScramCredentialInfo(mechanism, 4096), password)));
            try (Admin admin = admin()) {
                admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot add SCRAM users", e);
            }
        }
    }

    /** Stops the broker, keeping its ports and log folder, as a broker going down in production would. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the broker again after {@link #stop()}: same ports, same (already formatted) log folder. */
    public synchronized void startAgain() {
        if (server != null) {
            throw new IllegalStateException("the broker is running");
        }
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("server.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not come back", e);
        }
    }

    public void restart() {
        stop();
        startAgain();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** The SASL_SSL listener's address; only with {@link #startWithSaslSsl}. */
    public String saslSslBootstrapServers() {
        if (secured == null) {
            throw new IllegalStateException("this broker has no SASL_SSL listener");
        }
        return "127.0.0.1:" + securedPort;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates topics with the given partition count; existing topics are left as they are. */
    public void createTopics(int partitions, String... topics) {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String t : topics) {
                newTopics.add(new NewTopic(t, partitions, (short) 1));
            }
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics", e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    /** The number of records written to {@code topic} so far (sum of its partitions' end offsets); 0 if absent. */
    public long endOffset(String topic) {
        try (Admin admin = admin()) {
            var description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            description
                    .partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                    .sum();
        } catch (ExecutionException e) {
            return 0L;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read offsets of " + topic, e);
        }
    }

    /** Reads every record now in {@code topic} (all partitions, from the beginning). */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, java.time.Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        Collection<TopicPartition> parts = end.keySet();
        for (TopicPartition tp : parts) {
            if (consumer.position(tp) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        TempDirs.deleteRecursively(dir);
    }
}
