package org.cems.gateway;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.cems.core.security.KafkaSecurity;
import org.cems.hj212.CrcPolicy;
import org.cems.hj212.Sm4KeyRing;

/**
 * How a {@link Hj212Gateway} runs. Build it with {@link Hj212Gateway#builder()}.
 *
 * @param listen               where data loggers connect; port 0 picks a free one
 * @param kafkaBootstrap       Kafka bootstrap servers, {@code host:port[,host:port]}
 * @param readingsTopic        good data frames, keyed by MN, value the frame's bytes
 * @param deadLetterTopic      rejected input as JSON, keyed by reason
 * @param passwords            the PW each MN must present
 * @param idleTimeout          a connection that sends nothing for this long is closed
 * @param maxConnections       connections beyond this are closed on accept
 * @param maxSegmentBytes      largest data segment accepted (the standard says 1024, devices send more)
 * @param crcPolicy            {@link CrcPolicy#ACCEPT_MODBUS_VARIANTS} also takes the MODBUS CRCs some devices send
 * @param maxInFlightPerConnection frames of one connection Kafka has not acknowledged yet before the
 *                             gateway stops reading from it, so one fast logger cannot fill the producer
 * @param sm4Keys              the SM4 key of each HJ 212-2025 logger that encrypts; CN 1014 changes them
 * @param sm4KeysFile          the key file a key change is saved to; null: changes are kept in memory only
 * @param registeredMns        the MNs of the registry; null when the gateway runs without one
 * @param registrationsFile    where CN 1001 registrations of MNs not in the registry are appended; null: none
 * @param kafkaSecurity        SASL and TLS towards Kafka (the {@code kafka.security} block of {@code --security FILE})
 */
public record GatewayOptions(
        InetSocketAddress listen,
        String kafkaBootstrap,
        String readingsTopic,
        String deadLetterTopic,
        Passwords passwords,
        Duration idleTimeout,
        int maxConnections,
        int maxSegmentBytes,
        CrcPolicy crcPolicy,
        int maxInFlightPerConnection,
        Sm4KeyRing sm4Keys,
        Path sm4KeysFile,
        Set<String> registeredMns,
        Path registrationsFile,
        KafkaSecurity kafkaSecurity) {
    public static final String DEFAULT_READINGS_TOPIC = "cems.readings";
    public static final String DEFAULT_DEADLETTER_TOPIC = "cems.deadletter";
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_CONNECTIONS = 2000;
    public static final int DEFAULT_MAX_SEGMENT_BYTES = 4096;
    public static final int DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION = 64;
    /** The length field has 4 digits. */
    public static final int MAX_SEGMENT_BYTES_LIMIT = 9999;

    public GatewayOptions {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(crcPolicy, "crcPolicy");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(sm4Keys, "sm4Keys");
        Objects.requireNonNull(kafkaSecurity, "kafkaSecurity");
        registeredMns = registeredMns == null ? null : Set.copyOf(registeredMns);
        if (kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
            throw new IllegalArgumentException("the Kafka bootstrap servers are required");
        }
        if (readingsTopic == null || readingsTopic.isBlank() || deadLetterTopic == null || deadLetterTopic.isBlank()) {
            throw new IllegalArgumentException("topic names must not be empty");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, was " + idleTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1, was " + maxConnections);
        }
        if (maxSegmentBytes < 1 || maxSegmentBytes > MAX_SEGMENT_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "max segment bytes must be 1.." + MAX_SEGMENT_BYTES_LIMIT + ", was " + maxSegmentBytes);
        }
        if (maxInFlightPerConnection < 1) {
            throw new IllegalArgumentException("max in-flight frames per connection must be at least 1");
        }
    }
}
