package org.cems.connector.mqtt.client;

import java.util.List;
import org.apache.flink.annotation.Internal;

/**
 * One network connection of one subscriber, with manual acknowledgements. A connection is never
 * reused after it drops: acks are only valid for packet ids received on the same connection,
 * because the broker reassigns ids once a resumed session has redelivered its messages.
 */
@Internal
public interface BrokerConnection {

    /**
     * Connects with a persistent session; returns whether the broker resumed an existing one.
     *
     * @throws SourceConfigurationException when a setting cannot work, so retrying is pointless
     */
    boolean connect() throws Exception;

    /** Subscribes (again) to every filter; throws {@link SubscriptionRejectedException} on refusal. */
    void subscribe(List<String> filters, int qos) throws Exception;

    /** Sends PUBACK for a QoS 1 message received on this connection; does not block. */
    void ack(int packetId, int qos) throws Exception;

    /** Disconnects gracefully, keeping the session on the broker, and releases threads. */
    void close();
}
