package org.cems.connector.mqtt.client;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import org.cems.connector.mqtt.MqttSourceOptions;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * MQTT 3.1.1 through Paho v3, for brokers without MQTT 5: cleanSession=false gives the same
 * persistent session; the broker's in-flight limit replaces the receive maximum. Messages come
 * through the global callback, because Paho v3 does not route {@code $share/...} filters to
 * per-subscription listeners.
 */
@Internal
final class Mqtt3Connection extends PahoConnection {
    /** CONNACK return codes about our settings: identifier rejected, bad user name or password, not authorized. */
    private static final Set<Integer> REFUSED_SETTINGS = Set.of(
            (int) MqttException.REASON_CODE_INVALID_CLIENT_ID,
            (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION,
            (int) MqttException.REASON_CODE_NOT_AUTHORIZED);

    private static final int SUBSCRIPTION_FAILURE = 0x80;

    private final MqttAsyncClient client;

    Mqtt3Connection(MqttSourceOptions options, String clientId, BrokerListener listener) throws MqttException {
        super(options, clientId, listener, "MQTT 3.1.1");
        this.client = new MqttAsyncClient(options.brokerUris().get(0), clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new Callback());
    }

    @Override
    public boolean connect() throws Exception {
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setServerURIs(options.brokerUris().toArray(new String[0]));
        connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connect.setCleanSession(false);
        connect.setKeepAliveInterval((int) options.keepAlive().getSeconds());
        connect.setConnectionTimeout((int) options.connectTimeout().getSeconds());
        connect.setAutomaticReconnect(false);
        if (options.username() != null) {
            connect.setUserName(options.username());
        }
        if (options.passwordEnv() != null) {
            connect.setPassword(EnvironmentSecrets.require(options.passwordEnv(), "MQTT password"));
        }
        if (options.tls() != null) {
            connect.setSocketFactory(TlsSocketFactories.create(options.tls()));
        }
        try {
            IMqttToken token = client.connect(connect);
            token.waitForCompletion(options.connectTimeout().toMillis());
            return token.getSessionPresent();
        } catch (MqttException e) {
            // CONNACK 2, 4 and 5 (MQTT 3.1.1 3.2.2.3): retrying with the same settings cannot help
            if (REFUSED_SETTINGS.contains(e.getReasonCode())) {
                throw new SourceConfigurationException(
                        e.getReasonCode() == MqttException.REASON_CODE_INVALID_CLIENT_ID
                                ? "broker refused the connection with return code " + e.getReasonCode() + " ("
                                        + e.getMessage() + "): check the client id prefix"
                                : BrokerConnections.refusedCredentials(options, e.getReasonCode()),
                        e);
            }
            throw e;
        }
    }

    @Override
    public void subscribe(List<String> filters, int qos) throws Exception {
        int[] qosPerFilter = new int[filters.size()];
        Arrays.fill(qosPerFilter, qos);
        IMqttToken token = client.subscribe(filters.toArray(new String[0]), qosPerFilter);
        token.waitForCompletion(options.connectTimeout().toMillis());
        int[] granted = token.getGrantedQos();
        for (int i = 0; i < granted.length && i < filters.size(); i++) {
            if (granted[i] >= SUBSCRIPTION_FAILURE) {
                throw new SubscriptionRejectedException(filters.get(i), granted[i]);
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
                    Mqtt3Connection.this,
                    topic,
                    message.getPayload(),
                    message.getQos(),
                    message.isRetained(),
                    message.getId());
        }

        @Override
        public void connectionLost(Throwable cause) {
            // MQTT 3.1.1 has no reason codes: a takeover looks like any other dropped connection
            listener.connectionLost(Mqtt3Connection.this, cause, false);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
    }
}
