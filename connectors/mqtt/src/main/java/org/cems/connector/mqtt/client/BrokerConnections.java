package org.cems.connector.mqtt.client;

import org.apache.flink.annotation.Internal;
import org.cems.connector.mqtt.MqttSourceOptions;

/** Creates the connection class for the configured protocol version. */
@Internal
public final class BrokerConnections {
    private BrokerConnections() {}

    public static BrokerConnection create(MqttSourceOptions options, String clientId, BrokerListener listener)
            throws Exception {
        switch (options.protocolVersion()) {
            case V5:
                return new Mqtt5Connection(options, clientId, listener);
            case V3_1_1:
                return new Mqtt3Connection(options, clientId, listener);
            default:
                throw new IllegalArgumentException("unsupported protocol " + options.protocolVersion());
        }
    }

    /** The one line a refused login fails the source with: which broker, user and variable to check. */
    static String refusedCredentials(MqttSourceOptions options, int reasonCode) {
        return refusedCredentials(options.brokerUris(), options.username(), options.passwordEnv(), reasonCode);
    }

    public static String refusedCredentials(
            java.util.List<String> brokerUris, String username, String passwordEnv, int reasonCode) {
        return "MQTT broker " + brokerUris + " refused the login of user " + (username == null ? "(none)" : username)
                + " (reason code 0x" + Integer.toHexString(reasonCode)
                + ": bad user name or password, or not authorized);"
                + " check the user and the password in "
                + (passwordEnv == null ? "(no password set)" : "environment variable " + passwordEnv)
                + " against the broker's password file";
    }
}
