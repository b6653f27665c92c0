package org.cems.connector.mqtt.sink;

import java.io.Serializable;

/** Where and what an element is published as. */
public interface MqttMessageBuilder<T> extends Serializable {
    String topic(T element);

    byte[] payload(T element);
}
