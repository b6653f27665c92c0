package org.cems.connector.mqtt;

import org.apache.flink.annotation.PublicEvolving;

/** The MQTT protocol a source speaks to its broker. */
@PublicEvolving
public enum MqttProtocolVersion {
    /** MQTT 5: clean start off, session expiry and receive maximum sent in CONNECT. */
    V5,
    /**
     * MQTT 3.1.1, for brokers without MQTT 5: the same semantics through cleanSession=false. There
     * is no session expiry (the broker's own setting applies) and no receive maximum: the broker's
     * in-flight limit is the window instead (Mosquitto's {@code max_inflight_messages}, default 20,
     * so raise it), while the configured receive maximum still caps what a reader accepts.
     */
    V3_1_1
}
