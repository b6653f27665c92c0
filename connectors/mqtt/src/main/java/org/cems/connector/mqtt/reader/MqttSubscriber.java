package org.cems.connector.mqtt.reader;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.cems.connector.mqtt.MqttSourceOptions;
import org.cems.connector.mqtt.client.BrokerConnection;
import org.cems.connector.mqtt.client.BrokerConnections;
import org.cems.connector.mqtt.client.BrokerListener;
import org.cems.connector.mqtt.client.SourceConfigurationException;
import org.cems.connector.mqtt.client.SubscriptionRejectedException;
import org.cems.connector.mqtt.split.MqttSubscriberSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one split's client connected: connects on the reader's connector thread, subscribes on
 * every connect (the broker may have lost the session), and after a drop reconnects with
 * exponential backoff using a fresh connection, so no ack meant for the old one can reach it.
 */
final class MqttSubscriber implements BrokerListener {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriber.class);

    private final MqttSubscriberSplit split;
    private final MqttSourceOptions options;
    private final String clientId;
    private final HandoffQueue queue;
    private final ScheduledExecutorService connector;
    private final MqttSourceReaderMetrics metrics;

    /** The live connection; acks for messages from any other connection are dropped. */
    private volatile LiveConnection current;

    private volatile boolean closed;
    /** Touched on the connector thread only. */
    private Duration backoff;

    private boolean everConnected;

    MqttSubscriber(
            MqttSubscriberSplit split,
            MqttSourceOptions options,
            HandoffQueue queue,
            ScheduledExecutorService connector,
            MqttSourceReaderMetrics metrics) {
        this.split = split;
        this.options = options;
        this.clientId = options.clientId(split.index());
        this.queue = queue;
        this.connector = connector;
        this.metrics = metrics;
        this.backoff = options.reconnectInitialBackoff();
    }

    MqttSubscriberSplit split() {
        return split;
    }

    void start() {
        connector.execute(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        LiveConnection live;
        try {
            live = new LiveConnection(BrokerConnections.create(options, clientId, this), options.acceptWindow());
        } catch (Exception e) {
            scheduleReconnect(e);
            return;
        }
        // current before connecting, so a drop during connect or subscribe is handled like any other
        current = live;
        try {
            boolean resumed = live.connection.connect();
            if (resumed) {
                queue.removeRedelivered(this, live);
            }
            live.connection.subscribe(options.subscriptionFilters(), options.qos());
            if (everConnected) {
                metrics.reconnected();
            }
            everConnected = true;
            backoff = options.reconnectInitialBackoff();
            LOG.info(
                    "{} connected to {} ({} session), subscribed to {}",
                    clientId,
                    options.brokerUris(),
                    resumed ? "resumed" : "new",
                    options.subscriptionFilters());
        } catch (SubscriptionRejectedException | SourceConfigurationException e) {
            // retrying cannot fix these: fail the job with the reason, without restarts that would only repeat it
            queue.fail(new SuppressRestartsException(e));
        } catch (Exception e) {
            connectionLost(live.connection, e, false);
        }
    }

    @Override
    public void messageArrived(
            BrokerConnection connection, String topic, byte[] payload, int qos, boolean retained, int packetId) {
        long now = System.currentTimeMillis();
        metrics.messageReceived(now);
        if (qos == 0) {
            if (!queue.offer(new ReceivedMessage(this, null, topic, payload, qos, retained, packetId, now))) {
                metrics.dropped(qos);
            }
            return;
        }
        LiveConnection live = current;
        if (live != null && live.connection == connection && live.admit()) {
            if (queue.offer(new ReceivedMessage(this, live, topic, payload, qos, retained, packetId, now))) {
                return;
            }
            live.reject();
        }
        // Left un-acked: past the window, or on a connection retired while still open (for a
        // resync or on close), whose session the broker keeps and resends from.
        metrics.dropped(qos);
    }

    @Override
    public void connectionLost(BrokerConnection connection, Throwable cause, boolean sessionTakenOver) {
        LiveConnection live = retire(connection);
        if (live == null) {
            return;
        }
        if (sessionTakenOver) {
            queue.fail(new IllegalStateException(
                    "client id " + clientId + " was taken over by another client:"
                            + " two sources must not share the client id prefix " + options.clientIdPrefix(),
                    cause));
        }
        try {
            connector.execute(() -> {
                connection.close();
                if (!sessionTakenOver) {
                    scheduleReconnect(cause);
                }
            });
        } catch (RejectedExecutionException readerClosing) {
            connection.close();
        }
    }

    private synchronized LiveConnection retire(BrokerConnection connection) {
        LiveConnection live = current;
        if (live == null || live.connection != connection) {
            return null;
        }
        current = null;
        return live;
    }

    private void scheduleReconnect(Throwable cause) {
        if (closed) {
            return;
        }
        LOG.warn(
                "{}: connection to {} lost or refused ({}); reconnecting in {} ms",
                clientId,
                options.brokerUris(),
                cause.toString(),
                backoff.toMillis());
        try {
            connector.schedule(this::connect, backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException readerClosing) {
            return;
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(options.reconnectMaxBackoff()) > 0 ? options.reconnectMaxBackoff() : doubled;
    }

    /** Acks on the connection the message came on, if it is still the live one. */
    void ack(PendingAck ack) {
        if (ack.on() != current) {
            // the broker redelivers it on the live connection, where it gets acked after a later checkpoint
            return;
        }
        try {
            ack.on().connection.ack(ack.packetId(), ack.qos());
            ack.on().acked();
        } catch (Exception e) {
            LOG.debug("{}: ack of packet {} failed; the broker will redeliver it", clientId, ack.packetId(), e);
        }
    }

    /**
     * After the broker sent more than the receive maximum, and every message admitted has been
     * acked: reconnects at once, so the broker resends what was dropped. Called after acks are sent.
     */
    void resyncIfDrained() {
        LiveConnection live = current;
        if (live == null || !live.needsResync() || retire(live.connection) == null) {
            return;
        }
        LOG.info(
                "{}: broker sent more than {} un-acked messages; reconnecting so it resends the rest",
                clientId,
                options.acceptWindow());
        try {
            connector.execute(() -> {
                live.connection.close();
                connect();
            });
        } catch (RejectedExecutionException readerClosing) {
            live.connection.close();
        }
    }

    /** Stops reconnecting; the caller closes the connection once the connector thread is idle. */
    void stopReconnecting() {
        closed = true;
    }

    /** Disconnects gracefully: the session and its un-acked messages stay on the broker. */
    void disconnect() {
        LiveConnection live = current;
        if (live != null && retire(live.connection) != null) {
            live.connection.close();
        }
    }
}
