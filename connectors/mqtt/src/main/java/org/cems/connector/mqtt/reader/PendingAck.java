package org.cems.connector.mqtt.reader;

/** A QoS 1 message emitted downstream whose PUBACK waits for a checkpoint to complete. */
record PendingAck(MqttSubscriber subscriber, LiveConnection on, int packetId, int qos) {}
