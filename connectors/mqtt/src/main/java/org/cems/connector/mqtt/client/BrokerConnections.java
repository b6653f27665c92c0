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
}
