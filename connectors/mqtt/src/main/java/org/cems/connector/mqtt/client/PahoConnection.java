package org.cems.connector.mqtt.client;

import org.apache.flink.annotation.Internal;
import org.cems.connector.mqtt.MqttSourceOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MQTT 3.1.1 and MQTT 5 connections share: their options, client id and listener, and how
 * they close. Paho's two clients have no common type, so each connection gives the client's own steps.
 */
@Internal
abstract class PahoConnection implements BrokerConnection {
    private final Logger log = LoggerFactory.getLogger(getClass());
    final MqttSourceOptions options;
    final String clientId;
    /** Where the client's callback reports messages and the connection's loss. */
    final BrokerListener listener;

    private final String protocol;

    PahoConnection(MqttSourceOptions options, String clientId, BrokerListener listener, String protocol) {
        this.options = options;
        this.clientId = clientId;
        this.listener = listener;
        this.protocol = protocol;
    }

    abstract boolean clientConnected();

    /** Sends DISCONNECT and waits up to {@code waitMillis} for it to go out. */
    abstract void disconnectClient(long waitMillis) throws Exception;

    /** Releases the client's threads. */
    abstract void closeClient() throws Exception;

    @Override
    public final void close() {
        try {
            if (clientConnected()) {
                disconnectClient(options.connectTimeout().toMillis());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            log.debug("{}: disconnect failed, closing anyway", clientId, e);
        }
        try {
            closeClient();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            log.debug("{}: close failed", clientId, e);
        }
    }

    @Override
    public final String toString() {
        return protocol + " connection " + clientId;
    }
}
