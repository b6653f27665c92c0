package org.cems.connector.mqtt.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.annotation.Internal;
import org.cems.connector.mqtt.MqttSourceOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MQTT 5 through Paho: clean start off, session expiry and receive maximum in CONNECT. */
@Internal
final class Mqtt5Connection extends PahoConnection {
    private static final Logger LOG = LoggerFactory.getLogger(Mqtt5Connection.class);
    private static final int SESSION_TAKEN_OVER = 0x8E;
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    private static final int NOT_AUTHORIZED = 0x87;
    /** Retained messages only when the subscription is new, not again on every reconnect. */
    private static final int RETAIN_HANDLING_IF_NEW = 1;

    private final MqttAsyncClient client;

    Mqtt5Connection(MqttSourceOptions options, String clientId, BrokerListener listener) throws MqttException {
        super(options, clientId, listener, "MQTT 5");
        // in-memory persistence: the broker's session, not a local file, holds un-acked messages
        this.client = new MqttAsyncClient(options.brokerUris().get(0), clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    @Override
    public boolean connect() throws Exception {
        MqttConnectionOptions connect = new MqttConnectionOptions();
        connect.setServerURIs(options.brokerUris().toArray(new String[0]));
        connect.setCleanStart(false);
        connect.setSessionExpiryInterval(options.sessionExpiry().getSeconds());
        connect.setReceiveMaximum(options.receiveMaximum());
        connect.setKeepAliveInterval((int) options.keepAlive().getSeconds());
        connect.setConnectionTimeout((int) options.connectTimeout().getSeconds());
        connect.setAutomaticReconnect(false);
        if (options.username() != null) {
            connect.setUserName(options.username());
        }
        if (options.passwordEnv() != null) {
            char[] password = EnvironmentSecrets.require(options.passwordEnv(), "MQTT password");
            connect.setPassword(new String(password).getBytes(StandardCharsets.UTF_8));
        }
        if (options.tls() != null) {
            connect.setSocketFactory(TlsSocketFactories.create(options.tls()));
        }
        try {
            IMqttToken token = client.connect(connect);
            token.waitForCompletion(options.connectTimeout().toMillis());
            return token.getSessionPresent();
        } catch (MqttException e) {
            // Mosquitto answers a wrong password with 0x87 rather than 0x86; none of these gets better by retrying
            if (SourceConfigurationException.refusesSettings(e.getReasonCode())) {
                throw new SourceConfigurationException(
                        e.getReasonCode() == BAD_USER_NAME_OR_PASSWORD || e.getReasonCode() == NOT_AUTHORIZED
                                ? BrokerConnections.refusedCredentials(options, e.getReasonCode())
                                : "broker refused the connection with reason code 0x"
                                        + Integer.toHexString(e.getReasonCode()) + " (" + e.getMessage()
                                        + "): check the client id prefix, user name, password and client certificate",
                        e);
            }
            throw e;
        }
    }

    @Override
    public void subscribe(List<String> filters, int qos) throws Exception {
        MqttSubscription[] subscriptions = new MqttSubscription[filters.size()];
        for (int i = 0; i < subscriptions.length; i++) {
            subscriptions[i] = new MqttSubscription(filters.get(i), qos);
            subscriptions[i].setRetainHandling(RETAIN_HANDLING_IF_NEW);
        }
        IMqttToken token = client.subscribe(subscriptions, null, null, new MqttProperties());
        token.waitForCompletion(options.connectTimeout().toMillis());
        int[] codes = token.getReasonCodes();
        for (int i = 0; i < codes.length && i < filters.size(); i++) {
            if (codes[i] >= 0x80) {
                throw new SubscriptionRejectedException(filters.get(i), codes[i]);
            }
            if (codes[i] < qos) {
                LOG.warn("{}: broker granted QoS {} instead of {} for {}", clientId, codes[i], qos, filters.get(i));
            }
        }
    }

    @Override
    public void ack(int packetId, int qos) throws MqttException {
        client.messageArrivedComplete(packetId, qos);
    }

    @Override
    boolean clientConnected() {
        return client.isConnected();
    }

    @Override
    void disconnectClient(long waitMillis) throws MqttException {
        client.disconnect().waitForCompletion(waitMillis);
    }

    @Override
    void closeClient() throws MqttException {
        client.close(true);
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            listener.messageArrived(
                    Mqtt5Connection.this,
                    topic,
                    message.getPayload(),
                    message.getQos(),
                    message.isRetained(),
                    message.getId());
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            boolean takenOver = response.getReturnCode() == SESSION_TAKEN_OVER
                    || (response.getException() != null
                            && response.getException().getReasonCode() == SESSION_TAKEN_OVER);
            Throwable cause = response.getException() != null
                    ? response.getException()
                    : new MqttException(response.getReturnCode());
            listener.connectionLost(Mqtt5Connection.this, cause, takenOver);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("{}: MQTT protocol error", clientId, exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
