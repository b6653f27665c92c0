package org.cems.connector.mqtt.client;

import org.apache.flink.annotation.Internal;

/** Receives what a {@link BrokerConnection} gets, on the MQTT client's thread: must not block. */
@Internal
public interface BrokerListener {

    void messageArrived(
            BrokerConnection connection, String topic, byte[] payload, int qos, boolean retained, int packetId);

    /**
     * @param sessionTakenOver the broker disconnected us because another client connected with the
     *     same client id; reconnecting would only take it back and fight over the session
     */
    void connectionLost(BrokerConnection connection, Throwable cause, boolean sessionTakenOver);
}
