package org.cems.connector.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.annotation.PublicEvolving;

/** Builds an {@link MqttSource}; see that class for the guarantees. */
@PublicEvolving
public final class MqttSourceBuilder<T> {
    private final List<String> brokerUris = new ArrayList<>();
    private final List<String> topicFilters = new ArrayList<>();
    private int qos = MqttSourceOptions.DEFAULT_QOS;
    private String clientIdPrefix;
    private Duration sessionExpiry = MqttSourceOptions.DEFAULT_SESSION_EXPIRY;
    private int receiveMaximum = MqttSourceOptions.DEFAULT_RECEIVE_MAXIMUM;
    private int overshootAllowance;
    private String username;
    private String passwordEnv;
    private MqttTlsOptions tls;
    private String sharedGroup;
    private MqttProtocolVersion protocolVersion = MqttProtocolVersion.V5;
    private Duration keepAlive = MqttSourceOptions.DEFAULT_KEEP_ALIVE;
    private Duration connectTimeout = MqttSourceOptions.DEFAULT_CONNECT_TIMEOUT;
    private Duration reconnectInitialBackoff = MqttSourceOptions.DEFAULT_RECONNECT_INITIAL_BACKOFF;
    private Duration reconnectMaxBackoff = MqttSourceOptions.DEFAULT_RECONNECT_MAX_BACKOFF;
    private MqttRecordDeserializer<T> deserializer;

    MqttSourceBuilder() {}

    /** tcp://host:port or ssl://host:port; more than one gives failover, tried in order. */
    public MqttSourceBuilder<T> setBrokerUris(String... uris) {
        brokerUris.clear();
        brokerUris.addAll(Arrays.asList(uris));
        return this;
    }

    /** Topic filters such as {@code plants/+/hj212}; wildcards allowed. */
    public MqttSourceBuilder<T> setTopicFilters(String... filters) {
        topicFilters.clear();
        topicFilters.addAll(Arrays.asList(filters));
        return this;
    }

    /** 1 (default): at-least-once, acked after checkpoints. 0: at-most-once, no flow control. */
    public MqttSourceBuilder<T> setQos(int qos) {
        this.qos = qos;
        return this;
    }

    /** Reader i connects as {@code prefix-i}. Must be unique per job and stable across restarts. */
    public MqttSourceBuilder<T> setClientIdPrefix(String prefix) {
        this.clientIdPrefix = prefix;
        return this;
    }

    /** How long the broker keeps a disconnected reader's session and its queued messages. */
    public MqttSourceBuilder<T> setSessionExpiry(Duration expiry) {
        this.sessionExpiry = expiry;
        return this;
    }

    /** Un-acked QoS 1 messages the broker may send each reader (1..65535); see {@link MqttSource}. */
    public MqttSourceBuilder<T> setReceiveMaximum(int receiveMaximum) {
        this.receiveMaximum = receiveMaximum;
        return this;
    }

    /**
     * Extra un-acked messages a reader accepts when the broker sends past the receive maximum
     * (Mosquitto 2.0.11 does, by up to its {@code max_queued_messages}). 0 (default) keeps the
     * MQTT window: past it, messages are left un-acked and fetched again by a reconnect once the
     * window is acked. Raising it trades reader memory for fewer such reconnects.
     */
    public MqttSourceBuilder<T> setOvershootAllowance(int messages) {
        this.overshootAllowance = messages;
        return this;
    }

    /** User name, and the name of the environment variable that holds the password on task managers. */
    public MqttSourceBuilder<T> setCredentials(String username, String passwordEnv) {
        this.username = username;
        this.passwordEnv = passwordEnv;
        return this;
    }

    public MqttSourceBuilder<T> setTls(MqttTlsOptions tls) {
        this.tls = tls;
        return this;
    }

    /** Subscribes to {@code $share/{group}/{filter}}, so parallel readers split the messages. */
    public MqttSourceBuilder<T> setSharedSubscriptionGroup(String group) {
        this.sharedGroup = group;
        return this;
    }

    public MqttSourceBuilder<T> setProtocolVersion(MqttProtocolVersion version) {
        this.protocolVersion = version;
        return this;
    }

    public MqttSourceBuilder<T> setKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
        return this;
    }

    public MqttSourceBuilder<T> setConnectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** Delay before the first reconnect attempt, doubled after each failure up to {@code max}. */
    public MqttSourceBuilder<T> setReconnectBackoff(Duration initial, Duration max) {
        this.reconnectInitialBackoff = initial;
        this.reconnectMaxBackoff = max;
        return this;
    }

    public MqttSourceBuilder<T> setDeserializer(MqttRecordDeserializer<T> deserializer) {
        this.deserializer = deserializer;
        return this;
    }

    public MqttSource<T> build() {
        require(!brokerUris.isEmpty(), "at least one broker URI");
        require(!topicFilters.isEmpty(), "at least one topic filter");
        require(qos == 0 || qos == 1, "QoS 0 or 1 (QoS 2 is not supported), got " + qos);
        require(clientIdPrefix != null && !clientIdPrefix.isBlank(), "a client id prefix");
        require(receiveMaximum >= 1 && receiveMaximum <= 65_535, "receive maximum in 1..65535, got " + receiveMaximum);
        require(overshootAllowance >= 0, "a non-negative overshoot allowance");
        require(!sessionExpiry.isNegative() && !sessionExpiry.isZero(), "a positive session expiry");
        require(sessionExpiry.getSeconds() <= 0xFFFF_FFFFL, "session expiry below 2^32 s");
        require(passwordEnv == null || username != null, "a user name with the password");
        require(sharedGroup == null || sharedGroup.matches("[^/+#]+"), "a shared group without / + #");
        require(deserializer != null, "a deserializer");
        require(
                !reconnectInitialBackoff.isNegative() && reconnectMaxBackoff.compareTo(reconnectInitialBackoff) >= 0,
                "a reconnect backoff with 0 <= initial <= max");
        MqttSourceOptions options = new MqttSourceOptions(
                brokerUris,
                topicFilters,
                qos,
                clientIdPrefix,
                sessionExpiry,
                receiveMaximum,
                overshootAllowance,
                username,
                passwordEnv,
                tls,
                sharedGroup,
                protocolVersion,
                keepAlive,
                connectTimeout,
                reconnectInitialBackoff,
                reconnectMaxBackoff);
        return new MqttSource<>(options, deserializer);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("MqttSource needs " + what);
        }
    }
}
