package org.cems.connector.mqtt;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Everything a reader needs to connect and subscribe, fixed when the source is built. Holds the
 * names of environment variables, never secrets, so it can be logged and shipped in the job graph.
 */
@PublicEvolving
public final class MqttSourceOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_QOS = 1;
    /** Long enough for a job to restart and a broker to come back without losing the session. */
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);
    /**
     * The MQTT maximum. Acks wait for the checkpoint, so this window must hold a whole checkpoint
     * interval of messages, or the broker stops sending until the next checkpoint completes.
     */
    public static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;

    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RECONNECT_INITIAL_BACKOFF = Duration.ofMillis(200);
    public static final Duration DEFAULT_RECONNECT_MAX_BACKOFF = Duration.ofSeconds(30);

    private final List<String> brokerUris;
    private final List<String> topicFilters;
    private final int qos;
    private final String clientIdPrefix;
    private final Duration sessionExpiry;
    private final int receiveMaximum;
    private final int overshootAllowance;
    private final String username;
    private final String passwordEnv;
    private final MqttTlsOptions tls;
    private final String sharedGroup;
    private final MqttProtocolVersion protocolVersion;
    private final Duration keepAlive;
    private final Duration connectTimeout;
    private final Duration reconnectInitialBackoff;
    private final Duration reconnectMaxBackoff;

    MqttSourceOptions(
            List<String> brokerUris,
            List<String> topicFilters,
            int qos,
            String clientIdPrefix,
            Duration sessionExpiry,
            int receiveMaximum,
            int overshootAllowance,
            String username,
            String passwordEnv,
            MqttTlsOptions tls,
            String sharedGroup,
            MqttProtocolVersion protocolVersion,
            Duration keepAlive,
            Duration connectTimeout,
            Duration reconnectInitialBackoff,
            Duration reconnectMaxBackoff) {
        this.brokerUris = List.copyOf(brokerUris);
        this.topicFilters = List.copyOf(topicFilters);
        this.qos = qos;
        this.clientIdPrefix = clientIdPrefix;
        this.sessionExpiry = sessionExpiry;
        this.receiveMaximum = receiveMaximum;
        this.overshootAllowance = overshootAllowance;
        this.username = username;
        this.passwordEnv = passwordEnv;
        this.tls = tls;
        this.sharedGroup = sharedGroup;
        this.protocolVersion = protocolVersion;
        this.keepAlive = keepAlive;
        this.connectTimeout = connectTimeout;
        this.reconnectInitialBackoff = reconnectInitialBackoff;
        this.reconnectMaxBackoff = reconnectMaxBackoff;
    }

    /** The filters as subscribed: {@code $share/{group}/{filter}} when a shared group is set. */
    public List<String> subscriptionFilters() {
        if (sharedGroup == null) {
            return topicFilters;
        }
        return topicFilters.stream().map(f -> "$share/" + sharedGroup + "/" + f).collect(Collectors.toList());
    }

    /** The stable client id of subscriber {@code index}, so its persistent session survives restarts. */
    public String clientId(int index) {
        return clientIdPrefix + "-" + index;
    }

    public List<String> brokerUris() {
        return brokerUris;
    }

    public List<String> topicFilters() {
        return topicFilters;
    }

    public int qos() {
        return qos;
    }

    public String clientIdPrefix() {
        return clientIdPrefix;
    }

    public Duration sessionExpiry() {
        return sessionExpiry;
    }

    public int receiveMaximum() {
        return receiveMaximum;
    }

    /** Un-acked messages a reader accepts beyond the receive maximum from a broker that overshoots it. */
    public int overshootAllowance() {
        return overshootAllowance;
    }

    /** Un-acked QoS 1 messages a reader accepts per subscriber; also its hand-off queue's bound. */
    public int acceptWindow() {
        return receiveMaximum + overshootAllowance;
    }

    public String username() {
        return username;
    }

    public String passwordEnv() {
        return passwordEnv;
    }

    public MqttTlsOptions tls() {
        return tls;
    }

    public String sharedGroup() {
        return sharedGroup;
    }

    public MqttProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    public Duration keepAlive() {
        return keepAlive;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration reconnectInitialBackoff() {
        return reconnectInitialBackoff;
    }

    public Duration reconnectMaxBackoff() {
        return reconnectMaxBackoff;
    }

    @Override
    public String toString() {
        return "MqttSourceOptions{brokers=" + brokerUris
                + ", filters=" + subscriptionFilters()
                + ", qos=" + qos
                + ", clientIdPrefix=" + clientIdPrefix
                + ", protocol=" + protocolVersion
                + ", sessionExpiry=" + sessionExpiry
                + ", receiveMaximum=" + receiveMaximum
                + ", overshootAllowance=" + overshootAllowance
                + ", username=" + username
                + ", passwordEnv=" + passwordEnv
                + ", tls=" + tls
                + "}";
    }
}
