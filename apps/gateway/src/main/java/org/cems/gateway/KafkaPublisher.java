package org.cems.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.cems.core.deadletter.DeadLetterMessage;
import org.cems.core.security.KafkaLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes data frames and dead letters to Kafka with acks=all and idempotence, so an acknowledged
 * frame is on every in-sync replica and a retried send is not written twice.
 */
final class KafkaPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);
    /** A send waits this long for metadata or buffer space before it fails (the event loop waits too). */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(10);
    /** Gives up on a frame after this; the logger got no answer and sends it again. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Batches under load while adding little to the time a logger waits for its answer. */
    private static final Duration LINGER = Duration.ofMillis(5);

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final long FAILURE_LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String readingsTopic;
    private final String deadLetterTopic;
    private final AtomicLong lastFailureLogNanos = new AtomicLong(System.nanoTime() - FAILURE_LOG_EVERY_NANOS);

    private KafkaPublisher(KafkaProducer<byte[], byte[]> producer, String readingsTopic, String deadLetterTopic) {
        this.producer = producer;
        this.readingsTopic = readingsTopic;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** Long enough for a TLS handshake and a SCRAM exchange with a loaded broker. */
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(20);

    /**
     * A publisher that has reached Kafka and seen both topics, so a bad address fails at start; a
     * refused login fails with one line saying what to check, not as a producer retrying for ever.
     */
    static KafkaPublisher connect(GatewayOptions options) {
        KafkaLogin.require(options.kafkaBootstrap(), options.kafkaSecurity(), LOGIN_TIMEOUT);
        Properties p = options.kafkaSecurity().asProperties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafkaBootstrap());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "cems-gateway");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, (int) LINGER.toMillis());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
        try {
            producer.partitionsFor(options.readingsTopic());
            producer.partitionsFor(options.deadLetterTopic());
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw new IllegalStateException(
                    "cannot reach Kafka at " + options.kafkaBootstrap() + " (topics " + options.readingsTopic() + ", "
                            + options.deadLetterTopic() + "): " + e.getMessage(),
                    e);
        }
        return new KafkaPublisher(producer, options.readingsTopic(), options.deadLetterTopic());
    }

    /**
     * Sends a station upload's frame to the readings topic keyed by MN; {@code done} gets null once Kafka acknowledged it, or the error.
     * It runs on Kafka's I/O thread, or on the caller's when the send fails at once.
     */
    void publishUpload(String mn, byte[] frame, Consumer<Exception> done) {
        try {
            producer.send(
                    new ProducerRecord<>(readingsTopic, mn.getBytes(StandardCharsets.UTF_8), frame),
                    (metadata, error) -> done.accept(error));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    /** Sends a dead letter; a failure is logged, since nobody waits for it. */
    void publishDeadLetter(DeadLetterMessage deadLetter) {
        try {
            producer.send(
                    new ProducerRecord<>(deadLetterTopic, deadLetter.key(), deadLetter.json()), (metadata, error) -> {
                        if (error != null) {
                            logFailure(
                                    "a dead letter (" + deadLetter.reason() + " from " + deadLetter.origin() + ")",
                                    error);
                        }
                    });
        } catch (RuntimeException e) {
            logFailure("a dead letter (" + deadLetter.reason() + " from " + deadLetter.origin() + ")", e);
        }
    }

    /** Logs a failed write at most every 10 s: while Kafka is away every frame fails. */
    void logFailure(String what, Exception error) {
        long now = System.nanoTime();
        long last = lastFailureLogNanos.get();
        if (now - last >= FAILURE_LOG_EVERY_NANOS && lastFailureLogNanos.compareAndSet(last, now)) {
            LOG.warn("Kafka did not take {}: {} (further failures within 10 s not logged)", what, error.toString());
        }
    }

    /** Waits until every send so far is acknowledged or failed, its callback run. */
    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
