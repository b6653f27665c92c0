package org.cems.connector.mqtt.reader;

/**
 * A message as handed from the MQTT client's thread to the reader. {@code ackOn} is the
 * connection to ack it on, null for QoS 0.
 */
record ReceivedMessage(
        MqttSubscriber subscriber,
        LiveConnection ackOn,
        String topic,
        byte[] payload,
        int qos,
        boolean retained,
        int packetId,
        long receivedAtMillis) {

    boolean needsAck() {
        return ackOn != null;
    }
}
