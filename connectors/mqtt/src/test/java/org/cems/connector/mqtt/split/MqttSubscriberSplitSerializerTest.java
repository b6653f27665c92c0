package org.cems.connector.mqtt.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MqttSubscriberSplitSerializerTest {
    private final MqttSubscriberSplitSerializer serializer = new MqttSubscriberSplitSerializer();

    @Test
    void roundTrips() throws IOException {
        MqttSubscriberSplit split = new MqttSubscriberSplit(7);
        MqttSubscriberSplit copy = serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
        assertThat(copy).isEqualTo(split);
        assertThat(copy.splitId()).isEqualTo("subscriber-7");
    }

    @Test
    void refusesUnknownVersionAndWrongLength() {
        byte[] bytes = serializer.serialize(new MqttSubscriberSplit(1));
        assertThatThrownBy(() -> serializer.deserialize(2, bytes)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> serializer.deserialize(1, new byte[3])).isInstanceOf(IOException.class);
    }
}
