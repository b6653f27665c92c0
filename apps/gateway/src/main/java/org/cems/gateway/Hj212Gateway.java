package org.cems.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cems.core.security.KafkaSecurity;
import org.cems.hj212.CrcPolicy;
import org.cems.hj212.Sm4KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server for HJ 212 data loggers that hands their frames to Kafka.
 *
 * <ul>
 *   <li>Each good data upload (CN 2011/2051/2061/2031) goes to the readings topic keyed by MN, its
 *       value the frame's bytes; when its Flag asks for an answer, the 9014 is sent only after
 *       Kafka acknowledged the write (acks=all). No 9014, no promise: the logger sends it again.
 *   <li>Bad frames and wrong passwords go to the dead-letter topic with their reason, answered with
 *       9011 and the QnRtn of HJ 212-2017 Table 7 where the frame can still be read.
 *   <li>Facility status and run time (2021/2041), restarts (2081) and site information (3020) go
 *       to the same topic, answered as data uploads are: the job keeps them.
 *   <li>Notifies, replies and commands are recognised and not published.
 *   <li>HJ 212-2025 (docs/hj212-2025.md): SM4-encrypted data areas are decrypted with the MN's key
 *       and published decrypted; no key or a wrong one is a {@code no_key} / {@code bad_decrypt}
 *       dead letter answered 9011 QnRtn=2. The 2025 uploads go to the readings topic as data does;
 *       heartbeats (9015) too, answered 9013 once Kafka has them. Registrations (1001) of MNs not
 *       in the registry are recorded for approval ({@link Registrations}); key changes (1014) in
 *       {@link KeyChanges}.
 * </ul>
 *
 * <p>Threads: one event loop for every connection, Kafka's producer thread, and one for the status
 * callback. {@link #close()} stops gracefully: no new connections or reads, the producer flushed,
 * the answers for what Kafka took written, then every connection closed.
 */
public final class Hj212Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hj212Gateway.class);
    private static final Duration REPLY_DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final GatewayOptions options;
    private final GatewayCounters counters;
    private final KafkaPublisher publisher;
    private final EventLoop loop;
    private final Thread loopThread;
    private final ScheduledExecutorService statusTicker;
    private MetricsServer metricsServer;
    private boolean closed;

    private Hj212Gateway(
            GatewayOptions options,
            GatewayCounters counters,
            KafkaPublisher publisher,
            EventLoop loop,
            ScheduledExecutorService statusTicker) {
        this.options = options;
        this.counters = counters;
        this.publisher = publisher;
        this.loop = loop;
        this.statusTicker = statusTicker;
        this.loopThread = new Thread(loop, "cems-gateway-loop");
        this.loopThread.setDaemon(true);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects to Kafka, binds the port and starts serving.
     *
     * @param onStatus gets the counters every {@code statusEvery}; null for none
     * @throws IllegalStateException when Kafka cannot be reached
     * @throws IOException           when the address cannot be bound
     */
    public static Hj212Gateway start(GatewayOptions options, Duration statusEvery, Consumer<GatewayStats> onStatus)
            throws IOException {
        GatewayCounters counters = new GatewayCounters();
        KafkaPublisher publisher = KafkaPublisher.connect(options);
        EventLoop loop;
        try {
            loop = EventLoop.open(options, counters, publisher);
        } catch (IOException | RuntimeException e) {
            publisher.close();
            throw e;
        }
        ScheduledExecutorService ticker = null;
        if (onStatus != null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "cems-gateway-status");
                t.setDaemon(true);
                return t;
            });
            long periodMillis = statusEvery.toMillis();
            ticker.scheduleAtFixedRate(
                    () -> onStatus.accept(counters.snapshot()), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
        Hj212Gateway gateway = new Hj212Gateway(options, counters, publisher, loop, ticker);
        gateway.loopThread.start();
        LOG.info(
                "HJ 212 gateway listening on {}, frames to Kafka {} ({}) topic {} (dead letters {}), {}, {}, idle timeout {},"
                        + " at most {} connections, CRC {}",
                gateway.localAddress(),
                options.kafkaBootstrap(),
                options.kafkaSecurity(),
                options.readingsTopic(),
                options.deadLetterTopic(),
                options.passwords(),
                options.sm4Keys(),
                options.idleTimeout(),
                options.maxConnections(),
                options.crcPolicy());
        return gateway;
    }

    /** Serves the counters for Prometheus on {@code address}/metrics until the gateway closes. */
    private void serveMetrics(InetSocketAddress address) throws IOException {
        metricsServer = MetricsServer.start(address, () -> PrometheusText.of(counters));
        LOG.info("gateway metrics for Prometheus on http://{}{}", metricsServer.address(), MetricsServer.PATH);
    }

    /** Where {@code /metrics} is served (the real port when 0 was asked for); empty without a metrics port. */
    public Optional<InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metricsServer).map(MetricsServer::address);
    }

    /** The bound address (the real port when 0 was asked for). */
    public InetSocketAddress localAddress() {
        return loop.localAddress();
    }

    public GatewayOptions options() {
        return options;
    }

    public GatewayStats stats() {
        return counters.snapshot();
    }

    /** Stops gracefully; see the class comment. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            loop.stopReading().get(REPLY_DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            // every acknowledgement callback has queued its answer on the loop once flush returns
            publisher.flush();
            loop.closeAfterReplies(System.nanoTime() + REPLY_DRAIN_TIMEOUT.toNanos());
            loopThread.join(2 * REPLY_DRAIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("the gateway did not stop cleanly: {}", e.toString());
        } finally {
            if (statusTicker != null) {
                statusTicker.shutdownNow();
            }
            if (metricsServer != null) {
                metricsServer.close();
            }
            publisher.close();
        }
        LOG.info("HJ 212 gateway stopped: {}", stats());
    }

    /** Builds {@link GatewayOptions} and starts a gateway; defaults as in {@link GatewayOptions}. */
    public static final class Builder {
        private InetSocketAddress listen = new InetSocketAddress("0.0.0.0", 0);
        private String kafkaBootstrap;
        private String readingsTopic = GatewayOptions.DEFAULT_READINGS_TOPIC;
        private String deadLetterTopic = GatewayOptions.DEFAULT_DEADLETTER_TOPIC;
        private Passwords passwords = Passwords.none();
        private Duration idleTimeout = GatewayOptions.DEFAULT_IDLE_TIMEOUT;
        private int maxConnections = GatewayOptions.DEFAULT_MAX_CONNECTIONS;
        private int maxSegmentBytes = GatewayOptions.DEFAULT_MAX_SEGMENT_BYTES;
        private CrcPolicy crcPolicy = CrcPolicy.STRICT;
        private int maxInFlightPerConnection = GatewayOptions.DEFAULT_MAX_IN_FLIGHT_PER_CONNECTION;
        private Sm4KeyRing sm4Keys = new Sm4KeyRing();
        private Path sm4KeysFile;
        private Set<String> registeredMns;
        private Path registrationsFile;
        private KafkaSecurity kafkaSecurity = new KafkaSecurity();
        private Duration statusEvery = Duration.ofSeconds(10);
        private Consumer<GatewayStats> onStatus;
        private InetSocketAddress metrics;

        private Builder() {}

        /** Serves the counters for Prometheus on {@code address}/metrics (docs/metrics.md); port 0 picks a free one. */
        public Builder metrics(InetSocketAddress address) {
            this.metrics = address;
            return this;
        }

        public Builder listen(InetSocketAddress listen) {
            this.listen = listen;
            return this;
        }

        public Builder listen(String host, int port) {
            return listen(new InetSocketAddress(host, port));
        }

        public Builder kafkaBootstrap(String kafkaBootstrap) {
            this.kafkaBootstrap = kafkaBootstrap;
            return this;
        }

        public Builder readingsTopic(String readingsTopic) {
            this.readingsTopic = readingsTopic;
            return this;
        }

        public Builder deadLetterTopic(String deadLetterTopic) {
            this.deadLetterTopic = deadLetterTopic;
            return this;
        }

        /** The access password (PW) each MN must present, by MN; an MN without one is not checked. */
        public Builder passwords(Map<String, String> passwordByMn) {
            this.passwords = Passwords.of(passwordByMn);
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder maxSegmentBytes(int maxSegmentBytes) {
            this.maxSegmentBytes = maxSegmentBytes;
            return this;
        }

        public Builder crcPolicy(CrcPolicy crcPolicy) {
            this.crcPolicy = crcPolicy;
            return this;
        }

        public Builder maxInFlightPerConnection(int maxInFlightPerConnection) {
            this.maxInFlightPerConnection = maxInFlightPerConnection;
            return this;
        }

        /** SM4 keys of HJ 212-2025 loggers; with {@code savedTo}, key changes (CN 1014) are written there, else kept in memory. */
        public Builder sm4Keys(Sm4KeyRing sm4Keys, Path savedTo) {
            this.sm4Keys = Objects.requireNonNull(sm4Keys, "sm4Keys");
            this.sm4KeysFile = savedTo;
            return this;
        }

        /** The MNs the source registry knows: a CN 1001 registration from any other MN is recorded for approval. */
        public Builder registeredMns(Set<String> registeredMns) {
            this.registeredMns = registeredMns;
            return this;
        }

        /** Appends CN 1001 registrations of unregistered MNs to this JSON-lines file. */
        /** SASL and TLS towards Kafka; plaintext when not set. */
        public Builder kafkaSecurity(KafkaSecurity kafkaSecurity) {
            this.kafkaSecurity = Objects.requireNonNull(kafkaSecurity, "kafkaSecurity");
            return this;
        }

        public Builder registrationsFile(Path registrationsFile) {
            this.registrationsFile = registrationsFile;
            return this;
        }

        /** Calls {@code onStatus} with the counters every {@code every}. */
        public Builder onStatus(Duration every, Consumer<GatewayStats> onStatus) {
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("status interval must be positive, was " + every);
            }
            this.statusEvery = every;
            this.onStatus = Objects.requireNonNull(onStatus, "onStatus");
            return this;
        }

        /** The options as set; validated. */
        public GatewayOptions options() {
            return new GatewayOptions(
                    listen,
                    kafkaBootstrap,
                    readingsTopic,
                    deadLetterTopic,
                    passwords,
                    idleTimeout,
                    maxConnections,
                    maxSegmentBytes,
                    crcPolicy,
                    maxInFlightPerConnection,
                    sm4Keys,
                    sm4KeysFile,
                    registeredMns,
                    registrationsFile,
                    kafkaSecurity);
        }

        public Hj212Gateway start() throws IOException {
            Hj212Gateway gateway = Hj212Gateway.start(options(), statusEvery, onStatus);
            if (metrics != null) {
                try {
                    gateway.serveMetrics(metrics);
                } catch (IOException e) {
                    gateway.close();
                    throw new IOException("cannot serve metrics on " + metrics + ": " + e.getMessage(), e);
                }
            }
            return gateway;
        }
    }
}
